/**
 * What a build tells a person: one line with its result and timings (the publisher's log, `npm
 * start`), and everything else (each step, the whole `astro build` output) in the release root's
 * `build.log`, rewritten by every build and named by the line and by /status.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** The last build's full log, in the publisher's root (RELEASES_DIR). */
export const buildLogFile = (root: string): string => path.join(root, 'build.log');

/** A duration as a person reads it: "74 ms", "5.5 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export interface BuildOutcome {
  result: 'success' | 'failure';
  seconds: number;
  /** Why it ran (the events it covers). */
  reason: string;
  release?: string | null;
  /** Step timings in milliseconds, in the order they ran. */
  steps: Record<string, number>;
  /** The failure's message; only its first line goes into the summary. */
  error?: string | null;
  /** Where the full log is, for a failure. */
  logFile?: string;
  /** Forwarded to GitHub Actions instead of built here. */
  forwardedTo?: string;
  /** Issue 15: which path published, why, and what the fast path rendered. */
  path?: 'fast' | 'full';
  why?: string;
  pages?: { rendered: number; written: number; removed: number; changed: number; total: number };
}

/** "fast path: 12 pages rendered, …" / "full build: why". */
function pathSummary(outcome: BuildOutcome): string | null {
  if (!outcome.path) return null;
  if (outcome.path === 'full') return `full build: ${outcome.why ?? ''}`.trim();
  const p = outcome.pages;
  return p ? `fast path: ${p.rendered} pages rendered, ${p.written} files written, ${p.removed} removed, ${p.changed} of ${p.total} pages changed` : 'fast path';
}

/** The one line a build leaves in the log. */
export function buildSummary(outcome: BuildOutcome): string {
  const steps = Object.entries(outcome.steps).map(([name, ms]) => `${name} ${formatDuration(ms)}`);
  const how = pathSummary(outcome);
  const detail = [...(how ? [how] : []), outcome.reason, ...steps].join('; ');
  const took = formatDuration(outcome.seconds * 1000);
  if (outcome.forwardedTo) {
    return outcome.result === 'success'
      ? `build forwarded to GitHub Actions (${outcome.forwardedTo}) in ${took} (${detail})`
      : `forwarding to GitHub failed after ${took}, retried later (${detail}): ${firstLine(outcome.error)}`;
  }
  if (outcome.result === 'success') return `build done in ${took}: release ${outcome.release} is live (${detail})`;
  return `build failed after ${took}, the live release is unchanged (${detail}): ${firstLine(outcome.error)}${outcome.logFile ? `; full output in ${outcome.logFile}` : ''}`;
}

const firstLine = (message: string | null | undefined): string => (message ?? 'unknown error').split('\n')[0]!.trim();

/** Writes the build's own lines and, when there is one, the whole `astro build` output. */
export function writeBuildLog(file: string, lines: readonly string[], output: string | undefined): void {
  try {
    writeFileSync(file, `${lines.join('\n')}\n${output ? `\n--- astro build output ---\n${output}` : ''}`);
  } catch {
    // The releases folder is not writable: the build itself reports that.
  }
}

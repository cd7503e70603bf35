/**
 * The benchmark's pure helpers for issue 15's table: median and worst of a series, the share of
 * each step in one publish-to-live ("wait 35%, sync 12%, render 30%, …"), which paths a series of
 * publishes took, and the figures `astro build` prints about itself (content sync, prerendering,
 * Pagefind).
 */

/** The median of `values` (the upper one of an even count, as the table has always quoted). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The largest of `values`. */
export function worst(values: readonly number[]): number {
  if (values.length === 0) throw new Error('worst of no values');
  return Math.max(...values);
}

/**
 * Where the time of one publish-to-live went, as whole percentages of `totalMs`, in the order of
 * `parts` (the wait before the build, then its steps in the order they ran). Parts under 0.5% are
 * left out; the time no part covers (the page poll, the public server's answer) is "other"
 * when it comes to 1% or more. Parts longer than the total (clocks of two processes) are capped.
 */
export function stepShares(totalMs: number, parts: ReadonlyArray<readonly [string, number]>): string {
  if (!(totalMs > 0)) return 'no time measured';
  const shares: string[] = [];
  let covered = 0;
  for (const [name, ms] of parts) {
    const part = Math.max(0, ms);
    covered += part;
    const pct = Math.round((100 * part) / totalMs);
    if (pct >= 1) shares.push(`${name} ${pct}%`);
  }
  const other = Math.round((100 * (totalMs - covered)) / totalMs);
  if (other >= 1) shares.push(`other ${other}%`);
  return shares.join(', ');
}

/**
 * The parts of one publish-to-live in the order they ran: the wait until its build started, the
 * build's steps up to the switch (`activate`; what runs after it, e.g. `prune`, is not in the
 * time), and the build's time no step covers (the fast path's process start).
 */
export function publishParts(waitMs: number, build: { seconds: number | null; steps: Record<string, number> }): Array<[string, number]> {
  const parts: Array<[string, number]> = [['wait (publish request, webhook, quiet period)', waitMs]];
  const entries = Object.entries(build.steps);
  const switched = entries.findIndex(([name]) => name === 'activate');
  const before = switched === -1 ? entries : entries.slice(0, switched + 1);
  parts.push(...before);
  const unstepped = (build.seconds ?? 0) * 1000 - entries.reduce((sum, [, ms]) => sum + ms, 0);
  if (unstepped > 0) parts.push(['no step (process start)', unstepped]);
  return parts;
}

/** "fast ×5" or "full ×1 (no live release yet), fast ×4": the paths a series of publishes took, in order of first use. */
export function pathSummary(builds: ReadonlyArray<{ path?: string | null; why?: string | null }>): string {
  const counts = new Map<string, { n: number; whys: Set<string> }>();
  for (const build of builds) {
    const key = build.path ?? 'unknown';
    const entry = counts.get(key) ?? { n: 0, whys: new Set<string>() };
    entry.n += 1;
    if (key !== 'fast' && build.why) entry.whys.add(build.why);
    counts.set(key, entry);
  }
  return [...counts].map(([key, { n, whys }]) => `${key} ×${n}${whys.size > 0 ? ` (${[...whys].join('; ')})` : ''}`).join(', ');
}

/** What `astro build` says about its own steps; a field is undefined when the output does not say it. */
export interface BuildFigures {
  /** "[cong-content] content synced in X ms". */
  contentSyncMs?: number;
  /** The "✓ Completed in" line that ends the "prerendering static routes" list. */
  prerenderMs?: number;
  /** Pages rendered (a "(+Nms)" line) and restored from the incremental build's cache ("(restored)"). */
  rendered: number;
  restored: number;
  /** "search: N pages indexed in X ms" (Pagefind, site/src/integrations/search-index.ts). */
  searchMs?: number;
  searchPages?: number;
}

const toMs = (value: string, unit: string) => Number(value) * (unit === 's' ? 1000 : unit === 'm' ? 60_000 : 1);

/** Reads BuildFigures out of everything `astro build` printed. */
export function parseBuildOutput(output: string): BuildFigures {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const figures: BuildFigures = { rendered: 0, restored: 0 };
  let prerendering = false;
  for (const line of lines) {
    const sync = /content synced in (\d+) ms/.exec(line);
    if (sync) figures.contentSyncMs = Number(sync[1]);
    const search = /search: (\d+) pages indexed in (\d+) ms/.exec(line);
    if (search) {
      figures.searchPages = Number(search[1]);
      figures.searchMs = Number(search[2]);
    }
    if (/prerendering static routes/.test(line)) {
      prerendering = true;
      continue;
    }
    if (!prerendering) continue;
    if (/\(restored\)\s*$/.test(line)) figures.restored += 1;
    else if (/\(\+[\d.]+m?s\)\s*$/.test(line)) figures.rendered += 1;
    const done = /✓ Completed in ([\d.]+)(ms|s|m)\b/.exec(line);
    if (done) {
      figures.prerenderMs = toMs(done[1]!, done[2]!);
      prerendering = false;
    }
  }
  return figures;
}

/** "content sync 3.4 s, prerendering 15.0 s (11,686 pages rendered, 0 restored), search 13.4 s (11,686 pages)": what the output said. */
export function describeBuild(figures: BuildFigures): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const parts: string[] = [];
  if (figures.contentSyncMs !== undefined) parts.push(`content sync ${s(figures.contentSyncMs)}`);
  if (figures.prerenderMs !== undefined) parts.push(`prerendering ${s(figures.prerenderMs)} (${figures.rendered.toLocaleString('en')} pages rendered, ${figures.restored.toLocaleString('en')} restored from the cache)`);
  if (figures.searchMs !== undefined) parts.push(`Pagefind ${s(figures.searchMs)} (${(figures.searchPages ?? 0).toLocaleString('en')} pages)`);
  return parts.join(', ');
}

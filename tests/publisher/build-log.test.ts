/**
 * A build leaves one line in the publisher's log (issue 11, item 4): its result and timings; the
 * steps and the whole astro output go to RELEASES_DIR/build.log.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSummary, formatDuration, writeBuildLog } from '../../scripts/publisher/build-log';

describe('buildSummary', () => {
  test('a success is one line: time, release, reason and each step', () => {
    const line = buildSummary({ result: 'success', seconds: 5.83, reason: 'entry.publish article', release: '20261201T020548Z-ea24', steps: { fingerprint: 74, build: 5497, validate: 10, precompress: 253, activate: 0, prune: 1 } });
    expect(line).toBe('build done in 5.8 s: release 20261201T020548Z-ea24 is live (entry.publish article; fingerprint 74 ms; build 5.5 s; validate 10 ms; precompress 253 ms; activate 0 ms; prune 1 ms)');
    expect(line).not.toContain('\n');
  });

  test('a failure names its first line and where the whole output is', () => {
    const line = buildSummary({ result: 'failure', seconds: 3.2, reason: 'reconciliation', steps: {}, error: 'astro build failed (exit 1):\nline 1\nline 2', logFile: '/srv/cong/releases/build.log' });
    expect(line).toBe('build failed after 3.2 s, the live release is unchanged (reconciliation): astro build failed (exit 1):; full output in /srv/cong/releases/build.log');
  });

  test('formatDuration', () => {
    expect(formatDuration(999)).toBe('999 ms');
    expect(formatDuration(1000)).toBe('1.0 s');
  });
});

test('writeBuildLog keeps the steps and the whole astro output', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cong-build-log-')), 'build.log');
  writeBuildLog(file, ['build started: x', '  build: 5497 ms'], 'astro line 1\nastro line 2\n');
  expect(readFileSync(file, 'utf8')).toBe('build started: x\n  build: 5497 ms\n\n--- astro build output ---\nastro line 1\nastro line 2\n');
});

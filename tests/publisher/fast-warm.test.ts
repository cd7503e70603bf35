/**
 * The fast-path worker ahead of a publish (issue 15): when the publisher starts, a large portal's
 * worker is started and loads the live release before the first publish; a small portal's, a
 * release without compiled pages, or a fast path turned off start none.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { WARM_AT_START_MIN_DOCUMENTS, warmLiveRelease, type DeployOptions } from '../../scripts/publisher/deploy';
import { fastWorkerPid, MAX_FAST_WORKERS, stopFastWorkers } from '../../scripts/publisher/fast/index';
import { activate, createRelease } from '../../scripts/publisher/releases';
import { writeReleaseManifest } from '../../scripts/publisher/reconcile';

afterAll(() => stopFastWorkers());

/** A portal root whose live release shows `documents` entries, with or without compiled pages. */
function portalRoot(documents: number, renderer = true): DeployOptions {
  const root = mkdtempSync(path.join(tmpdir(), 'cong-warm-'));
  const dir = createRelease(root);
  mkdirSync(path.join(dir, 'renderer'), { recursive: true });
  mkdirSync(path.join(dir, 'client'), { recursive: true });
  // A renderer of another format: the worker says it has nothing to load (no pages are compiled here).
  if (renderer) writeFileSync(path.join(dir, 'renderer', 'renderer.json'), JSON.stringify({ format: -1 }));
  writeReleaseManifest(dir, { fingerprint: 'f', builtAt: new Date().toISOString(), documents: Array.from({ length: documents }, (_, i) => `doc${i}`), path: 'full' });
  activate(root, path.basename(dir));
  return { root, keep: 2, cmsUrl: 'http://127.0.0.1:9', token: 't', siteUrl: 'http://127.0.0.1:9', log: () => undefined };
}

describe('warming the fast-path worker when the publisher starts', () => {
  test('a portal that large starts its worker for the live release', () => {
    const options = portalRoot(WARM_AT_START_MIN_DOCUMENTS);
    expect(warmLiveRelease(options)).toBe(true);
    const pid = fastWorkerPid(options.root);
    expect(pid).toBeGreaterThan(0);
    expect(() => process.kill(pid!, 0)).not.toThrow();
    // Asked again for the same release: the same worker serves it.
    expect(warmLiveRelease(options)).toBe(true);
    expect(fastWorkerPid(options.root)).toBe(pid);
  });

  test('no more than MAX_FAST_WORKERS workers are kept: the least recently used idle one makes way', () => {
    const portals = Array.from({ length: MAX_FAST_WORKERS + 1 }, () => portalRoot(WARM_AT_START_MIN_DOCUMENTS));
    for (const options of portals) expect(warmLiveRelease(options)).toBe(true);
    expect(fastWorkerPid(portals[0]!.root)).toBeUndefined();
    for (const options of portals.slice(1)) expect(fastWorkerPid(options.root)).toBeGreaterThan(0);
  });

  test('a smaller portal, a release without compiled pages, or the fast path off: no worker', () => {
    expect(warmLiveRelease(portalRoot(WARM_AT_START_MIN_DOCUMENTS - 1))).toBe(false);
    expect(warmLiveRelease(portalRoot(WARM_AT_START_MIN_DOCUMENTS, false))).toBe(false);
    expect(warmLiveRelease({ ...portalRoot(WARM_AT_START_MIN_DOCUMENTS), fastMaxPages: 0 })).toBe(false);
  });
});

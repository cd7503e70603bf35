/**
 * Builds share one staging folder per releases folder (scripts/lib/site.ts): a second build of the
 * same folder is refused while the first runs, instead of deleting and moving the first one's output
 * (review of issue 11); a lock left by a process that is gone is taken over.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { acquireBuildLock, buildSite, SiteBuildError, stagingDir } from '../../scripts/lib/site';

const dir = mkdtempSync(path.join(tmpdir(), 'cong-build-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the build lock', () => {
  test('a second build of the same releases folder is refused, naming the running one, and touches nothing', async () => {
    const out = path.join(dir, 'releases', 'r2');
    const staging = stagingDir(out);
    mkdirSync(staging, { recursive: true });
    writeFileSync(path.join(staging, 'half-built.html'), 'the first build is writing this');
    const release = acquireBuildLock(staging);
    try {
      const error = await buildSite({ SITE_OUT_DIR: out }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SiteBuildError);
      expect((error as Error).message).toContain(`Another build (process ${process.pid}) is writing to ${staging}`);
      // The first build's work is where it was.
      expect(readFileSync(path.join(staging, 'half-built.html'), 'utf8')).toBe('the first build is writing this');
      expect(existsSync(out)).toBe(false);
    } finally {
      release();
    }
    expect(existsSync(`${staging}.lock`)).toBe(false);
  });

  test('a lock whose process is gone is taken over', () => {
    const staging = stagingDir(path.join(dir, 'other', 'r1'));
    mkdirSync(path.dirname(staging), { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(`${staging}.lock`, String(gone));
    const release = acquireBuildLock(staging);
    expect(readFileSync(`${staging}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${staging}.lock`)).toBe(false);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { discardUnfinishedCache, stopOrphanBuild } from '../../scripts/publisher/deploy';
import { waitUntil } from '../helpers/conditions';
import { prepareSpare, settled, spareOf, takeSpare } from '../../scripts/publisher/housekeeping';
import { activate, createRelease, currentRelease, isHeld, listReleases, prune, releaseHold, removeIncomplete, rollback } from '../../scripts/publisher/releases';

const root = () => mkdtempSync(path.join(tmpdir(), 'cong-releases-'));

/** Creates a release holding one index.html with `text`. */
function release(dir: string, text: string, at: number): string {
  const folder = createRelease(dir, new Date(Date.UTC(2026, 10, 27, 1, 0, at)));
  writeFileSync(path.join(folder, 'index.html'), text);
  return path.basename(folder);
}

describe('releases', () => {
  test('switches current atomically and serves the new release through the link', () => {
    const dir = root();
    const a = release(dir, 'A', 1);
    activate(dir, a);
    expect(readFileSync(path.join(dir, 'current', 'index.html'), 'utf8')).toBe('A');
    const b = release(dir, 'B', 2);
    activate(dir, b);
    expect(currentRelease(dir)).toBe(b);
    expect(readFileSync(path.join(dir, 'current', 'index.html'), 'utf8')).toBe('B');
  });

  test('keeps the newest N releases and never deletes the live one', async () => {
    const dir = root();
    const names = [1, 2, 3, 4, 5].map((i) => release(dir, String(i), i));
    activate(dir, names[1]!); // an old release is live (after a rollback)
    const removed = await prune(dir, 2);
    expect(removed).toEqual([names[0], names[2]]);
    expect(listReleases(dir)).toEqual([names[1], names[3], names[4]]);
    // Gone from releases/ at once, deleted in the background.
    await settled();
    expect(readdirSync(path.join(dir, '.trash'))).toEqual([]);
  });

  test('a spare copy of the live release is linked in the background and taken by the next release', async () => {
    const dir = root();
    const live = createRelease(dir, new Date(Date.UTC(2026, 10, 27, 1, 0, 1)));
    mkdirSync(path.join(live, 'client', 'tin-tuc'), { recursive: true });
    writeFileSync(path.join(live, 'client', 'tin-tuc', 'index.html'), 'A');
    mkdirSync(path.join(live, 'renderer'));
    writeFileSync(path.join(live, 'renderer', 'pages.json'), '[]');
    activate(dir, path.basename(live));
    prepareSpare(dir, path.basename(live));
    const next = createRelease(dir, new Date(Date.UTC(2026, 10, 27, 1, 0, 2)));
    expect(await takeSpare(spareOf(dir, path.basename(live))!, next)).toBe(true);
    // The same files (hard links), none of the spare's marks, and the spare is gone.
    const page = path.join(next, 'client', 'tin-tuc', 'index.html');
    expect(statSync(page).ino).toBe(statSync(path.join(live, 'client', 'tin-tuc', 'index.html')).ino);
    expect(readdirSync(next).sort()).toEqual(['client', 'renderer']);
    expect(readdirSync(path.join(dir, 'spare'))).toEqual([]);
    // Only one use: a second release finds none and links the live one itself.
    expect(spareOf(dir, path.basename(live))).toBeNull();
    expect(await takeSpare(path.join(dir, 'spare', path.basename(live)), createRelease(dir, new Date(Date.UTC(2026, 10, 27, 1, 0, 3))), 100)).toBe(false);
    // A spare of a release that is no longer live is discarded when the next one is made.
    prepareSpare(dir, path.basename(live));
    prepareSpare(dir, path.basename(next));
    await settled();
    expect(readdirSync(path.join(dir, 'spare'))).toEqual([path.basename(next)]);
    expect(spareOf(dir, path.basename(live))).toBeNull();
  });

  test('rolls back to the previous release, and refuses when there is none', () => {
    const dir = root();
    const a = release(dir, 'A', 1);
    const b = release(dir, 'B', 2);
    activate(dir, b);
    expect(rollback(dir)).toBe(a);
    expect(readFileSync(path.join(dir, 'current', 'index.html'), 'utf8')).toBe('A');
    expect(isHeld(dir)).toBe(true); // reconciliation must not rebuild what was rolled back
    releaseHold(dir);
    expect(isHeld(dir)).toBe(false);
    expect(() => rollback(dir)).toThrow(`No release older than ${a} to roll back to`);
  });

  test('refuses to activate a release that does not exist', () => {
    expect(() => activate(root(), 'nope')).toThrow('No release "nope"');
  });

  test('removes release folders a build never finished, never the live one', () => {
    const dir = root();
    const done = release(dir, 'A', 1);
    writeFileSync(path.join(dir, 'releases', done, 'release.json'), '{}');
    activate(dir, done);
    const unfinished = release(dir, 'B', 2);
    expect(removeIncomplete(dir)).toEqual([unfinished]);
    expect(listReleases(dir)).toEqual([done]);
  });
});

describe('stopOrphanBuild', () => {
  /** A long-running process whose command line says what it is. */
  function sleeper(label: string) {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', label], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
    return { child, exited };
  }

  test('kills the astro build a killed publisher left behind, and only that', async () => {
    const dir = root();
    const astro = sleeper('astro.mjs');
    const other = sleeper('something-else');
    // stopOrphanBuild tells an astro build by its command line: wait until each child shows its own.
    const shows = (child: ChildProcess, label: string) => () => {
      const cmdline = existsSync(`/proc/${child.pid}/cmdline`) ? readFileSync(`/proc/${child.pid}/cmdline`, 'utf8') : '';
      return cmdline.includes(label) || `its command line is "${cmdline.replaceAll('\0', ' ')}"`;
    };
    await waitUntil(shows(astro.child, 'astro.mjs'), { timeoutMs: 10_000, intervalMs: 10, what: 'the astro stand-in started' });
    await waitUntil(shows(other.child, 'something-else'), { timeoutMs: 10_000, intervalMs: 10, what: 'the other process started' });
    writeFileSync(path.join(dir, 'build.pid'), String(astro.child.pid));
    expect(stopOrphanBuild(dir)).toBe(astro.child.pid);
    expect(await astro.exited).toBe('SIGKILL');
    writeFileSync(path.join(dir, 'build.pid'), String(other.child.pid));
    expect(stopOrphanBuild(dir)).toBeNull(); // a reused pid is not ours to kill
    expect(other.child.exitCode).toBeNull();
    other.child.kill();
    expect(stopOrphanBuild(dir)).toBeNull(); // no pid file left
  });
});

describe('discardUnfinishedCache', () => {
  test('drops the incremental build index a killed or failed build left behind, and only then', () => {
    const dir = root();
    const cache = path.join(dir, 'cache');
    mkdirSync(path.join(cache, 'dist'), { recursive: true });
    writeFileSync(path.join(cache, 'incremental-build.json'), '{}');
    writeFileSync(path.join(cache, 'dist', 'index.html'), 'cached');
    expect(discardUnfinishedCache(dir)).toBe(false); // the last build finished: the index stays
    expect(existsSync(path.join(cache, 'incremental-build.json'))).toBe(true);
    writeFileSync(path.join(cache, 'build-unfinished'), 'release');
    expect(discardUnfinishedCache(dir)).toBe(true);
    expect(existsSync(path.join(cache, 'incremental-build.json'))).toBe(false);
    expect(existsSync(path.join(cache, 'build-unfinished'))).toBe(false);
    expect(discardUnfinishedCache(dir)).toBe(false);
  });
});

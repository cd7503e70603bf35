/**
 * File work around a release switch that no publish should wait for (issue 15). At 10,000 articles
 * a release is ~35,000 files: making the fast path's copy of the live release (hard links, `cp -al`)
 * took 1.7 s of every publish, and deleting an old release 3–5 s after each switch, in front of
 * the next publish of a burst. So:
 * - a **spare** copy of the live release is linked in the background as soon as it goes live
 *   (`<root>/spare/<release>/`); the next fast publish's worker renames it into place instead of
 *   linking, and when the publish comes sooner, it fingerprints, syncs and lists its pages
 *   meanwhile and waits only for what is left of the copy when it needs it;
 * - a release leaving (pruned, or a fast release not used) is **renamed** into `<root>/.trash/`
 *   at once and deleted there in the background.
 * Both run in child processes (`cp`, `rm`): the publisher's event loop, which serves the public
 * site under `npm start`, stays free.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { RELEASE_PARTS } from './fast/tree.ts';

const trashDir = (root: string) => path.join(root, '.trash');
const spareRoot = (root: string) => path.join(root, 'spare');
const spareDir = (root: string, release: string) => path.join(spareRoot(root), release);
/** A spare is complete once its `.ready` mark exists (a spare cut short by a crash is never used). */
const READY = '.ready';

/** Background work per root, so `settled` can wait for it (tests, shutdown). */
const pending = new Set<Promise<unknown>>();
/** The spare being made per root: the release it copies and when it is done. */
const making = new Map<string, { release: string; done: Promise<boolean> }>();

function track<T>(work: Promise<T>): Promise<T> {
  pending.add(work);
  void work.finally(() => pending.delete(work)).catch(() => undefined);
  return work;
}

/** Runs a command; resolves with whether it exited 0. */
function run(command: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

/** Folders being deleted now (each once, however many discards follow). */
const deleting = new Set<string>();

/** Empties `<root>/.trash/` in the background. */
function emptyTrash(root: string): void {
  const dir = trashDir(root);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const doomed = path.join(dir, name);
    if (deleting.has(doomed)) continue;
    deleting.add(doomed);
    void track(run('rm', ['-rf', '--', doomed])
      .then(async (ok) => {
        if (!ok) await rm(doomed, { recursive: true, force: true }); // no `rm` on PATH
      })
      .finally(() => deleting.delete(doomed)));
  }
}

/** Moves a folder out of the way at once (a rename) and deletes it in the background. */
export function discard(root: string, dir: string): void {
  if (!existsSync(dir)) return;
  mkdirSync(trashDir(root), { recursive: true });
  renameSync(dir, path.join(trashDir(root), `${path.basename(dir)}-${randomBytes(3).toString('hex')}`));
  emptyTrash(root);
}

/** Deletes what an earlier publisher left in the trash and spares of releases no longer live (start-up). */
export function tidy(root: string, live: string | null): void {
  if (existsSync(spareRoot(root))) {
    for (const name of readdirSync(spareRoot(root))) if (name !== live || !existsSync(path.join(spareDir(root, name), READY))) discard(root, spareDir(root, name));
  }
  emptyTrash(root);
}

/**
 * Starts linking a spare copy of `release` (its client, server and renderer folders) for the next
 * fast publish; spares of other releases go. Does nothing when one is made or being made already.
 */
export function prepareSpare(root: string, release: string): void {
  if (making.get(root)?.release === release) return;
  if (existsSync(spareRoot(root))) for (const name of readdirSync(spareRoot(root))) if (name !== release) discard(root, spareDir(root, name));
  const target = spareDir(root, release);
  if (existsSync(path.join(target, READY))) return;
  if (existsSync(target)) discard(root, target);
  const done = track((async () => {
    mkdirSync(target, { recursive: true });
    for (const part of RELEASE_PARTS) {
      const from = path.join(root, 'releases', release, part);
      if (existsSync(from) && !(await run('cp', ['-al', from, path.join(target, part)]))) return false;
    }
    mkdirSync(path.join(target, READY));
    return true;
  })().catch(() => false));
  const entry = { release, done };
  making.set(root, entry);
  void done.then(() => {
    if (making.get(root) === entry) making.delete(root);
  });
}

/** The folder of the spare copy of `release` when one is made or being made, else null (for the fast path's job). */
export function spareOf(root: string, release: string): string | null {
  const spare = spareDir(root, release);
  return making.get(root)?.release === release || existsSync(path.join(spare, READY)) ? spare : null;
}

/**
 * Puts the spare copy `spare` (spareOf) at `target` (an empty folder, replaced), waiting up to
 * `waitMs` for it while it is being made (by the publisher: the fast path's worker calls this).
 * Returns false when there is none after all (its copy failed, another process took it): the
 * caller links the release itself.
 */
export async function takeSpare(spare: string, target: string, waitMs = 60_000): Promise<boolean> {
  const until = Date.now() + waitMs;
  while (!existsSync(path.join(spare, READY))) {
    if (!existsSync(spare) || Date.now() > until) return false;
    await delay(20);
  }
  try {
    renameSync(spare, target); // atomic, over the empty folder: of two takers one gets it
  } catch {
    return false;
  }
  rmdirSync(path.join(target, READY));
  return true;
}

/** Resolves when the background work started so far (spares, deletions) is done. */
export async function settled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}

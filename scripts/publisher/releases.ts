/**
 * Release folders on local disk: every build goes into a new folder under `<root>/releases/`,
 * and `<root>/current` is a symlink switched atomically (rename over the old link), so a reader
 * always gets one whole release. The last N are kept; rollback goes back one.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { discard } from './housekeeping.ts';
import path from 'node:path';

/** A sortable, unique release name: 20261127T101530Z-3fa9. */
export function newReleaseName(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(2).toString('hex')}`;
}

/** Creates and returns a new, empty release folder. */
export function createRelease(root: string, now = new Date()): string {
  const dir = path.join(root, 'releases', newReleaseName(now));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Release names, oldest first. */
export function listReleases(root: string): string[] {
  const dir = path.join(root, 'releases');
  return existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith('.')).sort() : [];
}

/** The live release's name, or null before the first deploy. */
export function currentRelease(root: string): string | null {
  try {
    return path.basename(readlinkSync(path.join(root, 'current')));
  } catch {
    return null;
  }
}

/** Makes `name` live: a new symlink renamed over `current` (atomic on POSIX). */
export function activate(root: string, name: string): void {
  if (!listReleases(root).includes(name)) throw new Error(`No release "${name}" under ${path.join(root, 'releases')}`);
  const tmp = path.join(root, `.current-${randomBytes(4).toString('hex')}`);
  symlinkSync(path.join('releases', name), tmp);
  renameSync(tmp, path.join(root, 'current'));
}

/**
 * Deletes all but the newest `keep` releases, never the live one. Returns what was removed: gone
 * from `releases/` at once (renamed), deleted in the background (housekeeping.ts), as a release of
 * 10,000 pages takes seconds to delete and the next publish of a burst should not wait for it.
 */
export async function prune(root: string, keep: number): Promise<string[]> {
  const live = currentRelease(root);
  const all = listReleases(root);
  const doomed = all.slice(0, Math.max(0, all.length - keep)).filter((n) => n !== live);
  for (const name of doomed) discard(root, path.join(root, 'releases', name));
  return doomed;
}

const holdFile = (root: string) => path.join(root, 'hold');

/** True after a rollback until the next successful deploy: reconciliation must not rebuild. */
export function isHeld(root: string): boolean {
  return existsSync(holdFile(root));
}

/** Ends a hold (after a deploy an editor's publish asked for). */
export function releaseHold(root: string): void {
  rmSync(holdFile(root), { force: true });
}

/** Goes back to the release before the live one and holds it; returns its name. */
export function rollback(root: string): string {
  const live = currentRelease(root);
  const all = listReleases(root);
  const index = live ? all.indexOf(live) : -1;
  if (index <= 0) throw new Error(live ? `No release older than ${live} to roll back to` : 'No live release to roll back from');
  const previous = all[index - 1]!;
  activate(root, previous);
  // Reconciliation would rebuild the release just rolled back from: hold until the next publish.
  writeFileSync(holdFile(root), `${new Date().toISOString()} rolled back from ${live} to ${previous}\n`);
  return previous;
}

/** The file in which a finished release records what it was built from (written last: deploy.ts, reconcile.ts). */
export const RELEASE_MANIFEST = 'release.json';

/**
 * Deletes release folders a build never finished (no release.json: the publisher was killed or
 * the machine stopped mid-build), so they neither count as kept releases nor get rolled back to.
 */
export function removeIncomplete(root: string): string[] {
  const live = currentRelease(root);
  const removed = listReleases(root).filter((n) => n !== live && !existsSync(path.join(root, 'releases', n, RELEASE_MANIFEST)));
  for (const name of removed) rmSync(path.join(root, 'releases', name), { recursive: true, force: true });
  return removed;
}

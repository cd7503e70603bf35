/**
 * The files of a backup beside Strapi's archive: the media library's uploads (all of them, or the
 * files of one portal's media records) and each portal's live release (the site as readers see
 * it, so a restored install serves at once, before its first build).
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { activate, currentRelease, listReleases } from '../publisher/releases.ts';
import { FILE_UID, type PortalRows } from './strapi-data.ts';

interface FileRow {
  url: string | null;
  formats: Record<string, { url?: string }> | null;
}

/** The upload folder's file names of media records (the original and its formats: thumbnail, small, …). */
export async function uploadNames(strapi: Core.Strapi, ids?: Set<number>): Promise<string[]> {
  const rows = (await strapi.db.query(FILE_UID as never).findMany({ select: ['url', 'formats'], ...(ids ? { where: { id: { $in: [...ids] } } } : {}) })) as FileRow[];
  const names = new Set<string>();
  for (const row of rows) {
    for (const url of [row.url, ...Object.values(row.formats ?? {}).map((f) => f?.url)]) {
      // Only files on this disk (the local provider's /uploads/…); another provider keeps its own.
      if (url && url.startsWith('/uploads/')) names.add(path.basename(url));
    }
  }
  return [...names].sort();
}

/** Every file of the upload folder (a whole install's backup takes them all, referenced or not). */
export const allUploadNames = (uploadsDir: string): string[] => (existsSync(uploadsDir) ? readdirSync(uploadsDir).filter((n) => !n.startsWith('.') && statSync(path.join(uploadsDir, n)).isFile()).sort() : []);

/** Copies the named files from one folder to another (made if needed); returns how many existed. A missing file is reported, not fatal. */
export function copyNamed(names: readonly string[], from: string, to: string, missing: (name: string) => void): number {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  let copied = 0;
  for (const name of names) {
    const source = path.join(from, name);
    if (!existsSync(source)) {
      missing(name);
      continue;
    }
    copyFileSync(source, path.join(to, name));
    copied += 1;
  }
  return copied;
}

/** Removes the named files from the upload folder (a portal's old files before its restore). */
export function removeNamed(names: readonly string[], dir: string): void {
  for (const name of names) rmSync(path.join(dir, name), { force: true });
}

/** Copies a portal's live release (the folder `current` points to) into `to`; returns its name, or null when it has none. */
export function copyLiveRelease(root: string, to: string): string | null {
  const name = currentRelease(root);
  if (!name) return null;
  cpSync(path.join(root, 'releases', name), path.join(to, name), { recursive: true, verbatimSymlinks: true });
  return name;
}

/**
 * Puts a backed-up release back under a portal's root and makes it live (the same atomic switch as
 * a publish). A release of that name already there is kept as it is.
 */
export function restoreRelease(from: string, name: string, root: string): void {
  const target = path.join(root, 'releases', name);
  if (!listReleases(root).includes(name)) {
    mkdirSync(path.join(root, 'releases'), { recursive: true });
    const staging = path.join(root, 'releases', `.restore-${name}`);
    rmSync(staging, { recursive: true, force: true });
    cpSync(path.join(from, name), staging, { recursive: true, verbatimSymlinks: true });
    // Renamed into place whole: the publisher's pruning and the public server never see half a release.
    renameSync(staging, target);
  }
  activate(root, name);
}

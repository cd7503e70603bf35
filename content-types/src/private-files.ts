/**
 * Files only their server's user may read (folders 700, files 600), whatever the umask: the
 * CMS's database and the public server's reader store are prepared here before SQLite opens
 * them. And the URLs one media-library file is stored under, for whoever needs to find its files.
 */
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** Sets `target`'s mode to `mode` when it is not already (`current` is its lstat mode). */
export function setMode(target: string, mode: number, current = lstatSync(target).mode): void {
  if ((current & 0o777) !== mode) chmodSync(target, mode);
}

/**
 * Prepares an SQLite file before it is opened: its folder private, the file created empty with
 * mode 600 if missing (SQLite gives its journal and WAL files the database file's mode), and an
 * existing one and its journals tightened.
 */
export function prepareSqliteFile(file: string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  setMode(dir, PRIVATE_DIR);
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE));
  for (const candidate of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(candidate)) setMode(candidate, PRIVATE_FILE);
  }
}

/** The URLs a media-library file is stored under: the file's and each of its formats' (thumbnail, small, …). */
export function uploadFileUrls(file: unknown): string[] {
  if (!file || typeof file !== 'object') return [];
  const { url, formats } = file as { url?: unknown; formats?: unknown };
  const sizes = formats && typeof formats === 'object' ? Object.values(formats as Record<string, unknown>) : [];
  const urls = [url, ...sizes.map((f) => (f && typeof f === 'object' ? (f as { url?: unknown }).url : undefined))];
  return urls.filter((u): u is string => typeof u === 'string');
}

/**
 * The CMS's private files: the data folder (SQLite database, secrets, token keys, first-admin
 * credentials) and the uploads folder are readable by the CMS's own user only — folders 700,
 * files 600 — whatever the umask. Created that way, and tightened at every start when an older
 * install or a copy left them readable by others.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { PRIVATE_DIR, PRIVATE_FILE, prepareSqliteFile, setMode } from '@cong/content-types';

export { PRIVATE_DIR, PRIVATE_FILE, prepareSqliteFile };

/**
 * Creates `dir` if needed and makes it and the files in it private (folder 700, files 600);
 * `recursive` goes down into its folders too. Symbolic links are left alone (chmod would
 * follow them out of the folder).
 */
export function makePrivate(dir: string, options: { recursive: boolean }): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  const walk = (folder: string) => {
    setMode(folder, PRIVATE_DIR);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && options.recursive) walk(full);
      else if (entry.isFile()) setMode(full, PRIVATE_FILE);
    }
  };
  walk(dir);
}

/** Makes the files of one upload private: `urls` are the file's `/uploads/…` URLs (its formats too). */
export function privatizeUploads(uploadsDir: string, urls: Array<string | undefined | null>): void {
  for (const url of urls) {
    if (!url || !url.startsWith('/uploads/')) continue; // another provider: not on this disk
    const file = path.join(uploadsDir, path.basename(url));
    if (existsSync(file)) setMode(file, PRIVATE_FILE);
  }
}

/** The current user's name for a `chown` hint, or a placeholder when the system does not say. */
function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '<the CMS user>';
  }
}

/**
 * Runs `step` on `folder`; a failure (typically `EPERM chmod`: the folder or a file in it belongs
 * to another user) becomes an error that names the folder, the setting that chooses it and what
 * to do, instead of a bare `EPERM chmod '/…'`.
 */
function explained(what: string, folder: string, step: () => void): void {
  try {
    step();
  } catch (error) {
    const reason = (error as Error).message;
    const code = (error as NodeJS.ErrnoException).code;
    const target = (error as NodeJS.ErrnoException).path ?? folder;
    const user = currentUser();
    const ownership = code === 'EPERM' || code === 'EACCES'
      ? ` ${target} belongs to another user: run the CMS as the user who owns ${folder}, or give the CMS's files there to this user (${user}), e.g. \`chown ${user} '${target}'\` (\`chown -R\` for a folder only the CMS uses).`
      : ` Check that ${folder} is on a writable disk with free space.`;
    throw new Error(`The CMS could not make the ${what} private (folders 700, files 600): ${reason}.${ownership}`);
  }
}

/**
 * Makes the CMS's private files private at start, before Strapi opens the database: the SQLite
 * file (if any), the data folder's own files and the uploads folder with everything in it.
 * Throws an operator-facing message naming the folder and its setting when it cannot.
 */
export function securePrivateFiles(paths: { dataDir: string; uploadsDir: string; sqliteFile?: string }): void {
  const dataFolder = `data folder ${paths.dataDir} (CMS_DATA_DIR, default cms/data)`;
  if (paths.sqliteFile) {
    const file = paths.sqliteFile;
    explained(`SQLite database ${file} in the ${dataFolder}`, path.dirname(file), () => prepareSqliteFile(file));
  }
  // Its own files only, in case CMS_DATA_DIR points at a shared folder.
  explained(dataFolder, paths.dataDir, () => makePrivate(paths.dataDir, { recursive: false }));
  explained(`uploads folder ${paths.uploadsDir} (the media library's files)`, paths.uploadsDir, () => makePrivate(paths.uploadsDir, { recursive: true }));
}

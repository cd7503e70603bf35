/**
 * `npm run backup` and `npm run restore` (issue 14): a backup is a folder holding
 *   manifest.json      what it holds (scope, portals, rows per type, versions)
 *   strapi.tar.gz      Strapi's own export (entities, links; a whole install's configuration too)
 *   uploads/           the media files (all of them, or one portal's)
 *   reader/<code>.…    each portal's reader data (visits, ratings; SQLite file or Redis keys)
 *   releases/<code>/   each portal's live release
 * for the whole install or one portal. A whole backup is restored into an empty install (or, with
 * `force`, over one, replacing everything); a portal's backup into any install of the same
 * version, replacing that portal only (or adding it).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { portalRoot, readPortalRegistry, type PortalInfo } from '../../content-types/src/portals.ts';
import { removePortalRole } from '../../cms/src/lib/portal-fence.ts';
import { syncPortals } from '../../cms/src/lib/portal-sync.ts';
import { PLACEHOLDER_PORTAL_NAME } from '../../cms/src/bootstrap/portals.ts';
import { allUploadNames, copyLiveRelease, copyNamed, removeNamed, restoreRelease, uploadNames } from './files.ts';
import { backupReader, restoreReader, type ReaderPlace } from './reader.ts';
import { countRows, exportStrapi, FILE_UID, importStrapi, ownedTypes, PORTAL_UID, portalRows, type PortalRows } from './strapi-data.ts';

export const MANIFEST = 'manifest.json';
const FORMAT = 'cong-backup';
const VERSION = 1;

export interface BackupManifest {
  format: typeof FORMAT;
  version: typeof VERSION;
  createdAt: string;
  /** The Strapi version that exported (a restore needs the same content model). */
  strapi: string;
  /** `install`: everything; `portal`: the portal named in `portal`. */
  scope: 'install' | 'portal';
  portal?: string;
  portals: Array<{ code: string; name: string; primary: boolean; parent: string | null; reader: string | null; release: string | null }>;
  /** Rows per type (drafts and published versions count apart). */
  rows: Record<string, number>;
  uploads: number;
}

/** Where this install keeps what a backup takes. */
export interface InstallPlaces {
  /** The CMS data folder (portals.json, the portals' token files). */
  dataDir: string;
  /** BUILD_TOKEN_FILE: the primary portal's build token. */
  buildTokenFile: string;
  /** The media library's files (`<CMS_PUBLIC_DIR>/uploads`). */
  uploadsDir: string;
  /** RELEASES_DIR. */
  releasesDir: string;
  reader: ReaderPlace;
}

/** An operator's mistake (an option, a folder): the message says what to do. */
export class BackupInputError extends Error {}

interface PortalRow {
  id: number;
  slug: string;
  agencyName: string;
  parent?: { slug: string } | null;
}

const portalsOf = async (strapi: Core.Strapi) =>
  (await strapi.db.query(PORTAL_UID as never).findMany({ select: ['id', 'slug', 'agencyName'], populate: { parent: { select: ['slug'] } }, orderBy: { id: 'asc' } })) as PortalRow[];

/** Backs up the install (or the portal `portal`, by its code) into the new folder `out`. */
export async function createBackup(strapi: Core.Strapi, places: InstallPlaces, options: { out: string; portal?: string; warn?: (m: string) => void }): Promise<BackupManifest> {
  const { out } = options;
  const warn = options.warn ?? (() => {});
  if (existsSync(out) && readdirSync(out).length > 0) throw new BackupInputError(`--out ${out} is not empty: name a new folder`);
  const all = await portalsOf(strapi);
  const chosen = options.portal === undefined ? all : all.filter((p) => p.slug === options.portal);
  if (chosen.length === 0) throw new BackupInputError(`--portal ${options.portal}: no portal with this code (Mã cổng); the portals are: ${all.map((p) => p.slug).join(', ')}`);
  const rows = options.portal === undefined ? undefined : await portalRows(strapi, options.portal);

  mkdirSync(out, { recursive: true, mode: 0o700 });
  chmodSync(out, 0o700);
  try {
    return await writeBackup(strapi, places, out, all, chosen, rows, warn, options.portal);
  } catch (error) {
    rmSync(out, { recursive: true, force: true }); // half a backup is no backup: the folder can be named again
    throw error;
  }
}

async function writeBackup(strapi: Core.Strapi, places: InstallPlaces, out: string, all: PortalRow[], chosen: PortalRow[], rows: PortalRows | undefined, warn: (m: string) => void, portal: string | undefined): Promise<BackupManifest> {
  const archive = await exportStrapi(strapi, path.join(out, 'strapi'), rows);
  if (path.basename(archive) !== 'strapi.tar.gz') renameSync(archive, path.join(out, 'strapi.tar.gz'));
  chmodSync(path.join(out, 'strapi.tar.gz'), 0o600); // the content, unencrypted: the operator's alone, like the database

  const names = rows ? await uploadNames(strapi, rows.get(FILE_UID)) : allUploadNames(places.uploadsDir);
  const uploads = copyNamed(names, places.uploadsDir, path.join(out, 'uploads'), (name) => warn(`the media file ${name} is in the database but not in ${places.uploadsDir}: it is not in the backup`));

  const portals: BackupManifest['portals'] = [];
  for (const p of chosen) {
    const info = { code: p.slug, primary: p.id === all[0]!.id };
    const reader = await backupReader(places.reader, info, path.join(out, 'reader'));
    const release = copyLiveRelease(portalRoot(places.releasesDir, info), path.join(out, 'releases', p.slug));
    portals.push({ code: p.slug, name: p.agencyName, primary: info.primary, parent: p.parent?.slug ?? null, reader, release });
  }
  const manifest: BackupManifest = {
    format: FORMAT,
    version: VERSION,
    createdAt: new Date().toISOString(),
    strapi: String(strapi.config.get('info.strapi') ?? ''),
    scope: rows ? 'portal' : 'install',
    ...(portal ? { portal } : {}),
    portals,
    rows: await countRows(strapi, rows),
    uploads,
  };
  writeFileSync(path.join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** Reads and checks a backup folder's manifest. */
export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST);
  if (!existsSync(file)) throw new BackupInputError(`${dir} is not a Cổng backup (no ${MANIFEST}): name the folder \`npm run backup\` wrote`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  } catch (error) {
    throw new BackupInputError(`${file} is not valid JSON (${(error as Error).message}): the backup is damaged`);
  }
  if (manifest.format !== FORMAT || manifest.version !== VERSION) throw new BackupInputError(`${file} is not a backup this version of Cổng reads (format ${String(manifest.format)}, version ${String(manifest.version)})`);
  if (!existsSync(path.join(dir, 'strapi.tar.gz'))) throw new BackupInputError(`${dir}/strapi.tar.gz is missing: the backup is incomplete`);
  return manifest;
}

/** The first start's portal, as nobody has touched it yet (its placeholder name). */
const isPlaceholder = (p: PortalRow) => p.agencyName === PLACEHOLDER_PORTAL_NAME;

/** Whether the install holds nothing anyone made: no entry, no media file, no portal but the first start's placeholder. */
async function isEmpty(strapi: Core.Strapi): Promise<boolean> {
  for (const uid of ownedTypes()) if ((await strapi.db.query(uid as never).count()) > 0) return false;
  const portals = await portalsOf(strapi);
  return portals.length === 0 || (portals.length === 1 && isPlaceholder(portals[0]!));
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Rows per type now in the install (for the restored portal: its rows). */
  rows: Record<string, number>;
}

/**
 * Restores the backup in `dir`. A whole install's backup: into an empty install, or over a
 * non-empty one with `force` (everything is replaced). A portal's backup: that portal's entries,
 * files, reader data and live release are replaced (or added when the install does not have it);
 * the other portals are not touched.
 */
export async function restoreBackup(strapi: Core.Strapi, places: InstallPlaces, options: { dir: string; portal?: string; force?: boolean; warn?: (m: string) => void }): Promise<RestoreResult> {
  const manifest = readManifest(options.dir);
  const warn = options.warn ?? (() => {});
  const { dir } = options;
  if (options.portal !== undefined && (manifest.scope !== 'portal' || manifest.portal !== options.portal)) {
    throw new BackupInputError(manifest.scope === 'portal'
      ? `--portal ${options.portal}: this backup holds the portal ${manifest.portal} only`
      : `--portal ${options.portal}: this backup is of the whole install; a portal is restored from its own backup (npm run backup -- --portal ${options.portal})`);
  }
  const archive = path.join(dir, 'strapi.tar.gz');
  const uploadsFrom = path.join(dir, 'uploads');
  const backedUp = existsSync(uploadsFrom) ? readdirSync(uploadsFrom) : [];
  const codesBefore = (await portalsOf(strapi)).map((p) => p.slug);

  if (manifest.scope === 'install') {
    if (!options.force && !(await isEmpty(strapi))) {
      throw new BackupInputError('this install already has content: restore a whole install into an empty one (a new CMS_DATA_DIR or database), or add --force to replace everything it holds');
    }
    await importStrapi(strapi, archive, { whole: true, warn });
    removeNamed(allUploadNames(places.uploadsDir), places.uploadsDir);
    copyNamed(backedUp, uploadsFrom, places.uploadsDir, () => {});
  } else {
    if (options.force) throw new BackupInputError('--force is for a whole install\'s backup: a portal\'s restore replaces that portal only');
    const code = manifest.portal!;
    const before = await portalsOf(strapi);
    // The portal itself is replaced; in an empty install, the first start's placeholder gives way
    // (the restored portal becomes the install's first).
    const replaced = before.find((p) => p.slug === code) ?? (await isEmpty(strapi) ? before[0] : undefined);
    // The install's first portal (the lowest id) is its primary one, and a restored row is numbered
    // last: restored alone beside others, another portal would take its place (host, releases, reader data).
    if (replaced && replaced.id === before[0]?.id && before.length > 1) {
      throw new BackupInputError(`${code} is this install's first portal (its primary one): restored alone it would become the last and ${before[1]!.slug} the first; restore the whole install's backup (npm run backup without --portal), or this backup into an empty install`);
    }
    const rows = replaced ? await portalRows(strapi, replaced.slug) : undefined;
    const oldFiles = rows ? await uploadNames(strapi, rows.get(FILE_UID)) : [];
    const children = before.filter((p) => p.parent?.slug === code).map((p) => p.id);
    await importStrapi(strapi, archive, { whole: false, replace: rows, warn });
    // Files only once the import holds: a failed one leaves them as they were.
    removeNamed(oldFiles, places.uploadsDir);
    copyNamed(backedUp, uploadsFrom, places.uploadsDir, () => {});
    // Links to portals outside the backup (its parent, the portals under it) are made again by code.
    const restored = (await strapi.db.query(PORTAL_UID as never).findOne({ where: { slug: code }, select: ['id'] })) as { id: number } | null;
    if (!restored) throw new Error(`the backup's portal ${code} is not in the install after the import`);
    const parentCode = manifest.portals.find((p) => p.code === code)?.parent ?? null;
    const parent = parentCode ? ((await strapi.db.query(PORTAL_UID as never).findOne({ where: { slug: parentCode }, select: ['id'] })) as { id: number } | null) : null;
    if (parentCode && !parent) warn(`the portal ${code} was under ${parentCode}, which this install does not have: it has no parent now (set one in the admin, Cổng → Cổng cấp trên)`);
    if (parent) await strapi.db.query(PORTAL_UID as never).update({ where: { id: restored.id }, data: { parent: parent.id } });
    for (const child of children) await strapi.db.query(PORTAL_UID as never).update({ where: { id: child }, data: { parent: restored.id } });
  }

  // Roles, build tokens and portals.json follow the portals now in the install.
  await syncPortals(strapi, { dataDir: places.dataDir, buildTokenFile: places.buildTokenFile });
  const codesAfter = new Set((await portalsOf(strapi)).map((p) => p.slug));
  for (const code of codesBefore) if (!codesAfter.has(code)) await removePortalRole(strapi, code);
  const registry = readPortalRegistry(places.dataDir);
  for (const saved of manifest.portals) {
    const info: Pick<PortalInfo, 'code' | 'primary'> = registry?.portals.find((p) => p.code === saved.code) ?? { code: saved.code, primary: saved.primary };
    if (saved.reader) await restoreReader(places.reader, info, path.join(dir, 'reader'), saved.reader);
    if (saved.release) restoreRelease(path.join(dir, 'releases', saved.code), saved.release, portalRoot(places.releasesDir, info));
  }
  const rows = manifest.scope === 'install' ? await countRows(strapi) : await countRows(strapi, await portalRows(strapi, manifest.portal!));
  return { manifest, rows };
}

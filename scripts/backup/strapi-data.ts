/**
 * The CMS part of a backup: Strapi's own data transfer (the engine behind `strapi export` and
 * `strapi import`), run in this process on a booted Strapi. A whole install is exported as Strapi
 * exports it (entities, links, configuration); one portal's backup keeps only what that portal
 * owns: its Cổng entry, every entry whose `portal` is it (drafts and published versions) and its
 * media files' records, with the links among them. Media files themselves travel beside the
 * archive (files.ts), so a portal's restore never touches another portal's files.
 */
import { createRequire } from 'node:module';
import { Transform, type Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { PORTAL_FIELD } from '../../content-types/src/define.ts';
import { contentTypes } from '../../content-types/src/model.ts';

const requireCjs = createRequire(import.meta.url);
// '@strapi/data-transfer' is CommonJS (like '@strapi/strapi', which loadStrapi loads the same way).
const transfer = () => requireCjs('@strapi/data-transfer') as typeof import('@strapi/data-transfer');

export const PORTAL_UID = 'api::portal.portal';
export const FILE_UID = 'plugin::upload.file';

/** The types a portal owns rows of: every content type with a `portal` relation, and media files. */
export const ownedTypes = (): string[] => [...contentTypes.filter((t) => PORTAL_FIELD in t.attributes).map((t) => t.uid as string), FILE_UID];

/** Row ids per type that make up one portal: its Cổng row and every row it owns. */
export type PortalRows = Map<string, Set<number>>;

/** One portal's rows (by its code, Mã cổng). Throws naming the code when there is no such portal. */
export async function portalRows(strapi: Core.Strapi, code: string): Promise<PortalRows> {
  const portal = (await strapi.db.query(PORTAL_UID as never).findOne({ where: { slug: code }, select: ['id'] })) as { id: number } | null;
  if (!portal) throw new Error(`no portal with the code "${code}" in this install (see \`npm run portal -- list\`)`);
  const rows: PortalRows = new Map([[PORTAL_UID, new Set([portal.id])]]);
  for (const uid of ownedTypes()) {
    const found = (await strapi.db.query(uid as never).findMany({ where: { [PORTAL_FIELD]: { id: portal.id } }, select: ['id'] })) as Array<{ id: number }>;
    rows.set(uid, new Set(found.map((r) => r.id)));
  }
  return rows;
}

/** Rows per type, for the manifest and the checks after a restore (drafts and published versions count apart). */
export async function countRows(strapi: Core.Strapi, rows?: PortalRows): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const uid of [PORTAL_UID, ...ownedTypes()]) counts[uid] = rows ? rows.get(uid)?.size ?? 0 : await strapi.db.query(uid as never).count();
  return counts;
}

interface Link {
  left: { type: string; ref: number };
  right: { type: string; ref: number };
}

/** Keeps an entity of a content type only when it is one of the portal's rows (components travel inside their entries). */
const keeps = (rows: PortalRows, type: string, id: number) => (type.startsWith('api::') || type.startsWith('plugin::') || type.startsWith('admin::') ? rows.get(type)?.has(id) === true : true);

/**
 * What travels, as Strapi's own CLI decides (admin accounts, roles and tokens and the content
 * releases stay with their install; links to them, such as an entry's creator, are dropped) and,
 * for one portal, only its rows.
 */
function transforms(rows?: PortalRows) {
  const ignored = (type: string) => transfer().strapi.isIgnoredOfficialTransferType(type);
  const travels = (type: string, id: number) => !ignored(type) && (!rows || keeps(rows, type, id));
  return {
    entities: [{ filter: (e: { type: string; id: number }) => travels(e.type, e.id) }],
    links: [{ filter: (l: Link) => travels(l.left.type, l.left.ref) && travels(l.right.type, l.right.ref) }],
  };
}

/** Exports the install (or one portal's rows) into `<base>.tar.gz`; returns that file's path. */
export async function exportStrapi(strapi: Core.Strapi, base: string, rows?: PortalRows): Promise<string> {
  const dt = transfer();
  const source = dt.strapi.providers.createLocalStrapiSourceProvider({ getStrapi: () => strapi, autoDestroy: false });
  portalsInIdOrder(source);
  const destination = dt.file.providers.createLocalFileDestinationProvider({ file: { path: base }, encryption: { enabled: false }, compression: { enabled: true } });
  const engine = dt.engine.createTransferEngine(source, destination, {
    versionStrategy: 'ignore',
    schemaStrategy: 'ignore',
    // Files are copied beside the archive; a portal takes no install-wide configuration.
    exclude: rows ? ['files', 'config'] : ['files'],
    transforms: transforms(rows),
  } as never);
  const failures = collectErrors(engine);
  try {
    const results = (await engine.transfer()) as { destination?: { file?: { path?: string } } };
    const file = results.destination?.file?.path;
    if (!file) throw new Error('Strapi wrote no export file');
    return file;
  } catch (error) {
    throw new Error(`Strapi's export failed: ${failures.join('; ') || (error as Error).message}`);
  }
}

/**
 * Strapi reads each type without an order (PostgreSQL returns an updated row last) and the import
 * numbers rows in the order it reads them; the first portal (the lowest id) is the install's
 * primary one, so the portals leave in id order.
 */
function portalsInIdOrder(source: { createEntitiesReadStream(): Promise<Readable> }): void {
  const read = source.createEntitiesReadStream.bind(source);
  source.createEntitiesReadStream = async () => {
    const held: Array<{ type: string; id: number }> = [];
    const release = (push: (e: unknown) => void) => held.sort((a, b) => a.id - b.id).splice(0).forEach(push);
    return (await read()).pipe(
      new Transform({
        objectMode: true,
        transform(entity: { type: string; id: number }, _encoding, done) {
          if (entity.type === PORTAL_UID) held.push(entity);
          else {
            release((e) => this.push(e));
            this.push(entity);
          }
          done();
        },
        flush(done) {
          release((e) => this.push(e));
          done();
        },
      }),
    );
  };
}

/** The engine reports what went wrong through its diagnostics; keeps the errors for the message. */
function collectErrors(engine: { diagnostics: { onDiagnostic(fn: (d: { kind: string; details: { message?: string } }) => void): unknown } }, warn?: (message: string) => void): string[] {
  const errors: string[] = [];
  engine.diagnostics.onDiagnostic((d) => {
    if (d.kind === 'error' && d.details.message) errors.push(d.details.message);
    if (d.kind === 'warning' && d.details.message) warn?.(d.details.message);
  });
  return errors;
}

export interface ImportOptions {
  /** A whole install's archive: Strapi's restore, which first deletes every entry (as its own import does). */
  whole: boolean;
  /**
   * One portal's archive: these rows (the portal's as the install has them) are deleted first,
   * in the import's own transaction, so a failed import (a schema from another version, a
   * damaged archive) leaves them as they were.
   */
  replace?: PortalRows;
  /** Strapi's warnings (e.g. links it could not restore). */
  warn?: (message: string) => void;
}

/** Imports an archive made by exportStrapi (see ImportOptions). */
export async function importStrapi(strapi: Core.Strapi, file: string, options: ImportOptions): Promise<void> {
  const { whole } = options;
  const dt = transfer();
  const source = dt.file.providers.createLocalFileSourceProvider({ file: { path: file }, encryption: { enabled: false }, compression: { enabled: true } });
  const ignored = dt.strapi.getIgnoredOfficialTransferTypes();
  const destination = dt.strapi.providers.createLocalStrapiDestinationProvider({
    getStrapi: () => strapi,
    autoDestroy: false,
    strategy: 'restore',
    restore: whole
      ? { entities: { include: Object.keys(strapi.contentTypes).filter((uid) => !ignored.includes(uid) && !dt.strapi.isIgnoredOfficialTransferType(uid)) }, assets: false, configuration: { webhook: true, coreStore: true } }
      : { entities: { include: [] }, assets: false, configuration: { webhook: false, coreStore: false } },
  });
  const { replace } = options;
  if (replace) {
    // After Strapi's checks (schema, version), inside its transaction: rolled back with the import.
    const prepare = destination.beforeTransfer.bind(destination);
    destination.beforeTransfer = async () => {
      await prepare();
      await destination.transaction!.attach(() => deletePortalRows(strapi, replace));
    };
  }
  const engine = dt.engine.createTransferEngine(source, destination, {
    versionStrategy: 'ignore',
    // The schema must match: a backup is restored by the same version of Cổng (then upgraded by starting the newer one).
    schemaStrategy: 'strict',
    exclude: whole ? ['files'] : ['files', 'config'],
    transforms: transforms(),
  } as never);
  const failures = collectErrors(engine, options.warn);
  const committed = watchTransactions(strapi);
  try {
    await engine.transfer();
  } catch (error) {
    const why = failures.join('; ') || (error as Error).message;
    throw new Error(`Strapi's import failed, nothing was changed: ${why}${/schema/i.test(why) ? ' (restore a backup with the version of Cổng that made it, then start the newer version to upgrade)' : ''}`);
  } finally {
    await committed();
  }
}

/**
 * The import's transaction commits after `engine.transfer()` has returned: its destination only
 * signals the end (Strapi's `createTransaction` does not await its `strapi.db.transaction`). On
 * PostgreSQL, a query right after it ran on another connection and still saw the old rows (a
 * portal's parent link was set on the row the commit then deleted). Every transaction opened
 * meanwhile is kept; the returned function waits until they have committed or rolled back.
 */
export function watchTransactions(strapi: Core.Strapi): () => Promise<void> {
  const db = strapi.db as unknown as { transaction: (...args: unknown[]) => unknown };
  const original = db.transaction;
  const own = Object.hasOwn(db, 'transaction');
  const opened: Promise<unknown>[] = [];
  db.transaction = function watched(this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    if (typeof args[0] === 'function' && result instanceof Promise) opened.push(result.catch(() => undefined));
    return result;
  };
  return async () => {
    if (own) db.transaction = original;
    else delete (db as { transaction?: unknown }).transaction;
    await Promise.all(opened);
  };
}

/** Deletes one portal's rows (its entries, media file records and Cổng entry); run inside the import's transaction. */
export async function deletePortalRows(strapi: Core.Strapi, rows: PortalRows): Promise<void> {
  // Strapi's own entity query, as its restore deletes: an entry's components go with it.
  const query = transfer().strapi.queries.entity.createEntityQuery(strapi);
  for (const [uid, ids] of rows) {
    const list = [...ids];
    for (let i = 0; i < list.length; i += 500) await query(uid as never).deleteMany({ where: { id: { $in: list.slice(i, i + 500) } } });
  }
}

/**
 * GET /api/cong/stamps/<plural name> (issue 15): a type's published entries as the stamps the
 * publisher fingerprints and the site's content sync compares (content-types/src/stamp.ts), in one
 * answer: `{ stamps: [[documentId, version], …] }`, computed here (the entries with their files'
 * fields were ~10 times the bytes, parsed at every publish). Through the REST API the same list took
 * 100 pages at 10,000 articles (11-14 s), and every publish reads it.
 *
 * The entries are read in SQL, a few queries per type whose tables and columns come from Strapi's
 * own metadata: at 50,000 articles the Document Service took ~3 s for what knex reads in ~0.4 s
 * (its offset pages, hydration and morph joins were the cost). Each row is then shaped as the
 * Document Service would answer it and stamped by the same `toStamp`, so the stamps are the REST
 * API's (the CMS suites compare them for every type). A type whose metadata has a shape this does
 * not read (a relation without a link table, a localized type) is read through the Document
 * Service, as before. The queries share one transaction (a repeatable-read snapshot on PostgreSQL).
 *
 * The token needs the type's `find` permission, as for the REST API; a portal's build token gets
 * its portal's entries only, as the portal fence narrows its Document Service reads
 * (portal-fence.ts): an entry linked to that portal, or that portal itself.
 */
import type { Core, UID } from '@strapi/strapi';
import { contentTypes as strapiTypes } from '@strapi/utils';
import { contentTypes, MEDIA_STAMP_FIELDS, mediaFieldsOf, PORTAL_FIELD, relationFieldsOf, stampPopulate, toStamp, type ContentType } from '@cong/content-types';
import { currentTokenPortal, FILE_UID, PORTAL_UID } from './portal-fence';

type Entry = Parameters<typeof toStamp>[1];
type Knex = Core.Strapi['db']['connection'];
type Builder = ReturnType<Knex>;

/** Entries per Document Service read (the fallback), each bounded in memory. */
const BATCH = 5000;

interface Column {
  name: string;
  referencedColumn?: string;
}
interface LinkTable {
  name: string;
  joinColumn: Column;
  inverseJoinColumn: Column;
  on?: unknown;
}
interface MorphTable {
  name: string;
  joinColumn: Column;
  morphColumn: { typeColumn: { name: string }; idColumn: Column };
  on?: unknown;
  orderBy?: Record<string, string>;
}
interface Attribute {
  type?: string;
  relation?: string;
  target?: string;
  morphBy?: string;
  columnName?: string;
  joinTable?: LinkTable & MorphTable;
}
interface Meta {
  tableName: string;
  attributes: Record<string, Attribute>;
}

/** How one type's stamps are read in SQL, from Strapi's metadata. */
interface Plan {
  table: string;
  draftAndPublish: boolean;
  /** Each media field: its morph table (the file's `related`), whether it holds several files. */
  media: Array<{ field: string; many: boolean }>;
  morph: MorphTable | null;
  /** The file columns of MEDIA_STAMP_FIELDS, with their Strapi types. */
  fileColumns: Array<{ name: string; column: string; type: string }>;
  fileTable: string;
  /** Each relation field: its link table, the related type's table and whether it has drafts (only its published row is read, as the Document Service's `status` reaches its populate). */
  relations: Array<{ field: string; link: LinkTable; targetTable: string; targetDrafts: boolean }>;
  /** The link to the entry's portal (the fence), when the type belongs to a portal. */
  portalLink: LinkTable | null;
}

const isLink = (value: unknown): value is LinkTable => {
  const link = value as LinkTable | undefined;
  return !!link && typeof link.name === 'string' && !!link.joinColumn?.name && !!link.inverseJoinColumn?.name && !link.on && (link.joinColumn.referencedColumn ?? 'id') === 'id' && (link.inverseJoinColumn.referencedColumn ?? 'id') === 'id';
};

/** The plan of `type`, or null when its metadata is not the shape read here (exported for the tests). */
export function planOf(strapi: Core.Strapi, type: ContentType): Plan | null {
  const model = strapi.contentType(type.uid as UID.ContentType) as unknown as { pluginOptions?: { i18n?: { localized?: boolean } } };
  if (model.pluginOptions?.i18n?.localized) return null;
  const meta = strapi.db.metadata.get(type.uid as UID.ContentType) as unknown as Meta;
  const fileMeta = strapi.db.metadata.get(FILE_UID as UID.ContentType) as unknown as Meta;
  const attribute = (m: Meta, name: string) => m.attributes[name];

  const media: Plan['media'] = [];
  for (const field of mediaFieldsOf(type)) {
    const a = attribute(meta, field);
    if (a?.type !== 'relation' || a.target !== FILE_UID || a.morphBy !== 'related' || (a.relation !== 'morphOne' && a.relation !== 'morphMany')) return null;
    media.push({ field, many: a.relation === 'morphMany' });
  }
  let morph: MorphTable | null = null;
  if (media.length > 0) {
    const related = attribute(fileMeta, 'related');
    const table = related?.joinTable;
    if (related?.relation !== 'morphToMany' || !table?.name || !table.joinColumn?.name || !table.morphColumn?.typeColumn?.name || !table.morphColumn.idColumn?.name || table.on) return null;
    const order = Object.entries(table.orderBy ?? {});
    if (order.some(([, direction]) => direction !== 'asc')) return null;
    morph = table;
  }
  const fileColumns: Plan['fileColumns'] = [];
  for (const name of MEDIA_STAMP_FIELDS) {
    const a = attribute(fileMeta, name);
    if (!a?.columnName || !a.type) return null;
    fileColumns.push({ name, column: a.columnName, type: a.type });
  }

  const relations: Plan['relations'] = [];
  for (const field of relationFieldsOf(type)) {
    const a = attribute(meta, field);
    if (a?.type !== 'relation' || (a.relation !== 'manyToOne' && a.relation !== 'oneToOne') || !a.target || !isLink(a.joinTable)) return null;
    const targetDrafts = strapiTypes.hasDraftAndPublish(strapi.contentType(a.target as UID.ContentType) as never);
    relations.push({ field, link: a.joinTable, targetTable: (strapi.db.metadata.get(a.target as UID.ContentType) as unknown as Meta).tableName, targetDrafts });
  }
  let portalLink: LinkTable | null = null;
  if (type.uid !== PORTAL_UID && PORTAL_FIELD in type.attributes) {
    const a = attribute(meta, PORTAL_FIELD);
    if (!isLink(a?.joinTable)) return null;
    portalLink = a.joinTable;
  }
  const draftAndPublish = strapiTypes.hasDraftAndPublish(strapi.contentType(type.uid as UID.ContentType) as never);
  return { table: meta.tableName, draftAndPublish, media, morph, fileColumns, fileTable: fileMeta.tableName, relations, portalLink };
}

/** A column's value as the Document Service answers it (Strapi's fields' fromDB). */
function fromDb(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'datetime': {
      const date = value instanceof Date ? value : new Date(value as string | number);
      return Number.isNaN(date.getTime()) ? null : date.toISOString();
    }
    case 'integer':
    case 'float':
    case 'decimal':
      return Number(value);
    default:
      return value;
  }
}

/**
 * The query of `plan`'s published entries (id, documentId, updatedAt), fenced to `portalId`'s when
 * not null. On SQLite it reads what the type's stamps index holds (strapi-schema.ts), never the
 * rows: an article's body lies before its `updated_at` in the row, and reading 50,000 of them cost
 * ~0.35 s, ~0.8 s with the fence as an `IN` list, against ~0.1 s (exported for the tests, which look
 * at the plan SQLite makes of it).
 */
export function entriesQuery(knex: Knex, type: ContentType, plan: Plan, portalId: number | null): Builder {
  const query = knex(`${plan.table} as e`).select('e.id', 'e.document_id', 'e.updated_at');
  if (plan.draftAndPublish) query.whereNotNull('e.published_at');
  if (portalId !== null) {
    if (type.uid === PORTAL_UID) query.where('e.id', portalId);
    else if (plan.portalLink) {
      const link = plan.portalLink;
      query.whereExists(knex(`${link.name} as p`).select(knex.raw('1')).whereRaw('?? = ??', [`p.${link.joinColumn.name}`, 'e.id']).where(`p.${link.inverseJoinColumn.name}`, portalId));
    }
  }
  return query;
}

/** The published entries of `plan`'s type, as stamps; `portalId` fences them to one portal. */
async function stampsInSql(knex: Knex, type: ContentType, plan: Plan, portalId: number | null): Promise<Array<[string, string]>> {
  const rows = (await entriesQuery(knex, type, plan, portalId)) as Array<{ id: number; document_id: string; updated_at: unknown }>;
  const entries = new Map<number, Entry>();
  for (const row of rows) entries.set(Number(row.id), { documentId: row.document_id, updatedAt: fromDb('datetime', row.updated_at) as string });
  /** The ids of the entries answered (on SQLite from the indexes alone): the files and related entries of the others (drafts, other portals') are not read. */
  const scope = (): Builder => entriesQuery(knex, type, plan, portalId).clearSelect().select('e.id');

  for (const { field, many } of plan.media) entries.forEach((entry) => (entry[field] = many ? [] : null));
  if (plan.morph && plan.media.length > 0) {
    const { morph } = plan;
    const id = morph.morphColumn.idColumn.name;
    const field = 'field';
    const query = knex(`${morph.name} as m`)
      .join(`${plan.fileTable} as f`, 'f.id', `m.${morph.joinColumn.name}`)
      .select(`m.${id} as owner`, `m.${field} as field`, ...plan.fileColumns.map((c) => `f.${c.column} as ${c.column}`))
      .where(`m.${morph.morphColumn.typeColumn.name}`, type.uid)
      .whereIn(`m.${field}`, plan.media.map((m) => m.field))
      .whereIn(`m.${id}`, scope());
    for (const column of Object.keys(morph.orderBy ?? {})) query.orderBy(`m.${column}`, 'asc');
    query.orderBy('m.id', 'asc');
    const many = new Map(plan.media.map((m) => [m.field, m.many]));
    for (const row of (await query) as Array<Record<string, unknown>>) {
      const entry = entries.get(Number(row.owner));
      const name = row.field as string;
      if (!entry) continue;
      const file: Record<string, unknown> = {};
      for (const c of plan.fileColumns) file[c.name] = fromDb(c.type, row[c.column]);
      if (many.get(name)) (entry[name] as unknown[]).push(file);
      else if (entry[name] === null) entry[name] = file; // morphOne: the first, as Strapi's populate takes
    }
  }
  for (const { field, link, targetTable, targetDrafts } of plan.relations) {
    entries.forEach((entry) => (entry[field] = null));
    const query = knex(`${link.name} as l`)
      .join(`${targetTable} as r`, 'r.id', `l.${link.inverseJoinColumn.name}`)
      .select(`l.${link.joinColumn.name} as owner`, 'r.updated_at as updated_at')
      .whereIn(`l.${link.joinColumn.name}`, scope())
      .orderBy('l.id', 'asc');
    if (targetDrafts) query.whereNotNull('r.published_at');
    const related = (await query) as Array<{ owner: number; updated_at: unknown }>;
    for (const row of related) {
      const entry = entries.get(Number(row.owner));
      if (entry && entry[field] === null) entry[field] = { updatedAt: fromDb('datetime', row.updated_at) };
    }
  }
  const stamps: Array<[string, string]> = [];
  entries.forEach((entry) => {
    const { documentId, version } = toStamp(type, entry);
    stamps.push([documentId, version]);
  });
  return stamps;
}

/** The same through the Document Service (a type whose metadata the SQL does not read). */
async function stampsByDocuments(strapi: Core.Strapi, type: ContentType): Promise<Array<[string, string]>> {
  const documents = strapi.documents(type.uid as UID.ContentType);
  const stamps: Array<[string, string]> = [];
  for (let start = 0; ; start += BATCH) {
    const batch = (await documents.findMany({ status: 'published', fields: ['updatedAt'], populate: stampPopulate(type), sort: 'documentId:asc', start, limit: BATCH } as never)) as unknown as Entry[];
    for (const entry of batch) {
      const { documentId, version } = toStamp(type, entry);
      stamps.push([documentId, version]);
    }
    if (batch.length < BATCH) break;
  }
  return stamps;
}

/** A type's published entries as `[documentId, version]` pairs, for the current request's token. */
export async function stampsOf(strapi: Core.Strapi, type: ContentType, options: { sql?: boolean } = {}): Promise<Array<[string, string]>> {
  const plan = options.sql === false ? null : planOf(strapi, type);
  if (!plan) return stampsByDocuments(strapi, type);
  const portalId = await currentTokenPortal(strapi);
  // One snapshot for the few queries: a publish between them (Strapi replaces the published row)
  // must not leave an entry read without its files or related entries.
  const knex = strapi.db.connection;
  const postgres = (strapi.db as unknown as { dialect: { client: string } }).dialect.client === 'postgres';
  return knex.transaction((trx) => stampsInSql(trx as unknown as Knex, type, plan, portalId), postgres ? { isolationLevel: 'repeatable read', readOnly: true } : {});
}

export function registerStampsRoute(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'content-api',
    prefix: '/cong',
    routes: contentTypes
      .filter((type) => type.kind === 'collectionType')
      .map((type) => ({
        method: 'GET',
        path: `/stamps/${type.pluralName}`,
        handler: async (ctx: { body: unknown }) => {
          ctx.body = { stamps: await stampsOf(strapi, type) };
        },
        config: { auth: { scope: [`${type.uid}.find`] } },
      })),
  } as never);
}

/**
 * The content-store loader (store.ts) for one type of the model. Syncs incrementally: each build asks
 * Strapi for every published entry's stamp (documentId, updatedAt and the files it shows: see
 * sync.ts), fetches in full only what is new or changed, and drops what was unpublished or
 * deleted. Every entry is validated against the model first; a bad one fails the build with the
 * type, documentId and field.
 *
 * Markdown bodies are kept beside the store (bodyCacheDir()), not in it: a page reads only its own
 * body, and every page reads the store's records (10,000 bodies in them made 47 MB).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StoreLoader } from './store';
import { createCmsClient, fetchStamps, stampQuery, toStamp, type ContentType, type EntryOf, type Stamp } from '@cong/content-types';
import { planSync, validateEntries } from './sync';
import { bodyCacheDir, parseSiteEnvironment } from './site-env';

export interface CmsLoaderOptions<T extends ContentType> {
  type: T;
  /** Strapi `populate` parameters for relations and media. */
  populate?: Record<string, string>;
  /** The compact record kept in the store (no body). */
  toData: (entry: EntryOf<T>) => object;
  /** The Markdown field kept beside the store, if any. */
  bodyField?: keyof EntryOf<T> & string;
  /** Strapi `filters` parameters narrowing what is loaded (read when the build starts). */
  filters?: () => Record<string, string>;
}

/** What a stored record holds; a store written by an older loader is fetched again in full. */
const RECORD_FORMAT = '2';

const bodyDir = (collection: string) => path.join(bodyCacheDir(), collection);
const bodyName = (id: string) => `${id}.md`;
const bodyFile = (collection: string, id: string) => path.join(bodyDir(collection), bodyName(id));

/** The Markdown body of an entry, as the loader saved it. */
export function readBody(collection: string, id: string): string {
  const file = bodyFile(collection, id);
  if (!existsSync(file)) throw new Error(`No body cached for ${collection}/${id}: rebuild with the CMS reachable.`);
  return readFileSync(file, 'utf8');
}

/** The `/uploads/…` pictures a Markdown body shows (`![alt](/uploads/…)`), each once. */
export function bodyImagePaths(markdown: string): string[] {
  const paths = [...markdown.matchAll(/!\[[^\]]*\]\(\s*<?(\/uploads\/[A-Za-z0-9._\-/]+)/g)].map((m) => m[1]!);
  return [...new Set(paths.filter((p) => !p.includes('..')))];
}

/** A loader that reads the published entries of `type` from Strapi. */
export function cmsLoader<T extends ContentType>(options: CmsLoaderOptions<T>): StoreLoader {
  const { type } = options;
  return {
    name: `cong-cms-${type.singularName}`,
    async load({ store, meta, logger, collection, stamps: known }) {
      const env = parseSiteEnvironment(process.env);
      const client = createCmsClient({ baseUrl: env.cmsUrl, token: env.token });

      if (type.kind === 'singleType') {
        const raw = await client.getSingle(type.singularName, options.populate ?? {});
        store.clear();
        if (raw) {
          const [entry] = validateEntries(type, [raw]);
          store.set({ id: type.singularName, data: { ...options.toData(entry as EntryOf<T>) } });
        }
        return;
      }

      const started = Date.now();
      // Versions cover the files an entry shows: a new description or a replaced file refetches it.
      const filters = options.filters?.() ?? {};
      // Stamps the caller read already (the same query, without this loader's filters) are not asked again.
      const given = Object.keys(filters).length === 0 ? known?.get(type.pluralName) : undefined;
      const stamps: Stamp[] = given
        ? [...given]
        : Object.keys(filters).length === 0
          ? await fetchStamps(client, type)
          : ((await client.getAll(type.pluralName, { ...stampQuery(type), ...filters })) as Array<Parameters<typeof toStamp>[1]>).map((e) => toStamp(type, e));
      if (meta.get('format') !== RECORD_FORMAT) {
        store.clear();
        meta.delete('stamps');
        meta.set('format', RECORD_FORMAT);
      }
      const previous = new Map<string, string>(JSON.parse(meta.get('stamps') ?? '[]') as Array<[string, string]>);
      // Anything the store or the body cache lost (cleared cache, changed config) is fetched again.
      // The bodies' folder read once: a check per file took ~0.1 s of each publish at 10,000 articles.
      const bodies = options.bodyField ? new Set(existsSync(bodyDir(collection)) ? readdirSync(bodyDir(collection)) : []) : null;
      for (const id of previous.keys()) {
        if (!store.has(id) || (bodies && !bodies.has(bodyName(id)))) previous.delete(id);
      }
      for (const id of store.keys()) if (!previous.has(id)) store.delete(id);
      const plan = planSync(previous, stamps);

      for (let i = 0; i < plan.fetch.length; i += 50) {
        const ids = plan.fetch.slice(i, i + 50);
        const query: Record<string, string> = { ...(options.populate ?? {}), ...filters };
        ids.forEach((id, k) => (query[`filters[documentId][$in][${k}]`] = id));
        const entries = validateEntries(type, await client.getAll(type.pluralName, query));
        for (const entry of entries) {
          const id = String(entry.documentId);
          if (options.bodyField) {
            const body = String(entry[options.bodyField] ?? '');
            mkdirSync(path.dirname(bodyFile(collection, id)), { recursive: true });
            writeFileSync(bodyFile(collection, id), body);
            // The pictures in the body, so a page's key can follow a file replaced in the CMS (src/lib/body-media.ts).
            store.set({ id, data: { ...options.toData(entry), bodyImages: bodyImagePaths(body) } });
          } else {
            store.set({ id, data: { ...options.toData(entry) } });
          }
        }
      }
      for (const id of plan.remove) {
        store.delete(id);
        rmSync(bodyFile(collection, id), { force: true });
      }
      meta.set('stamps', JSON.stringify(stamps.map((s) => [s.documentId, s.version])));
      logger.info(
        `${type.pluralName}: ${stamps.length} published, ${plan.fetch.length} fetched, ${plan.remove.length} removed, ${plan.keep.length} unchanged (${Date.now() - started} ms)`,
      );
    },
  };
}

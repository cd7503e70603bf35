/**
 * The site's content store: what the CMS publishes, one JSON file per collection in the build's
 * cache folder (SITE_CACHE_DIR/cong-store/), read by the pages at render time (content.ts).
 *
 * Issue 15: Astro's content layer bundled the whole store into every build (a module that grew
 * with the archive) and froze it there, so a page could only be rendered again by another full
 * `astro build`. Kept outside the bundle, the same compiled pages render the current content
 * anywhere: in `astro build`, and in the publisher's fast path (scripts/publisher/fast/), which
 * renders only the pages a publish changes with the live release's own bundle.
 *
 * The loaders (cms-loader.ts, compliance-loader.ts, shared-news.ts) keep the shape of Astro's
 * loader API they were written for (store, meta, logger), so their incremental sync is unchanged.
 */
import { closeSync, copyFileSync, linkSync, mkdirSync, openSync, readdirSync, renameSync, writeFileSync, writevSync } from 'node:fs';
import path from 'node:path';
import { RELEASE_STORE, storeDir } from './site-env';
import { ParsedFiles } from './parsed-files';
import { jsonArrayParts } from './json-parts';

/** One entry as pages see it. */
export interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
}

/** What a loader may do with its collection (the part of Astro's DataStore the loaders use). */
export interface CollectionStore {
  set(entry: StoredEntry): void;
  get(id: string): StoredEntry | undefined;
  has(id: string): boolean;
  delete(id: string): void;
  clear(): void;
  keys(): string[];
}

/** A loader's own notes between syncs (stamps, record format). */
export interface CollectionMeta {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export interface StoreLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** An entry's stamp (content-types/src/stamp.ts): what tells a loader whether to fetch it again. */
export interface KnownStamp {
  documentId: string;
  version: string;
}

/** A content loader: brings one collection up to date with the CMS. */
export interface StoreLoader {
  name: string;
  /**
   * `stamps`: the published entries' stamps of the loader's type (its plural name) when the caller
   * already read them from the CMS (the publisher's fast path fingerprints first): not asked again.
   */
  load(context: { store: CollectionStore; meta: CollectionMeta; logger: StoreLogger; collection: string; stamps?: ReadonlyMap<string, readonly KnownStamp[]> }): Promise<void>;
}

/** The file format; a store written by another format is loaded again from nothing. */
const FORMAT = 1;

interface CollectionFile {
  format: number;
  meta: Record<string, string>;
  entries: Array<[string, Record<string, unknown>]>;
}

const fileOf = (collection: string) => path.join(storeDir(), `${collection}.json`);

/**
 * The last file read or written per collection in this process (parsed-files.ts): a sync and the
 * pages after it (the fast path's worker runs both; the site's bundle has its own copy of this
 * module, hence globalThis) parse a 10,000-article file once, not twice. One per collection: the
 * public server reads each release's snapshot in turn and keeps none of the old.
 */
const parsedFiles: ParsedFiles = ((globalThis as { __congStoreFiles?: ParsedFiles }).__congStoreFiles ??= new ParsedFiles());

function readFile(collection: string): CollectionFile | null {
  return parsedFiles.read(collection, fileOf(collection), (parsed) => ((parsed as CollectionFile).format === FORMAT ? (parsed as CollectionFile) : null));
}

/** The entries of a collection as the last sync left them, in the order of their ids. */
export function readCollection<T>(collection: string): Array<{ id: string; data: T }> {
  const file = readFile(collection);
  if (!file) throw new Error(`The content store has no collection "${collection}" (${fileOf(collection)}): the site's content was not synced. Build with the CMS reachable (astro build syncs first).`);
  return file.entries.map(([id, data]) => ({ id, data: data as T }));
}

/**
 * Each entry's JSON as last written, by its data object, as UTF-8 bytes: a sync keeps the objects
 * of the entries it did not fetch again (the parsed file's), so writing 10,000 articles after one
 * changed serializes one (JSON.stringify of the whole file took ~0.3 s of each publish at 10,000
 * articles). Bytes, not strings: at 50,000 articles joining the entries' strings into one (two
 * bytes a character, Vietnamese text) and encoding it to UTF-8 again took ~1.5 s of each publish;
 * the bytes are handed to the file as they are.
 */
const entryBytes = new WeakMap<object, { id: string; bytes: Buffer }>();

function serializeEntry(id: string, data: Record<string, unknown>): Buffer {
  const known = entryBytes.get(data);
  if (known?.id === id) return known.bytes;
  const bytes = Buffer.from(JSON.stringify([id, data]));
  entryBytes.set(data, { id, bytes });
  return bytes;
}

/** Writes `parts` as the whole of `file` (one writev; a short write, never seen on a local disk, starts over from their concatenation). */
function writeParts(file: string, parts: Buffer[]): void {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const fd = openSync(file, 'w');
  let written: number;
  try {
    written = writevSync(fd, parts);
  } finally {
    closeSync(fd);
  }
  if (written !== total) writeFileSync(file, Buffer.concat(parts, total));
}

/** Writes a collection whole: a temporary file renamed over the old one, so a reader never sees half of it. */
function writeCollection(collection: string, content: CollectionFile): void {
  const file = fileOf(collection);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  // The same text as JSON.stringify(content), the entries' parts reused.
  const head = `{"format":${JSON.stringify(content.format)},"meta":${JSON.stringify(content.meta)},"entries":[`;
  writeParts(temporary, jsonArrayParts(head, content.entries, ([id, data]) => serializeEntry(id, data), ']}'));
  renameSync(temporary, file);
  parsedFiles.remember(collection, file, content);
}

/** Runs one loader against its stored collection and saves the result. */
export async function syncCollection(collection: string, loader: StoreLoader, logger: StoreLogger, stamps?: ReadonlyMap<string, readonly KnownStamp[]>): Promise<void> {
  const previous = readFile(collection);
  const entries = new Map<string, StoredEntry>((previous?.entries ?? []).map(([id, data]) => [id, { id, data }]));
  const meta = new Map<string, string>(Object.entries(previous?.meta ?? {}));
  // Nothing set, deleted or changed: the file stays as it is (at 10,000 articles writing it costs a publish ~0.3 s).
  let changed = previous === null;
  await loader.load({
    store: {
      set: (entry) => {
        changed = true;
        entries.set(entry.id, { id: entry.id, data: entry.data });
      },
      get: (id) => entries.get(id),
      has: (id) => entries.has(id),
      delete: (id) => {
        changed ||= entries.has(id);
        entries.delete(id);
      },
      clear: () => {
        changed ||= entries.size > 0;
        entries.clear();
      },
      keys: () => [...entries.keys()],
    },
    meta: {
      get: (key) => meta.get(key),
      set: (key, value) => {
        changed ||= meta.get(key) !== value;
        meta.set(key, value);
      },
      delete: (key) => {
        changed ||= meta.has(key);
        meta.delete(key);
      },
    },
    logger,
    collection,
    ...(stamps ? { stamps } : {}),
  });
  if (!changed) return;
  // In the order of their ids, whatever order they were synced in: a full sync and a sync of the
  // changes must leave the same store, or a list shown in store order would differ between them.
  const ordered = [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  writeCollection(collection, { format: FORMAT, meta: Object.fromEntries(meta), entries: ordered.map((e) => [e.id, e.data]) });
}

/**
 * Puts the store as it is now into the release `releaseDir` (`store/`), for its on-demand routes:
 * hard links, which never change, as a sync replaces each file by a rename.
 */
export function snapshotStore(releaseDir: string): void {
  const target = path.join(releaseDir, RELEASE_STORE);
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(storeDir())) {
    if (!name.endsWith('.json')) continue;
    try {
      linkSync(path.join(storeDir(), name), path.join(target, name));
    } catch {
      copyFileSync(path.join(storeDir(), name), path.join(target, name));
    }
  }
}

/** Syncs every collection (concurrently, as Astro's content layer ran them); one failure fails the sync after the others finish. */
export async function syncStore(loaders: Record<string, StoreLoader>, logger: (loaderName: string) => StoreLogger, stamps?: ReadonlyMap<string, readonly KnownStamp[]>): Promise<void> {
  const results = await Promise.allSettled(Object.entries(loaders).map(([collection, loader]) => syncCollection(collection, loader, logger(loader.name), stamps)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

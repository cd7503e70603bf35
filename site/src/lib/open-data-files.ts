/**
 * The files of /du-lieu-mo/: each dataset as JSON and as CSV (UTF-8 with BOM), and the schema of
 * them all, with their cache keys for the incremental build and the fast path (a digest of what
 * each file shows, record by record).
 */
import { createHash } from 'node:crypto';
import { csvLine, toCsvLines } from './csv';
import { jsonArrayParts } from './json-parts';
import { getSettings } from './content';
import { licenceLine, publishedDatasets, type PublishedDataset } from './open-data';

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * Each record's JSON and CSV line as bytes, by the record object (open-data.ts keeps the records of
 * the entries a sync did not change): the fast path's warm worker serializes only the new ones, and
 * a file is its parts' bytes, streamed (at 50,000 articles making the two files' text took ~0.5 s of
 * each publish; a Response made from one 30 MB buffer copied it twice more, ~0.5 s a file).
 */
const recordJson = new WeakMap<object, Buffer>();
const recordLine = new WeakMap<object, Buffer>();

function memo<T>(cache: WeakMap<object, T>, record: object, make: () => T): T {
  let value = cache.get(record);
  if (value === undefined) cache.set(record, (value = make()));
  return value;
}

/** The JSON file of a dataset, in parts: what it is, its licence and schema, and its records (together the bytes of JSON.stringify of it all). */
export function datasetJson(d: PublishedDataset, licence: string, site: URL): Buffer[] {
  const head = JSON.stringify({
    dataset: d.slug,
    title: d.title,
    description: d.description,
    licence,
    schema: new URL('/du-lieu-mo/schema.json', site).href,
    updatedAt: d.updatedAt,
    count: d.records.length,
    fields: d.fields.map((f) => f.name),
  });
  return jsonArrayParts(`${head.slice(0, -1)},"records":[`, d.records, (r) => memo(recordJson, r, () => Buffer.from(JSON.stringify(r))), ']}');
}

/** The CSV file of a dataset, in parts: a header of field names, one line per record (together the bytes of toCsv). */
export function datasetCsv(d: PublishedDataset): Buffer[] {
  const names = d.fields.map((f) => f.name);
  const lines = d.records.map((r) => memo(recordLine, r, () => Buffer.from(csvLine(names.map((name) => r[name] ?? null)))));
  return [Buffer.from(toCsvLines(names, [])), ...lines];
}

/** Chunks of a streamed body: about this many bytes each (a chunk per record took ~1 s per file of 50,000 records). */
const CHUNK = 1 << 20;

/** A Response body of `parts` in order, put together in chunks of about 1 MB: never the whole file in one more buffer. */
export function partsBody(parts: readonly Buffer[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= parts.length) {
        controller.close();
        return;
      }
      const batch: Buffer[] = [];
      let size = 0;
      while (next < parts.length && size < CHUNK) {
        const part = parts[next++]!;
        batch.push(part);
        size += part.length;
      }
      controller.enqueue(Buffer.concat(batch, size));
    },
  });
}

/** The schema of every dataset. */
export function schemaJson(datasets: PublishedDataset[], licence: string): string {
  return JSON.stringify({ licence, datasets: datasets.map((d) => ({ dataset: d.slug, title: d.title, description: d.description, type: d.type, json: `/du-lieu-mo/${d.slug}.json`, csv: `/du-lieu-mo/${d.slug}.csv`, fields: d.fields })) }, null, 2);
}

/** Each record's digest, by the record object (as its text above). */
const recordDigest = new WeakMap<object, string>();

/**
 * A dataset file's cache key: everything the file shows but the records, and each record's digest
 * (made once per record). Hashing the two files' text whole took ~0.3 s of each publish at 50,000
 * articles, and made both texts though an unchanged file is never written.
 */
export function datasetKey(kind: 'json' | 'csv', d: PublishedDataset, licence: string, site: URL): string {
  const records = d.records.map((r) => memo(recordDigest, r, () => digest(JSON.stringify(r))));
  return digest(JSON.stringify([kind, d.slug, d.title, d.description, d.type, licence, site.href, d.updatedAt, d.fields, records]));
}

/** getStaticPaths of one kind of file: every dataset, keyed by what its file shows; the file's text is made when it is rendered. */
export async function datasetPaths(kind: 'json' | 'csv', site: URL) {
  const licence = licenceLine((await getSettings()).openDataLicence);
  return (await publishedDatasets(site)).map((d) => ({ params: { dataset: d.slug }, props: { dataset: d, licence }, cacheKey: datasetKey(kind, d, licence, site) }));
}

/** What a dataset file's page gets from datasetPaths. */
export interface DatasetProps {
  dataset: PublishedDataset;
  licence: string;
}

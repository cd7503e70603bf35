/**
 * The files of /du-lieu-mo/: each dataset as JSON and as CSV (UTF-8 with BOM), and the schema of
 * them all, with their cache keys for the incremental build (a digest of the bytes written).
 */
import { createHash } from 'node:crypto';
import { toCsv } from './csv';
import { getSettings } from './content';
import { licenceLine, publishedDatasets, type PublishedDataset } from './open-data';

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The JSON file of a dataset: what it is, its licence and schema, and its records. */
export function datasetJson(d: PublishedDataset, licence: string, site: URL): string {
  return JSON.stringify({
    dataset: d.slug,
    title: d.title,
    description: d.description,
    licence,
    schema: new URL('/du-lieu-mo/schema.json', site).href,
    updatedAt: d.updatedAt,
    count: d.records.length,
    fields: d.fields.map((f) => f.name),
    records: d.records,
  });
}

/** The CSV file of a dataset: a header of field names, one line per record. */
export const datasetCsv = (d: PublishedDataset): string => toCsv(d.fields.map((f) => f.name), d.records.map((r) => d.fields.map((f) => r[f.name] ?? null)));

/** The schema of every dataset. */
export function schemaJson(datasets: PublishedDataset[], licence: string): string {
  return JSON.stringify({ licence, datasets: datasets.map((d) => ({ dataset: d.slug, title: d.title, description: d.description, type: d.type, json: `/du-lieu-mo/${d.slug}.json`, csv: `/du-lieu-mo/${d.slug}.csv`, fields: d.fields })) }, null, 2);
}

/** getStaticPaths of one kind of file: every dataset's body, keyed by its digest. */
export async function datasetPaths(site: URL, render: (d: PublishedDataset, licence: string) => string) {
  const licence = licenceLine((await getSettings()).openDataLicence);
  return (await publishedDatasets(site)).map((d) => {
    const body = render(d, licence);
    return { params: { dataset: d.slug }, props: { body }, cacheKey: digest(body) };
  });
}

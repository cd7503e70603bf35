import { describe, expect, test } from 'vitest';
import { toCsv } from '../../site/src/lib/csv';
import { datasetCsv, datasetJson, datasetKey, partsBody } from '../../site/src/lib/open-data-files';
import type { PublishedDataset } from '../../site/src/lib/open-data';

const site = new URL('https://tanhoa.test/');
const fields = [{ name: 'title' }, { name: 'tags' }, { name: 'views' }, { name: 'note' }] as PublishedDataset['fields'];
const records: PublishedDataset['records'] = [
  { title: 'Tin "có" ngoặc, và dấu phẩy', tags: ['a', 'b'], views: 3, note: null },
  { title: 'Tin thứ hai\nhai dòng', tags: [], views: 0, note: ' khoảng trắng ' },
];
const dataset = (list: PublishedDataset['records']): PublishedDataset => ({ slug: 'tin-tuc', title: 'Tin tức', description: 'Mô tả', type: 'api::article.article', fields, records: list, updatedAt: '2026-12-01T00:00:00.000Z' });

describe('open data files (records serialized once each, issue 15)', () => {
  test('the JSON file is exactly JSON.stringify of the whole dataset', () => {
    const d = dataset(records);
    const whole = JSON.stringify({ dataset: d.slug, title: d.title, description: d.description, licence: 'CC BY 4.0', schema: 'https://tanhoa.test/du-lieu-mo/schema.json', updatedAt: d.updatedAt, count: 2, fields: ['title', 'tags', 'views', 'note'], records });
    expect(Buffer.concat(datasetJson(d, 'CC BY 4.0', site)).toString('utf8')).toBe(whole);
    expect(JSON.parse(Buffer.concat(datasetJson(dataset([]), 'x', site)).toString('utf8')).records).toEqual([]);
  });

  test('the CSV file is the same as toCsv of every record', () => {
    const rows = records.map((r) => fields.map((f) => r[f.name] ?? null));
    expect(Buffer.concat(datasetCsv(dataset(records))).toString('utf8')).toBe(toCsv(['title', 'tags', 'views', 'note'], rows));
  });

  test('a record kept from the last file is written as then; a new record object as it is now', () => {
    const d = dataset(records);
    datasetJson(d, 'x', site);
    datasetCsv(d);
    const changed = { ...records[1]!, title: 'Tin thứ hai đã sửa' };
    const next = dataset([records[0]!, changed]);
    expect(JSON.parse(Buffer.concat(datasetJson(next, 'x', site)).toString('utf8')).records).toEqual([records[0], changed]);
    expect(Buffer.concat(datasetCsv(next)).toString('utf8')).toContain('Tin thứ hai đã sửa');
    expect(Buffer.concat(datasetCsv(next)).toString('utf8')).not.toContain('hai dòng');
  });
});

describe('open data files: the streamed body', () => {
  test('a Response of the parts is their bytes in order, in chunks of about 1 MB, not one per record', async () => {
    const parts = Array.from({ length: 30_000 }, (_, i) => Buffer.from(`{"tieuDe":"Tin số ${i}: Ủy ban nhân dân xã ${'đ'.repeat(i % 50)}"},`));
    const whole = Buffer.concat(parts);
    const chunks: Uint8Array[] = [];
    const reader = partsBody(parts).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    expect(Buffer.concat(chunks).equals(whole)).toBe(true);
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(whole.length / (1 << 20)) + 1);
    expect(Buffer.from(await new Response(partsBody(parts)).arrayBuffer()).equals(whole)).toBe(true);
    expect(await new Response(partsBody([])).text()).toBe('');
  });
});

describe('open data files: cache keys', () => {
  test('the key moves with any record, the header, the licence or the kind of file, and only then', () => {
    const key = (d: PublishedDataset, kind: 'json' | 'csv' = 'json', licence = 'CC BY 4.0') => datasetKey(kind, d, licence, site);
    const base = key(dataset(records));
    expect(key(dataset([...records]))).toBe(base); // the same records, another list
    expect(key(dataset([records[0]!, { ...records[1]! }]))).toBe(base); // an equal record, another object
    expect(key(dataset([records[0]!, { ...records[1]!, views: 1 }]))).not.toBe(base);
    expect(key(dataset([records[0]!]))).not.toBe(base);
    expect(key(dataset(records), 'csv')).not.toBe(base);
    expect(key(dataset(records), 'json', 'Giấy phép khác')).not.toBe(base);
    expect(key({ ...dataset(records), title: 'Tin' })).not.toBe(base);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync, linkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { ChunkedGzip, pieceEnds } from '../../scripts/publisher/chunked-gzip';
import { precompress } from '../../scripts/publisher/precompress';

const WORDS = ['phường', 'xã', 'Ủy ban', 'nhân dân', 'kế hoạch', 'tổ chức', 'đường', 'giao thông', 'học sinh', 'trường', 'nông thôn', 'mới', 'văn hóa', 'người dân', 'hồ sơ', 'thủ tục', 'đất đai', 'y tế', 'tháng', 'năm'];

/** Records like an open data file's: varied Vietnamese text, so the pieces are cut where real text would be. */
function records(count: number, from = 0): string[] {
  // mulberry32, seeded by the record's number: the same record has the same text in every version.
  let seed = 0;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    seed = i;
    const words = Array.from({ length: 40 }, () => `${WORDS[next() % WORDS.length]}${next() % 3 === 0 ? ` ${next().toString(36)}` : ''}`).join(' ');
    return JSON.stringify({ id: `bai-${i}`, title: `Tin số ${i}: ${words.slice(0, 60)}`, summary: words, url: `https://xa.example.gov.vn/tin-tuc/bai-${i}/` });
  });
}

const file = (list: string[]) => Buffer.from(`{"dataset":"tin-tuc","records":[${list.join(',')}]}`);

describe('chunked gzip', () => {
  test('gives an ordinary gzip file of the same bytes, read by zlib and by the gzip program', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cong-chunked-'));
    for (const data of [Buffer.alloc(0), Buffer.from('{"a":1}'), file(records(12_000))]) {
      const { bytes, pieces } = await new ChunkedGzip().gzip('x.json', data, 6);
      expect(gunzipSync(bytes).equals(data)).toBe(true);
      writeFileSync(path.join(dir, 'x.json.gz'), bytes);
      expect(execFileSync('gzip', ['-dc', path.join(dir, 'x.json.gz')], { maxBuffer: 64 * 1024 * 1024 }).equals(data)).toBe(true);
      if (data.length > 4 * 1024 * 1024) expect(pieces).toBeGreaterThan(8);
    }
  });

  test('cuts where the bytes say: an inserted record moves only the cuts near it', () => {
    const before = file(records(12_000));
    const after = file([...records(1, 99_999), ...records(12_000)]);
    const shift = after.length - before.length;
    const a = pieceEnds(before);
    const b = new Set(pieceEnds(after).map((end) => end - shift));
    expect(a.length).toBeGreaterThan(8);
    expect(a.filter((end) => !b.has(end)).length).toBeLessThanOrEqual(2);
    for (const ends of [a, pieceEnds(after)]) for (let i = 1; i < ends.length - 1; i++) expect(ends[i]! - ends[i - 1]!).toBeLessThanOrEqual(1024 * 1024);
  });

  test('a new version deflates only the pieces it changed and reads back whole', async () => {
    const gzip = new ChunkedGzip();
    const list = records(12_000);
    const first = await gzip.gzip('tin-tuc.json', file(list), 6);
    expect(first.deflated).toBe(first.pieces);
    // A new article at the head and an old one corrected in the middle.
    const changed = [...records(1, 50_000), ...list];
    changed[6000] = changed[6000]!.replace('Tin số', 'Tin đã sửa số');
    const second = await gzip.gzip('tin-tuc.json', file(changed), 6);
    expect(second.deflated).toBeLessThanOrEqual(4);
    expect(second.pieces).toBeGreaterThan(8);
    expect(gunzipSync(second.bytes).equals(file(changed))).toBe(true);
    // Another file's key keeps pieces of its own.
    expect((await gzip.gzip('other.json', file(changed), 6)).deflated).toBe(second.pieces);
  });

  test('keeps the pieces of the most recently compressed files only, up to its limit in bytes', async () => {
    const gzip = new ChunkedGzip(1024 * 1024);
    const data = file(records(6_000));
    await gzip.gzip('a.json', data, 6);
    await gzip.gzip('b.json', data, 6);
    expect(gzip.keptFiles()).toEqual(['b.json']); // the two past the limit together: a's went
    expect((await gzip.gzip('b.json', data, 6)).deflated).toBe(0);
    expect((await gzip.gzip('a.json', data, 6)).deflated).toBeGreaterThan(0);
  });

  test('precompress gives a file of 1 MB or more a .gz in pieces and no .br, also where the live release had one', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-chunked-release-'));
    const live = path.join(root, 'releases', 'a', 'client');
    const next = path.join(root, 'releases', 'b', 'client');
    mkdirSync(path.join(live, 'du-lieu-mo'), { recursive: true });
    mkdirSync(path.join(next, 'du-lieu-mo'), { recursive: true });
    const data = file(records(8_000));
    expect(data.length).toBeGreaterThan(1024 * 1024);
    writeFileSync(path.join(live, 'du-lieu-mo', 'tin-tuc.json'), data);
    writeFileSync(path.join(live, 'du-lieu-mo', 'tin-tuc.json.br'), 'a .br from before');
    // The fast path's copy: the live release's files hard-linked, then the changed data file written.
    linkSync(path.join(live, 'du-lieu-mo', 'tin-tuc.json.br'), path.join(next, 'du-lieu-mo', 'tin-tuc.json.br'));
    const changed = file([...records(1, 70_000), ...records(8_000)]);
    writeFileSync(path.join(next, 'du-lieu-mo', 'tin-tuc.json'), changed);
    const fast = await precompress(next, { only: ['du-lieu-mo/tin-tuc.json'] });
    expect(fast).toMatchObject({ files: 1, reused: 0 });
    expect(fast.pieces.deflated).toBe(fast.pieces.total); // the first time this portal's file is seen
    expect(gunzipSync(readFileSync(path.join(next, 'du-lieu-mo', 'tin-tuc.json.gz'))).equals(changed)).toBe(true);
    expect(existsSync(path.join(next, 'du-lieu-mo', 'tin-tuc.json.br'))).toBe(false);
    expect(readFileSync(path.join(live, 'du-lieu-mo', 'tin-tuc.json.br'), 'utf8')).toBe('a .br from before');
    // The full path with the live release as `previous`: the same bytes keep the live .gz (a link), still no .br.
    const third = path.join(root, 'releases', 'c', 'client');
    mkdirSync(path.join(third, 'du-lieu-mo'), { recursive: true });
    writeFileSync(path.join(third, 'du-lieu-mo', 'tin-tuc.json'), changed);
    expect(await precompress(third, { previous: next })).toEqual({ files: 1, reused: 1, pieces: { total: 0, deflated: 0 } });
    expect(statSync(path.join(third, 'du-lieu-mo', 'tin-tuc.json.gz')).ino).toBe(statSync(path.join(next, 'du-lieu-mo', 'tin-tuc.json.gz')).ino);
    expect(existsSync(path.join(third, 'du-lieu-mo', 'tin-tuc.json.br'))).toBe(false);
    // The next release of the same portal with one more article: only the pieces it changed are deflated.
    const fourth = path.join(root, 'releases', 'd', 'client');
    mkdirSync(path.join(fourth, 'du-lieu-mo'), { recursive: true });
    const more = file([...records(1, 70_001), ...records(1, 70_000), ...records(8_000)]);
    writeFileSync(path.join(fourth, 'du-lieu-mo', 'tin-tuc.json'), more);
    const next4 = await precompress(fourth, { previous: third });
    expect(next4.pieces.total).toBeGreaterThan(8);
    expect(next4.pieces.deflated).toBeLessThanOrEqual(3);
    expect(gunzipSync(readFileSync(path.join(fourth, 'du-lieu-mo', 'tin-tuc.json.gz'))).equals(more)).toBe(true);
  });
});

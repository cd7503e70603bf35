import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { precompress } from '../../scripts/publisher/precompress';

function release(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cong-precompress-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('precompress', () => {
  test('writes .br and .gz for text files of 1 KB or more, not for small or binary ones', async () => {
    const dir = release({ 'index.html': '<p>Trang chủ</p>'.repeat(200), 'tiny.html': '<p>ngắn</p>', 'anh.jpg': 'x'.repeat(5000) });
    expect(await precompress(dir)).toEqual({ files: 1, reused: 0, pieces: { total: 0, deflated: 0 } });
    expect(gunzipSync(readFileSync(path.join(dir, 'index.html.gz'))).toString()).toContain('Trang chủ');
    expect(brotliDecompressSync(readFileSync(path.join(dir, 'index.html.br'))).toString()).toContain('Trang chủ');
    expect(() => statSync(path.join(dir, 'tiny.html.gz'))).toThrow();
    expect(() => statSync(path.join(dir, 'anh.jpg.gz'))).toThrow();
  });

  test('takes the files of an unchanged page from the live release, compresses changed ones, and never alters the live release', async () => {
    const same = '<p>Tin cũ không đổi</p>'.repeat(100);
    const live = release({ 'a/index.html': same, 'b/index.html': '<p>Bản cũ</p>'.repeat(100) });
    await precompress(live);
    const liveB = readFileSync(path.join(live, 'b/index.html.br'));
    const next = release({ 'a/index.html': same, 'b/index.html': '<p>Bản mới đã sửa</p>'.repeat(100), 'c/index.html': '<p>Bài mới</p>'.repeat(100) });
    expect(await precompress(next, { previous: live })).toEqual({ files: 3, reused: 1, pieces: { total: 0, deflated: 0 } });
    expect(statSync(path.join(next, 'a/index.html.br')).ino).toBe(statSync(path.join(live, 'a/index.html.br')).ino);
    expect(brotliDecompressSync(readFileSync(path.join(next, 'b/index.html.br'))).toString()).toContain('Bản mới đã sửa');
    expect(readFileSync(path.join(live, 'b/index.html.br')).equals(liveB)).toBe(true);
  });
});

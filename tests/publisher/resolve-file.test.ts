/**
 * The public server's file resolution (scripts/public/server.ts `resolveFile`): which file of the
 * live release a request path names, the folder redirects, and every way out of the release
 * (traversal plain or encoded, NUL bytes, broken escapes, hosts smuggled into a redirect) refused.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveFile } from '../../scripts/public/server';

let client: string;
const at = (...parts: string[]) => path.join(client, ...parts);

beforeAll(() => {
  // <base>/secret.txt and <base>/release/release.json around <base>/release/client: what traversal would reach.
  const base = mkdtempSync(path.join(tmpdir(), 'cong-resolve-'));
  client = path.join(base, 'release', 'client');
  mkdirSync(at('tin-tuc', 'bai-a'), { recursive: true });
  writeFileSync(path.join(base, 'secret.txt'), 'not for the public');
  writeFileSync(path.join(base, 'release', 'release.json'), '{"fingerprint":"…"}');
  mkdirSync(at('tài-liệu'), { recursive: true });
  mkdirSync(at('empty'), { recursive: true });
  mkdirSync(at('_astro'), { recursive: true });
  writeFileSync(at('index.html'), 'home');
  writeFileSync(at('tin-tuc', 'bai-a', 'index.html'), 'article');
  writeFileSync(at('tài-liệu', 'index.html'), 'documents');
  writeFileSync(at('_astro', 'app.3f2a.css'), 'css');
  writeFileSync(at('rss.xml'), '<rss/>');
});

describe('resolveFile', () => {
  test('the home page, a page folder and a file', () => {
    expect(resolveFile(client, '/')).toEqual({ file: at('index.html'), urlPath: '/index.html' });
    expect(resolveFile(client, '/tin-tuc/bai-a/')).toEqual({ file: at('tin-tuc', 'bai-a', 'index.html'), urlPath: '/tin-tuc/bai-a/index.html' });
    expect(resolveFile(client, '/tin-tuc/bai-a/index.html')).toEqual({ file: at('tin-tuc', 'bai-a', 'index.html'), urlPath: '/tin-tuc/bai-a/index.html' });
    expect(resolveFile(client, '/_astro/app.3f2a.css')).toEqual({ file: at('_astro', 'app.3f2a.css'), urlPath: '/_astro/app.3f2a.css' });
  });

  test('the query string is not part of the path', () => {
    expect(resolveFile(client, '/rss.xml?v=2&q=cải+cách')).toEqual({ file: at('rss.xml'), urlPath: '/rss.xml' });
    expect(resolveFile(client, '/?q=x')).toEqual({ file: at('index.html'), urlPath: '/index.html' });
  });

  test('a folder without its slash redirects to its canonical address', () => {
    expect(resolveFile(client, '/tin-tuc/bai-a')).toEqual({ redirect: '/tin-tuc/bai-a/' });
    expect(resolveFile(client, '/tin-tuc/bai-a?x=1')).toEqual({ redirect: '/tin-tuc/bai-a/' });
    expect(resolveFile(client, '/tin-tuc//bai-a')).toEqual({ redirect: '/tin-tuc/bai-a/' });
    expect(resolveFile(client, '/tin-tuc/./bai-a')).toEqual({ redirect: '/tin-tuc/bai-a/' });
  });

  test('Vietnamese names: found from their percent-encoded UTF-8, redirected encoded', () => {
    const encoded = `/${encodeURIComponent('tài-liệu')}`;
    expect(resolveFile(client, `${encoded}/`)).toEqual({ file: at('tài-liệu', 'index.html'), urlPath: '/tài-liệu/index.html' });
    expect(resolveFile(client, encoded)).toEqual({ redirect: `${encoded}/` });
    // The same letters decomposed (NFD) are another name on disk: not found, never another file.
    expect(resolveFile(client, `/${encodeURIComponent('tài-liệu'.normalize('NFD'))}/`)).toBeNull();
  });

  test('what does not exist, or a folder without index.html, is null', () => {
    expect(resolveFile(client, '/khong-co/')).toBeNull();
    expect(resolveFile(client, '/khong-co.html')).toBeNull();
    expect(resolveFile(client, '/empty/')).toBeNull();
  });

  test('traversal, plain or encoded, never leaves the release', () => {
    for (const attempt of [
      '/../secret.txt',
      '/../../secret.txt',
      '/tin-tuc/../../../secret.txt',
      '/%2e%2e/%2e%2e/%2e%2e/secret.txt',
      '/%2E%2E%2F%2E%2E%2F%2E%2E%2Fsecret.txt',
      '/..%2f..%2f..%2fsecret.txt',
      '/..%5c..%5csecret.txt',
      '/../release.json',
      '/%2e%2e/release.json',
      '/./../client/../../secret.txt',
      `/${'../'.repeat(40)}etc/passwd`,
    ]) {
      const found = resolveFile(client, attempt);
      expect(found === null || ('file' in found && found.file.startsWith(`${client}${path.sep}`)), attempt).toBe(true);
      expect(found, attempt).toBeNull(); // and here nothing of that name is inside either
    }
    // ".." stops at the release's root: climbing out and back in names a folder inside it.
    expect(resolveFile(client, '/../client/rss.xml')).toBeNull();
    expect(resolveFile(client, '/tin-tuc/../rss.xml')).toMatchObject({ file: at('rss.xml') });
  });

  test('NUL bytes and broken escapes are refused, not thrown', () => {
    expect(resolveFile(client, '/index.html%00.png')).toBeNull();
    expect(resolveFile(client, '/rss.xml\0')).toBeNull();
    for (const broken of ['/%', '/%E0%A4%A', '/%zz', '/t%C3i-li%E1%BB%87u/']) expect(resolveFile(client, broken), broken).toBeNull();
  });

  test('a redirect never names another host', () => {
    for (const attempt of ['//evil.example/..', '///evil.example/../tin-tuc/bai-a', '/%2F%2Fevil.example/../tin-tuc/bai-a', '/\\evil.example/../tin-tuc/bai-a']) {
      const found = resolveFile(client, attempt);
      if (found && 'redirect' in found) {
        expect(found.redirect, attempt).toMatch(/^\/(?![/\\])/);
        expect(new URL(found.redirect, 'https://xatanhoa.example.vn').host, attempt).toBe('xatanhoa.example.vn');
      }
    }
    expect(resolveFile(client, '//evil.example/..')).toEqual({ redirect: '/' });
  });
});

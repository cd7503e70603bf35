import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isSafeUrl, markdownToText, renderMarkdown } from '../../site/src/lib/markdown';

const xssCases = readFileSync(path.resolve(import.meta.dirname, '../fixtures/markdown-xss.txt'), 'utf8')
  .split(/^~~~~$/m)
  .map((c) => c.replace(/^#.*\n/gm, '').trim())
  .filter(Boolean);

/** Every tag of the output with its attributes (markdown-it always double-quotes values). */
const tags = (html: string) =>
  [...html.matchAll(/<([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>/gi)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attrs: [...m[2]!.matchAll(/([a-z-]+)(?:="([^"]*)")?/gi)].map((a) => ({ name: a[1]!.toLowerCase(), value: a[2] ?? '' })),
  }));

describe('renderMarkdown', () => {
  test.each(xssCases.map((c, i) => [i + 1, c]))('keeps XSS attempt %i inert', (_n, input) => {
    const html = renderMarkdown(input as string);
    expect(html).not.toMatch(/<(?![a-z/])/i); // every '<' that is not a tag is escaped
    for (const tag of tags(html)) {
      expect(['script', 'iframe', 'svg', 'style', 'object', 'embed', 'details'], html).not.toContain(tag.name);
      for (const attr of tag.attrs) {
        expect(attr.name, html).not.toMatch(/^on/);
        if (attr.name === 'href' || attr.name === 'src') expect(attr.value.trim(), html).not.toMatch(/^(javascript|vbscript|data):/i);
      }
    }
  });

  test('reads the fixture file (a broken split would test nothing)', () => {
    expect(xssCases.length).toBeGreaterThanOrEqual(20);
  });

  test('renders headings, lists, links and Vietnamese text', () => {
    const html = renderMarkdown('## Kết quả\n\n- Một\n- Hai\n\n[Cổng Dịch vụ công](https://dichvucong.gov.vn) và [liên hệ](/lien-he/)');
    expect(html).toContain('<h2>Kết quả</h2>');
    expect(html).toContain('<li>Một</li>');
    expect(html).toContain('<a href="https://dichvucong.gov.vn" rel="noopener noreferrer">Cổng Dịch vụ công</a>');
    expect(html).toContain('<a href="/lien-he/">liên hệ</a>');
  });

  test('allows mailto and tel links', () => {
    const html = renderMarkdown('[thư](mailto:ubnd@xa.gov.vn) [gọi](tel:02393860125)');
    expect(html).toContain('href="mailto:ubnd@xa.gov.vn"');
    expect(html).toContain('href="tel:02393860125"');
  });

  test('loads images lazily with their alt text', () => {
    expect(renderMarkdown('![Cánh đồng lúa](/uploads/a.jpg)')).toBe('<p><img src="/uploads/a.jpg" alt="Cánh đồng lúa" loading="lazy" decoding="async"></p>\n');
  });

  test('wraps tables in a focusable scroll region', () => {
    const html = renderMarkdown('| Thôn | Hộ |\n|---|---:|\n| Trung Hòa | 1.024 |');
    expect(html).toMatch(/^<div class="table-scroll" role="region" aria-label="Bảng số liệu" tabindex="0"><table>/);
    // Alignment as a class: the pages allow no inline style (Content-Security-Policy).
    expect(html).toContain('<td class="align-right">1.024</td>');
    expect(html).not.toContain('style=');
  });

  test('stores NFD input as NFC', () => {
    expect(renderMarkdown('Hội đồng'.normalize('NFD'))).toBe('<p>Hội đồng</p>\n');
  });

  test('renders pathological input quickly', { timeout: 2000 }, () => {
    const html = renderMarkdown(`${'['.repeat(20000)}x${'](a)'.repeat(5000)}\n${'> '.repeat(5000)}x\n${'*a '.repeat(20000)}`);
    expect(html.length).toBeGreaterThan(0);
  });
});

describe('isSafeUrl', () => {
  test.each([
    ['https://chinhphu.vn', true],
    ['http://a.vn', true],
    ['mailto:a@b.vn', true],
    ['tel:0912345678', true],
    ['/tin-tuc/', true],
    ['#muc-1', true],
    ['javascript:alert(1)', false],
    [' java\tscript:alert(1)', false],
    ['data:text/html,x', false],
    ['//evil.example/x', false],
  ])('%s → %s', (url, expected) => {
    expect(isSafeUrl(url)).toBe(expected);
  });
});

describe('markdownToText', () => {
  test('strips markup and cuts at a word boundary', () => {
    expect(markdownToText('## Tiêu đề\n\nĐoạn **một** có [liên kết](https://a.vn).')).toBe('Tiêu đề Đoạn một có liên kết.');
    expect(markdownToText('từ '.repeat(100), 20).endsWith('…')).toBe(true);
  });
});

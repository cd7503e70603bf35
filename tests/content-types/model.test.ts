import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { article, authoredTypes, contentTypes, legacyTypes, link, scheduledTypes, siteSetting, strapiFiles } from '../../content-types/src/index';

const cmsDir = path.resolve(import.meta.dirname, '../../cms');

describe('strapiFiles', () => {
  test('matches the schemas and API files in cms/ (run `npm run generate` after changing the model)', () => {
    const expected = strapiFiles();
    for (const [file, content] of expected) {
      expect(readFileSync(path.join(cmsDir, file), 'utf8'), `cms/${file} drifted from content-types/`).toBe(content);
    }
  });

  test('leaves no type or component in cms/ that the model does not define', () => {
    const apis = readdirSync(path.join(cmsDir, 'src/api')).filter((n) => !n.startsWith('.'));
    expect(apis.sort()).toEqual([...contentTypes, ...legacyTypes].map((t) => t.singularName).sort());
    const generated = new Set(strapiFiles().keys());
    for (const category of readdirSync(path.join(cmsDir, 'src/components'))) {
      for (const file of readdirSync(path.join(cmsDir, 'src/components', category))) {
        expect(generated.has(`src/components/${category}/${file}`), file).toBe(true);
      }
    }
  });

  test('labels every type and field in Vietnamese', () => {
    for (const type of contentTypes) {
      expect(type.displayName).toMatch(/\S/);
      for (const [name, field] of Object.entries(type.attributes)) expect(field.label, `${type.singularName}.${name}`).toMatch(/\S/);
    }
  });
});

describe('enumerations', () => {
  test('only hold values Strapi accepts (no value may start with a digit, as "6 tháng")', () => {
    // Strapi's own rule (content-type validator): the value, slugified its way, must be a GraphQL enum name.
    const { strings } = createRequire(import.meta.url)('@strapi/utils') as { strings: { toRegressedEnumValue(value: string): string } };
    for (const type of contentTypes) {
      for (const [name, field] of Object.entries(type.attributes)) {
        const values = (field.strapi as { enum?: string[] }).enum ?? [];
        for (const value of values) expect(strings.toRegressedEnumValue(value), `${type.singularName}.${name}: ${value}`).toMatch(/^[_A-Za-z][_0-9A-Za-z]*$/);
      }
    }
  });
});

describe('entrySchema', () => {
  const base = { id: 1, documentId: 'abc123', createdAt: '2026-11-27T01:00:00.000Z', updatedAt: '2026-11-27T01:00:00.000Z', publishedAt: '2026-11-27T01:30:00.000Z' };

  test("reads an optional address or email left empty ('') as none, and still refuses a wrong one", () => {
    const settings = { ...base, agencyName: 'Ủy ban nhân dân xã Tân Hòa', mainMenu: [], serviceLinks: [] };
    const parsed = siteSetting.entrySchema.parse({ ...settings, documentExchangeUrl: '', mapTileUrl: '', email: '' });
    expect([parsed.documentExchangeUrl, parsed.mapTileUrl, parsed.email]).toEqual([null, null, null]);
    expect(siteSetting.entrySchema.safeParse({ ...settings, documentExchangeUrl: 'ftp://x' }).success).toBe(false);
    expect(siteSetting.entrySchema.safeParse({ ...settings, email: 'khong-phai-thu' }).success).toBe(false);
  });

  test('accepts an article as the REST API returns it', () => {
    const entry = article.entrySchema.parse({
      ...base,
      title: 'Xã ra quân làm đường giao thông nông thôn',
      slug: 'xa-ra-quan-lam-duong-giao-thong-nong-thon',
      summary: null,
      body: '## Mở đầu\n\nNội dung.',
      coverAlt: null,
      tags: 'giao thông, nông thôn mới',
      author: null,
      featured: null,
      category: { id: 2, documentId: 'cat1', name: 'Tin hoạt động', slug: 'tin-hoat-dong' },
    });
    expect(entry.featured).toBe(false);
    expect(entry.category?.name).toBe('Tin hoạt động');
  });

  test('names the field that is wrong', () => {
    const result = article.entrySchema.safeParse({ ...base, title: '', slug: 'Không hợp lệ', body: 'x' });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['title', 'slug']));
  });

  test('refuses a link whose URL is not http or https', () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.vn', 'example.vn']) {
      const result = link.entrySchema.safeParse({ ...base, title: 'X', url, group: 'Tỉnh, thành phố', order: 1 });
      expect(result.success, url).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['url']);
    }
    expect(link.entrySchema.safeParse({ ...base, title: 'X', url: 'https://chinhphu.vn', group: 'Trung ương', order: 1 }).success).toBe(true);
  });

  test('defaults a missing main menu to an empty list', () => {
    const settings = siteSetting.entrySchema.parse({ ...base, agencyName: 'UBND xã An Bình', mainMenu: null });
    expect(settings.mainMenu).toEqual([]);
  });
});

describe('derived type lists', () => {
  test('scheduledTypes are the types with the schedule fields: articles and announcements', () => {
    expect(scheduledTypes.map((t) => t.uid)).toEqual(['api::article.article', 'api::announcement.announcement']);
  });

  test('authoredTypes are the draft & publish types but what readers send (comments, questions): what an author writes', () => {
    expect(authoredTypes.map((t) => t.uid)).toEqual([
      'api::article.article',
      'api::announcement.announcement',
      'api::legal-document.legal-document',
      'api::work-week.work-week',
      'api::disclosure.disclosure',
      'api::procedure.procedure',
      'api::dossier-report.dossier-report',
      'api::unit.unit',
      'api::official.official',
      'api::place.place',
      'api::link.link',
      'api::page.page',
    ]);
  });
});

describe('"Gửi duyệt" (issue 16)', () => {
  test('is on exactly the types editors write (draft and publish, not what readers send), as a list column', async () => {
    const { authoredTypes, contentTypes, REVIEW_FIELD } = await import('../../content-types/src/index');
    expect(contentTypes.filter((t) => REVIEW_FIELD in t.attributes).map((t) => t.uid).sort()).toEqual(authoredTypes.map((t) => t.uid).sort());
    for (const type of authoredTypes) expect(type.listFields, type.uid).toContain(REVIEW_FIELD);
  });

  test('no component holds a picture that needs a description (the publish check reads top-level fields only)', async () => {
    const { components } = await import('../../content-types/src/index');
    expect(components.flatMap((c) => Object.entries(c.attributes).filter(([, f]) => f.describedImages).map(([n]) => `${c.uid}.${n}`))).toEqual([]);
  });
});

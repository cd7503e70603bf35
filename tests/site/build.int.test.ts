/**
 * Builds the site against a real, seeded Strapi and checks the built HTML: every published
 * article and announcement has its page, no draft has one, pagination, RSS, sitemap, and an
 * incremental rebuild that follows an edit and an unpublish.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSlug } from '../../content-types/src/slug';
import { DEMO_ARTICLE_COUNT, seedDemoContent } from '../../cms/src/seed/index';
import { ANNOUNCEMENTS, DRAFT_ARTICLES } from '../../cms/src/seed/demo-content';
import { DEMO_QUESTIONS } from '../../cms/src/seed/questions';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { createSiteBuild, SITE_URL, type SiteBuild } from '../helpers/site-build';
import { SiteBuildError } from '../../scripts/lib/site';
import { OnDemandRoutes } from '../../scripts/public/on-demand';
import { expectedNodeVersion } from '../helpers/runtime';

let cms: CmsHarness;
let site: SiteBuild;
let out: string;
let firstLog: string;
/** Build output without colour codes (Astro colours it under CI=true unless NO_COLOR is set). */
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
const buildSite = () => site.build();

const page = (urlPath: string) => path.join(out, 'client', urlPath, 'index.html');
const html = (urlPath: string) => readFileSync(page(urlPath), 'utf8');

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  site = createSiteBuild(cms, 'build-test');
  out = site.out;
  firstLog = await buildSite();
}, 240_000);

afterAll(async () => {
  await cms?.close();
  site?.dispose();
});

describe('site build', () => {
  test('runs on the supported Node.js, and so do the on-demand routes of what it built', async () => {
    expect(plain(firstLog)).toContain(`[cong-runtime] astro build on Node.js ${expectedNodeVersion()}`);
    const routes = new OnDemandRoutes();
    try {
      expect(await routes.nodeVersion(out)).toBe(expectedNodeVersion());
    } finally {
      await routes.close();
    }
  });

  test('gives every published article a page and no draft one', async () => {
    const articles = await cms.strapi.db.query('api::article.article').findMany({ where: { publishedAt: { $notNull: true } }, select: ['slug', 'title'] });
    expect(articles).toHaveLength(DEMO_ARTICLE_COUNT);
    for (const a of articles) expect(html(`/tin-tuc/${a.slug}/`), a.slug).toContain(a.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
    for (const d of DRAFT_ARTICLES) expect(existsSync(page(`/tin-tuc/${createSlug(d.title)}/`))).toBe(false);
  });

  test('gives every answered question a page and a waiting one none; a sector page only to sectors with questions (issue 13)', async () => {
    const rows = (await cms.strapi.documents('api::question.question').findMany({ status: 'published', populate: ['sector'] })) as unknown as Array<{ slug: string; title: string; askerName: string; sector: { slug: string } | null }>;
    expect(rows).toHaveLength(DEMO_QUESTIONS.filter((q) => q.answer).length);
    for (const q of rows) {
      const built = html(`/hoi-dap/${q.slug}/`);
      expect(built, q.slug).toContain(q.title);
      expect(built, q.slug).toContain(q.askerName);
      expect(html(`/hoi-dap/linh-vuc/${q.sector!.slug}/`), q.slug).toContain(`/hoi-dap/${q.slug}/`);
    }
    for (const q of DEMO_QUESTIONS.filter((d) => !d.answer)) expect(existsSync(page(`/hoi-dap/${createSlug(q.title)}/`)), q.title).toBe(false);
    const withQuestions = new Set(rows.map((q) => q.sector!.slug));
    const sectorPages = readdirSync(path.join(out, 'client', 'hoi-dap', 'linh-vuc'));
    expect(sectorPages.sort()).toEqual([...withQuestions].sort());
    expect(sectorPages).not.toContain('chuyen-doi-so'); // a published sector no question names
    // The form offers every published sector, with the documentId the on-demand route sends.
    const sectors = JSON.parse(readFileSync(path.join(out, 'client', 'hoi-dap', 'linh-vuc.json'), 'utf8')) as Array<{ slug: string; id: string }>;
    const stored = await cms.strapi.db.query('api::sector.sector').findMany({ select: ['slug', 'documentId'] });
    expect(sectors.map((s) => [s.slug, s.id]).sort()).toEqual(stored.map((s: { slug: string; documentId: string }) => [s.slug, s.documentId]).sort());
    for (const s of sectors) expect(html('/hoi-dap/gui-cau-hoi/')).toContain(`<option value="${s.slug}"`);
  });

  test('gives every announcement a page, marks the expired ones, links the PDFs', () => {
    for (const a of ANNOUNCEMENTS) {
      const body = html(`/thong-bao/${createSlug(a.title)}/`);
      if (a.validForDays !== undefined && a.validForDays < 0) expect(body, a.title).toContain('Hết hiệu lực');
      if (a.pdf) expect(body).toMatch(/href="\/uploads\/[^"]+\.pdf" download/);
    }
    const pdf = /href="(\/uploads\/[^"]+\.pdf)"/.exec(html(`/thong-bao/${createSlug(ANNOUNCEMENTS[0]!.title)}/`))![1]!;
    expect(readFileSync(path.join(out, 'client', pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('pages the news as an archive by 12, counted from the oldest, in Vietnamese URLs', () => {
    // The newest page holds the newest block and what came after it; the others are numbered from the oldest (issue 15).
    const archived = Math.floor(DEMO_ARTICLE_COUNT / 12) - 1;
    expect(archived).toBeGreaterThan(0);
    expect(existsSync(page('/tin-tuc/trang/1/'))).toBe(true);
    expect(existsSync(page(`/tin-tuc/trang/${archived}/`))).toBe(true);
    expect(existsSync(page(`/tin-tuc/trang/${archived + 1}/`))).toBe(false);
    expect(html('/tin-tuc/')).toContain(`href="/tin-tuc/trang/${archived}/" rel="next"`);
    expect(html('/tin-tuc/trang/1/')).not.toContain('rel="next"');
    expect(html('/tin-tuc/trang/1/')).toContain('Tin mới hơn');
  });

  test('writes a valid RSS feed with the newest articles first', () => {
    const xml = readFileSync(path.join(out, 'client', 'rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = new XMLParser().parse(xml).rss.channel.item as Array<{ pubDate: string; link: string }>;
    expect(items.length).toBe(Math.min(50, DEMO_ARTICLE_COUNT));
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(items[0]!.link.startsWith(`${SITE_URL}/tin-tuc/`)).toBe(true);
  });

  test('lists every built page in the sitemap', () => {
    const xml = readFileSync(path.join(out, 'client', 'sitemap.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const listed = new Set((new XMLParser().parse(xml).urlset.url as Array<{ loc: string }>).map((u) => u.loc.replace(SITE_URL, '')));
    const built: string[] = [];
    const walk = (dir: string, prefix: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
        else if (entry.name === 'index.html') built.push(prefix);
      }
    };
    walk(path.join(out, 'client'), '/');
    // The search page and the English 404 (sent by the public server for unknown /en/ addresses) are not listed.
    const expected = built.filter((p) => p !== '/tim-kiem/' && p !== '/en/404/');
    expect(expected.length).toBeGreaterThan(DEMO_ARTICLE_COUNT);
    expect([...listed].sort()).toEqual(expected.sort());
  });

  test('sets lang, canonical and Open Graph tags on an article', () => {
    const body = html('/gioi-thieu/');
    expect(body).toContain('<html lang="vi">');
    expect(body).toContain(`<link rel="canonical" href="${SITE_URL}/gioi-thieu/">`);
    expect(body).toContain('<meta property="og:title" content="Giới thiệu">');
  });

  test('sends CMS pictures through the image pipeline: WebP and the original format at several widths, size reserved, the first one eager (issue 11, item 1)', async () => {
    const [withCover] = await cms.strapi.db.query('api::article.article').findMany({ where: { publishedAt: { $notNull: true }, cover: { id: { $notNull: true } } }, select: ['slug'], populate: { cover: { select: ['url', 'width', 'height'] } }, orderBy: { id: 'asc' }, limit: 1 });
    const article = html(`/tin-tuc/${withCover.slug}/`);
    const pictures = [...article.matchAll(/<picture>(.*?)<\/picture>/g)].map((m) => m[1]!);
    // The cover, and the picture the demo body shows.
    expect(pictures.length).toBeGreaterThanOrEqual(2);
    const [cover, inBody] = pictures as [string, string];
    expect(cover).toMatch(/<source type="image\/webp" srcset="\/_astro\/[^"]+\.webp 400w, [^"]+ 640w, [^"]+ 960w, [^"]+ 1200w" sizes="[^"]+"/);
    // The original stays the plain src (browsers take the srcset; the media mirror keeps the source in the release).
    expect(cover).toMatch(/<img src="\/uploads\/[^"]+\.jpg" srcset="\/_astro\/[^"]+\.jpg 400w[^"]*" sizes="[^"]+" width="960" height="540" alt="[^"]+" loading="eager" decoding="async" fetchpriority="high"/);
    expect(inBody).toMatch(/<img src="\/uploads\/[^"]+\.jpg" srcset="\/_astro\/[^"]+\.jpg 400w[^"]*"[^>]* width="960" height="540"[^>]* loading="lazy"/);
    // The files exist, in the format and width they are listed with.
    const { default: sharp } = await import('sharp');
    const files = [...cover.matchAll(/(\/_astro\/[^\s",]+) (\d+)w/g)];
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const [, file, width] of files) {
      const meta = await sharp(readFileSync(path.join(out, 'client', file!))).metadata();
      expect(meta.format, file).toBe(file!.endsWith('.webp') ? 'webp' : 'jpeg');
      expect(meta.width, file).toBe(Number(width));
    }
    // Lists: the first picture of the page is loaded at once, the others lazily; thumbnails are small.
    const list = html('/tin-tuc/');
    const images = [...list.matchAll(/<img [^>]+>/g)].map((m) => m[0]);
    expect(images[0]).toContain('fetchpriority="high"');
    expect(images.slice(1).every((i) => i.includes('loading="lazy"') && !i.includes('fetchpriority'))).toBe(true);
    expect(images[0]).toMatch(/srcset="[^"]+ 240w, [^"]+ 400w, [^"]+ 640w"/);
    expect(html('/')).toMatch(/<div class="featured">\s*<article class="lead">\s*<picture>\s*<source type="image\/webp"[^>]+>\s*<img [^>]*loading="eager"[^>]*fetchpriority="high"/);
  });

  test('rebuilds incrementally: an edit shows, an unpublished article is gone, a pasted script stays inert', async () => {
    const docs = cms.strapi.documents('api::article.article');
    const [first, second] = await cms.strapi.db.query('api::article.article').findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId', 'slug'], orderBy: { id: 'asc' }, limit: 2 });
    await docs.update({ documentId: first.documentId, data: { title: 'Tiêu đề đã sửa cho bản dựng mới', body: 'Nội dung <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>' } as never });
    await docs.publish({ documentId: first.documentId });
    await docs.unpublish({ documentId: second.documentId });

    const log = await buildSite();
    expect(log).toMatch(new RegExp(`articles: ${DEMO_ARTICLE_COUNT - 1} published, 1 fetched, 1 removed, ${DEMO_ARTICLE_COUNT - 2} unchanged`));
    const edited = html(`/tin-tuc/${first.slug}/`);
    expect(edited).toContain('Tiêu đề đã sửa cho bản dựng mới');
    expect(edited).not.toMatch(/<script>alert|href="javascript:|<img[^>]*onerror/i);
    expect(edited).toContain('&lt;script&gt;alert(1)&lt;/script&gt;'); // shown as text, never run
    expect(existsSync(page(`/tin-tuc/${second.slug}/`))).toBe(false);
    expect(readFileSync(path.join(out, 'client', 'sitemap.xml'), 'utf8')).not.toContain(`/tin-tuc/${second.slug}/`);
    expect(readFileSync(path.join(out, 'client', 'rss.xml'), 'utf8')).not.toContain(`/tin-tuc/${second.slug}/`);
  }, 180_000);

  test('incremental build: unchanged pages come from the cache, changed ones are rendered, and the result equals a clean build', async () => {
    const articles = cms.strapi.db.query('api::article.article');
    const published = await articles.findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId', 'slug'], populate: { category: { select: ['slug'] } }, orderBy: { id: 'desc' } });
    const edited = published.find((a: { category?: { slug: string } }) => a.category)!;
    const sibling = published.find((a: { documentId: string; category?: { slug: string } }) => a.category?.slug === edited.category.slug && a.documentId !== edited.documentId)!;
    const other = published.find((a: { category?: { slug: string } }) => a.category && a.category.slug !== edited.category.slug)!;
    const docs = cms.strapi.documents('api::article.article');
    await docs.update({ documentId: edited.documentId, data: { title: 'Tiêu đề sửa để thử bản dựng tăng dần' } as never });
    await docs.publish({ documentId: edited.documentId });

    // As the publisher builds: a new release folder, the cache shared with the earlier builds.
    const log = plain(await site.build({ out: 'release-2' }));
    const restored = (urlPath: string) => new RegExp(`${urlPath.replace(/[/.]/g, '\\$&')}index\\.html \\((restored|cached)\\)`).test(log);
    expect(log.match(/\((restored|cached)\)/g)?.length ?? 0).toBeGreaterThan(DEMO_ARTICLE_COUNT / 2);
    expect(restored(`/tin-tuc/${other.slug}/`), 'an article the edit does not touch comes from the cache').toBe(true);
    expect(restored(`/tin-tuc/${edited.slug}/`), 'the edited article is rendered').toBe(false);
    expect(restored(`/tin-tuc/${sibling.slug}/`), 'an article listing the edited one as related news is rendered').toBe(false);
    const release = (dir: string, urlPath: string) => readFileSync(path.join(site.work, dir, 'client', urlPath, 'index.html'), 'utf8');
    expect(release('release-2', `/tin-tuc/${sibling.slug}/`)).toContain('Tiêu đề sửa để thử bản dựng tăng dần');

    // A clean build (empty cache) of the same content writes the same files, byte for byte.
    await site.build({ out: 'clean', cache: 'clean-cache' });
    const files = (root: string): string[] => readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();
    const incremental = path.join(site.work, 'release-2', 'client');
    const clean = path.join(site.work, 'clean', 'client');
    expect(files(incremental)).toEqual(files(clean));
    const differing = files(clean).filter((f) => !readFileSync(path.join(clean, f)).equals(readFileSync(path.join(incremental, f))));
    expect(differing).toEqual([]);
  }, 240_000);

  test('renaming a category re-renders every article and list that shows it (issue 11, item 2)', async () => {
    const articles = cms.strapi.db.query('api::article.article');
    const [inCategory] = await articles.findMany({ where: { publishedAt: { $notNull: true }, category: { id: { $notNull: true } } }, select: ['slug'], populate: { category: { select: ['documentId', 'name', 'slug'] } }, limit: 1 });
    const { documentId, name: oldName, slug } = inCategory.category as { documentId: string; name: string; slug: string };
    const newName = 'Chuyên mục đã đổi tên để thử đồng bộ';
    await cms.strapi.documents('api::category.category').update({ documentId, data: { name: newName } as never });

    await buildSite();
    const article = html(`/tin-tuc/${inCategory.slug}/`);
    expect(article).toContain(newName);
    expect(article).not.toContain(`>${oldName}</a>`);
    expect(html(`/chuyen-muc/${slug}/`)).toContain(newName);
    expect(html('/tin-tuc/')).not.toContain(`· ${oldName}<`);
  }, 180_000);

  test('a static page whose slug another route owns gets no page and is not in the sitemap (issue 11, item 2)', async () => {
    const pages = cms.strapi.documents('api::page.page');
    const shadow = await pages.create({ data: { title: 'Trang trùng đường dẫn', slug: 'xem-truoc', body: 'Nội dung thử.' } as never, status: 'published' });
    try {
      await buildSite();
      const sitemap = readFileSync(path.join(out, 'client', 'sitemap.xml'), 'utf8');
      expect(sitemap).not.toContain('/xem-truoc/');
      expect(existsSync(page('/xem-truoc/'))).toBe(false);
    } finally {
      await pages.delete({ documentId: (shadow as unknown as { documentId: string }).documentId });
    }
  }, 180_000);

  test('a cover or a body picture replaced in the CMS under the same URL gets new picture files on the page (issue 11, items 1 and 2)', async () => {
    const upload = cms.strapi.plugin('upload').service('upload') as { replace(id: number, input: { data: Record<string, unknown>; file: Record<string, unknown> }): Promise<unknown> };
    const files = cms.strapi.db.query('plugin::upload.file');
    const [entry] = await cms.strapi.db.query('api::article.article').findMany({ where: { publishedAt: { $notNull: true }, cover: { id: { $notNull: true } } }, select: ['documentId', 'slug'], populate: { cover: { select: ['id', 'url'] } }, orderBy: { id: 'desc' }, limit: 1 });
    // A body that shows a picture other than the cover.
    const [other] = await files.findMany({ where: { mime: 'image/jpeg', id: { $ne: entry.cover.id } }, select: ['id', 'url'], limit: 1 });
    const docs = cms.strapi.documents('api::article.article');
    await docs.update({ documentId: entry.documentId, data: { body: `Đoạn mở đầu.\n\n![Ảnh trong bài](${other.url})\n\nĐoạn kết.` } as never });
    await docs.publish({ documentId: entry.documentId });
    await buildSite();
    const pictures = () => [...html(`/tin-tuc/${entry.slug}/`).matchAll(/<picture>(.*?)<\/picture>/g)].map((m) => m[1]!);
    const before = pictures();
    expect(before).toHaveLength(2);

    const { illustrationJpeg } = await import('../../cms/src/seed/demo-media');
    const dir = mkdtempSync(path.join(tmpdir(), 'cong-replace-'));
    try {
      for (const [id, seed] of [[entry.cover.id as number, 40], [other.id as number, 41]] as const) {
        const filepath = path.join(dir, `thay-${seed}.jpg`);
        writeFileSync(filepath, await illustrationJpeg(seed));
        await upload.replace(id, { data: { fileInfo: {} }, file: { filepath, originalFilename: `thay-${seed}.jpg`, mimetype: 'image/jpeg', size: statSync(filepath).size } });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const urls = await files.findMany({ where: { id: { $in: [entry.cover.id, other.id] } }, select: ['url'], orderBy: { id: 'asc' } });
    expect(urls.map((u: { url: string }) => u.url).sort()).toEqual([entry.cover.url, other.url].sort()); // Strapi keeps a replaced file's URL

    await buildSite();
    const after = pictures();
    const names = (markup: string) => [...markup.matchAll(/\/_astro\/[^\s",]+/g)].map((m) => m[0]).sort();
    const { default: sharp } = await import('sharp');
    const thumbnail = async (bytes: Buffer) => sharp(bytes).resize(8, 8, { fit: 'fill' }).raw().toBuffer();
    for (const [i, source] of [entry.cover.url as string, other.url as string].entries()) {
      expect(names(after[i]!), `picture ${i}`).not.toEqual(names(before[i]!));
      // The new files are made from the new upload: the largest looks like the CMS's file.
      const largest = /(\/_astro\/[^\s",]+\.jpg) 1200w/.exec(after[i]!)![1]!;
      const built = await thumbnail(readFileSync(path.join(out, 'client', largest)));
      const uploaded = await thumbnail(readFileSync(path.join(path.dirname(cms.uploadsDir), source)));
      const difference = built.reduce((sum, v, k) => sum + Math.abs(v - uploaded[k]!), 0) / built.length;
      expect(difference, `picture ${i} differs from its new source by ${difference}`).toBeLessThan(8);
    }
  }, 240_000);

  test('the emblem set in "Cấu hình cổng" is the header\'s, the favicon\'s, the .ico\'s and the touch icon\'s; an uploaded SVG is only served rasterised (issue 11, item 1)', async () => {
    const { default: sharp } = await import('sharp');
    const upload = cms.strapi.plugin('upload').service('upload') as { upload(input: { data: Record<string, unknown>; files: Record<string, unknown> }): Promise<Array<{ id: number; url: string }>> };
    const settings = cms.strapi.documents('api::portal.portal');
    const current = (await settings.findFirst({ sort: 'id:asc' })) as unknown as { documentId: string };
    const centre = async (png: Buffer) => {
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
      return [data[at], data[at + 1], data[at + 2]];
    };
    const client = (file: string) => readFileSync(path.join(out, 'client', file));
    const dir = mkdtempSync(path.join(tmpdir(), 'cong-emblem-'));
    try {
      // An SVG that carries a script: the portal must never serve it as SVG.
      const filepath = path.join(dir, 'bieu-trung.svg');
      writeFileSync(filepath, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><script>alert(1)</script><rect width="100" height="100" fill="#1565c0"/></svg>');
      const [file] = await upload.upload({ data: { fileInfo: { name: 'bieu-trung.svg', alternativeText: 'Biểu trưng' } }, files: { filepath, originalFilename: 'bieu-trung.svg', mimetype: 'image/svg+xml', size: statSync(filepath).size } });
      await settings.update({ documentId: current.documentId, data: { emblem: file!.id } as never });
      await buildSite();

      expect(html('/')).toMatch(/<header class="site-header">\s*<div class="wrap">\s*<img class="emblem" src="\/favicon\.svg" width="56" height="56" alt="">/);
      const svg = client('favicon.svg').toString();
      expect(svg).not.toContain('<script');
      const embedded = Buffer.from(/data:image\/png;base64,([^"]+)"/.exec(svg)![1]!, 'base64');
      expect((await sharp(embedded).metadata()).width).toBe(128);
      expect(await centre(embedded)).toEqual([0x15, 0x65, 0xc0]);
      expect(await centre(client('apple-touch-icon.png'))).toEqual([0x15, 0x65, 0xc0]);
      // The .ico's images are PNGs after a 6-byte header and 16-byte entries: the first starts at the first entry's offset.
      const ico = client('favicon.ico');
      const first = ico.subarray(ico.readUInt32LE(6 + 12), ico.readUInt32LE(6 + 12) + ico.readUInt32LE(6 + 8));
      expect(await centre(first)).toEqual([0x15, 0x65, 0xc0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await settings.update({ documentId: current.documentId, data: { emblem: null } as never });
    }
  }, 180_000);

  test('refuses to build from an invalid entry, naming the type, the documentId and the field', async () => {
    // Written past the CMS's own checks, as a bad import or an old database could hold it.
    const [row] = await cms.strapi.db.query('api::link.link').findMany({ where: { publishedAt: { $notNull: true } }, limit: 1 });
    await cms.strapi.db.query('api::link.link').update({ where: { id: row.id }, data: { url: 'javascript:alert(1)', updatedAt: new Date() } });
    const error = await buildSite().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SiteBuildError);
    expect((error as SiteBuildError).output).toContain(`Liên kết website (link) documentId=${row.documentId}: field "url" must be an http:// or https:// address`);
  }, 180_000);
});

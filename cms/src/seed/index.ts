/**
 * Fills the CMS with the demo portal. Idempotent: every item is looked up by its slug (or URL)
 * and created only when missing; the run is marked done in the core store only after every
 * step succeeded, so an interrupted seed simply resumes.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { createSlug } from '@cong/content-types';
import { composeArticleBody, composeBulkArticle } from './compose';
import { AGENCY, ANNOUNCEMENTS, CATEGORIES, COMMENTS, DRAFT_ARTICLES, LINKS, PAGES } from './demo-content';
import { documentPdf, illustrationJpeg } from './demo-media';
import { SEED_STARTED } from './when';

/** Bump when the demo content changes so existing installs top up. */
export const SEED_VERSION = 1;
const MARKER = { type: 'core', name: 'cong', key: 'seed' } as const;
const DAY = 24 * 60 * 60 * 1000;

export interface SeedOptions {
  /** Total published articles wanted; beyond the demo's own, generated ones are added. */
  articles?: number;
  /** Keep webhooks quiet while seeding (one build afterwards instead of one per entry). */
  quiet?: boolean;
  log?: (message: string) => void;
  /** The seed's "today"; dates of the demo are spread before it. */
  now?: Date;
}

export interface SeedReport {
  skipped: boolean;
  created: Record<'categories' | 'articles' | 'drafts' | 'announcements' | 'links' | 'pages' | 'media' | 'settings' | 'comments', number>;
  seconds: number;
}

interface Marker {
  version: number;
  articles: number;
  completedAt: string;
}

type Row = Record<string, unknown> & { id: number; documentId: string };

/** Number of published articles the demo content has by itself. */
export const DEMO_ARTICLE_COUNT = CATEGORIES.reduce((n, c) => n + c.articles.length, 0);

/** Detaches every webhook of this process's runner so seeding fires none; returns the undo. */
async function silenceWebhooks(strapi: Core.Strapi): Promise<() => void> {
  const store = strapi.get('webhookStore') as { findWebhooks(): Promise<Array<{ id: string; isEnabled: boolean }>> };
  const runner = strapi.get('webhookRunner') as { remove(webhook: { id: string }): void; add(webhook: { id: string }): void };
  const webhooks = await store.findWebhooks();
  for (const webhook of webhooks) runner.remove(webhook);
  return () => {
    for (const webhook of webhooks) if (webhook.isEnabled) runner.add(webhook);
  };
}

async function findBy(strapi: Core.Strapi, uid: string, where: Record<string, unknown>): Promise<Row | null> {
  return (await strapi.db.query(uid as UID.ContentType).findOne({ where })) as Row | null;
}

/** Sets the dates of every row of a document, as if it had been published at `date`. */
async function backdate(strapi: Core.Strapi, uid: string, documentId: string, date: Date): Promise<void> {
  const query = strapi.db.query(uid as UID.ContentType);
  await query.updateMany({ where: { documentId }, data: { createdAt: date, updatedAt: date } });
  await query.updateMany({ where: { documentId, publishedAt: { $notNull: true } }, data: { publishedAt: date } });
}

interface UploadedFile {
  id: number;
  url: string;
}

/** Uploads a generated file once; a file of the same name already in the library is reused. */
async function ensureFile(strapi: Core.Strapi, name: string, mime: string, make: () => Promise<Buffer>, alternativeText: string): Promise<{ file: UploadedFile; created: boolean }> {
  const existing = (await strapi.db.query('plugin::upload.file').findOne({ where: { name } })) as UploadedFile | null;
  if (existing) return { file: existing, created: false };
  const dir = mkdtempSync(path.join(tmpdir(), 'cong-seed-'));
  try {
    const filepath = path.join(dir, name);
    writeFileSync(filepath, await make());
    const upload = strapi.plugin('upload').service('upload') as {
      upload(input: { data: Record<string, unknown>; files: Record<string, unknown> }): Promise<UploadedFile[]>;
    };
    const [file] = await upload.upload({
      data: { fileInfo: { name, alternativeText, caption: alternativeText } },
      files: { filepath, originalFilename: name, mimetype: mime, size: statSync(filepath).size },
    });
    if (!file) throw new Error(`Uploading ${name} returned no file`);
    return { file, created: true };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fills the demo portal; see the module comment. */
export async function seedDemoContent(strapi: Core.Strapi, options: SeedOptions = {}): Promise<SeedReport> {
  const started = Date.now();
  const log = options.log ?? ((m: string) => strapi.log.info(`[seed] ${m}`));
  const now = options.now ?? new Date();
  const wanted = Math.max(options.articles ?? DEMO_ARTICLE_COUNT, DEMO_ARTICLE_COUNT);
  const created: SeedReport['created'] = { categories: 0, articles: 0, drafts: 0, announcements: 0, links: 0, pages: 0, media: 0, settings: 0, comments: 0 };

  const marker = (await strapi.store.get(MARKER)) as Marker | null;
  if (marker && marker.version >= SEED_VERSION && marker.articles >= wanted) {
    log(`already done (${marker.completedAt}); nothing to do`);
    return { skipped: true, created, seconds: (Date.now() - started) / 1000 };
  }
  // A start that finds this without the completed marker finishes the demo (seed/when.ts).
  await strapi.store.set({ ...SEED_STARTED, value: { startedAt: new Date().toISOString() } });
  const restoreWebhooks = options.quiet === false ? () => {} : await silenceWebhooks(strapi);
  try {
    return await fill(strapi, { log, now, wanted, created, started });
  } finally {
    restoreWebhooks();
  }
}

interface FillContext {
  log: (message: string) => void;
  now: Date;
  wanted: number;
  created: SeedReport['created'];
  started: number;
}

async function fill(strapi: Core.Strapi, { log, now, wanted, created, started }: FillContext): Promise<SeedReport> {

  // Settings (single type, no draft & publish).
  const settingsUid = 'api::site-setting.site-setting';
  if (!(await strapi.documents(settingsUid).findFirst({}))) {
    await strapi.documents(settingsUid).create({ data: AGENCY as never });
    created.settings += 1;
  }

  // Illustrations shared by articles.
  const images: UploadedFile[] = [];
  for (let i = 0; i < 12; i += 1) {
    const name = `minh-hoa-${String(i + 1).padStart(2, '0')}.jpg`;
    const { file, created: isNew } = await ensureFile(strapi, name, 'image/jpeg', () => illustrationJpeg(i), 'Tranh minh họa cánh đồng, đồi và nhà dân ở xã Tân Hòa');
    images.push(file);
    if (isNew) created.media += 1;
  }

  // Categories and their articles.
  let articleIndex = 0;
  const categoryIds: string[] = [];
  for (const [order, category] of CATEGORIES.entries()) {
    const slug = createSlug(category.name);
    let row = await findBy(strapi, 'api::category.category', { slug });
    if (!row) {
      row = (await strapi.documents('api::category.category').create({ data: { name: category.name, slug, description: category.description, order } as never })) as unknown as Row;
      created.categories += 1;
    }
    categoryIds.push(row.documentId);
    for (const article of category.articles) {
      const image = images[articleIndex % images.length] as UploadedFile;
      const slugOfArticle = createSlug(article.title);
      if (!(await findBy(strapi, 'api::article.article', { slug: slugOfArticle }))) {
        const doc = (await strapi.documents('api::article.article').create({
          data: {
            title: article.title,
            slug: slugOfArticle,
            summary: article.summary,
            body: composeArticleBody(article, category, image.url, articleIndex),
            cover: image.id,
            coverAlt: `Ảnh minh họa: ${article.title}`,
            category: row.documentId,
            tags: [category.name.toLowerCase(), 'xã Tân Hòa'].join(', '),
            author: article.author ?? 'Văn phòng HĐND và UBND xã',
            featured: article.featured ?? false,
          } as never,
          status: 'published',
        })) as unknown as Row;
        await backdate(strapi, 'api::article.article', doc.documentId, new Date(now.getTime() - articleIndex * 1.7 * DAY - (articleIndex % 9) * 3600_000));
        created.articles += 1;
      }
      articleIndex += 1;
    }
  }
  log(`categories and demo articles ready (${created.articles} new)`);

  for (const draft of DRAFT_ARTICLES) {
    if (await findBy(strapi, 'api::article.article', { slug: createSlug(draft.title) })) continue;
    const category = CATEGORIES[0] as (typeof CATEGORIES)[number];
    await strapi.documents('api::article.article').create({
      data: { title: draft.title, summary: draft.summary, body: composeArticleBody(draft, category, (images[0] as UploadedFile).url, 0), category: categoryIds[0] } as never,
    });
    created.drafts += 1;
  }

  for (const [i, item] of ANNOUNCEMENTS.entries()) {
    const slug = createSlug(item.title);
    if (await findBy(strapi, 'api::announcement.announcement', { slug })) continue;
    const attachments: number[] = [];
    if (item.pdf) {
      const pdf = item.pdf;
      const { file, created: isNew } = await ensureFile(strapi, pdf.name, 'application/pdf', () => documentPdf(AGENCY.agencyName, pdf.heading, pdf.lines), pdf.heading);
      attachments.push(file.id);
      if (isNew) created.media += 1;
    }
    const issued = new Date(now.getTime() - (i * 4 + 1) * DAY);
    const validUntil = item.validForDays === undefined ? null : new Date(now.getTime() + item.validForDays * DAY).toISOString().slice(0, 10);
    const doc = (await strapi.documents('api::announcement.announcement').create({
      data: { title: item.title, slug, body: item.body, issuingUnit: item.issuingUnit, pinned: item.pinned ?? false, validUntil, attachments } as never,
      status: 'published',
    })) as unknown as Row;
    await backdate(strapi, 'api::announcement.announcement', doc.documentId, issued);
    created.announcements += 1;
  }

  for (const [order, item] of LINKS.entries()) {
    if (await findBy(strapi, 'api::link.link', { url: item.url })) continue;
    await strapi.documents('api::link.link').create({ data: { ...item, order } as never, status: 'published' });
    created.links += 1;
  }

  for (const page of PAGES) {
    if (await findBy(strapi, 'api::page.page', { slug: page.slug })) continue;
    await strapi.documents('api::page.page').create({ data: page as never, status: 'published' });
    created.pages += 1;
  }
  for (const [i, item] of COMMENTS.entries()) {
    if (await findBy(strapi, 'api::comment.comment', { name: item.name })) continue;
    const article = await findBy(strapi, 'api::article.article', { slug: createSlug(CATEGORIES[0]!.articles[item.article]!.title) });
    if (!article) continue;
    const doc = (await strapi.documents('api::comment.comment').create({ data: { article: article.documentId, name: item.name, content: item.content } as never })) as unknown as Row;
    if (item.approved) await strapi.documents('api::comment.comment').publish({ documentId: doc.documentId });
    await backdate(strapi, 'api::comment.comment', doc.documentId, new Date(now.getTime() - (COMMENTS.length - i) * 3 * 3600_000));
    created.comments += 1;
  }
  log(`announcements, links, pages and comments ready`);

  // Generated articles for large portals (benchmarks): in transactions of 200.
  const existing = await strapi.db.query('api::article.article').count({ where: { publishedAt: { $notNull: true } } });
  let missing = wanted - existing;
  let serial = existing;
  while (missing > 0) {
    const batch = Math.min(200, missing);
    await strapi.db.transaction(async () => {
      for (let k = 0; k < batch; k += 1) {
        serial += 1;
        const category = CATEGORIES[serial % CATEGORIES.length] as (typeof CATEGORIES)[number];
        const image = images[serial % images.length] as UploadedFile;
        const data = composeBulkArticle(serial, category, image.url);
        await strapi.documents('api::article.article').create({
          data: { ...data, cover: image.id, coverAlt: 'Ảnh minh họa', category: categoryIds[serial % CATEGORIES.length] } as never,
          status: 'published',
        });
      }
    });
    missing -= batch;
    created.articles += batch;
    log(`generated articles: ${serial}/${wanted}`);
  }

  await strapi.store.set({ ...MARKER, value: { version: SEED_VERSION, articles: wanted, completedAt: new Date().toISOString() } satisfies Marker });
  const seconds = (Date.now() - started) / 1000;
  log(`done in ${seconds.toFixed(1)} s: ${JSON.stringify(created)}`);
  return { skipped: false, created, seconds };
}

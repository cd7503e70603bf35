/**
 * The demo's news: the shared illustrations, the categories with their articles (backdated over
 * the last weeks), the drafts, and the generated articles a benchmark asks for.
 */
import type { Core } from '@strapi/strapi';
import { createSlug } from '@cong/content-types';
import { composeArticleBody, composeBulkArticle } from './compose';
import { CATEGORIES, DRAFT_ARTICLES } from './demo-content';
import { illustrationJpeg } from './demo-media';
import { backdate, DAY, ensureFile, findBy, type Row, type UploadedFile } from './store';
import type { SeedCounts } from './index';

/** The twelve illustrations the articles share. */
export async function seedIllustrations(strapi: Core.Strapi, created: SeedCounts): Promise<UploadedFile[]> {
  const images: UploadedFile[] = [];
  for (let i = 0; i < 12; i += 1) {
    const name = `minh-hoa-${String(i + 1).padStart(2, '0')}.jpg`;
    const { file, created: isNew } = await ensureFile(strapi, name, 'image/jpeg', () => illustrationJpeg(i), 'Tranh minh họa cánh đồng, đồi và nhà dân ở xã Tân Hòa');
    images.push(file);
    if (isNew) created.media += 1;
  }
  return images;
}

/** The categories and their published articles, backdated from `now`; the categories' documentIds in order. */
export async function seedCategoriesAndArticles(strapi: Core.Strapi, images: UploadedFile[], now: Date, created: SeedCounts): Promise<string[]> {
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
  return categoryIds;
}

/** Articles an editor has not published yet (drafts the portal must never show). */
export async function seedDrafts(strapi: Core.Strapi, images: UploadedFile[], categoryIds: string[], created: SeedCounts): Promise<void> {
  for (const draft of DRAFT_ARTICLES) {
    if (await findBy(strapi, 'api::article.article', { slug: createSlug(draft.title) })) continue;
    const category = CATEGORIES[0] as (typeof CATEGORIES)[number];
    await strapi.documents('api::article.article').create({
      data: { title: draft.title, summary: draft.summary, body: composeArticleBody(draft, category, (images[0] as UploadedFile).url, 0), category: categoryIds[0] } as never,
    });
    created.drafts += 1;
  }
}

/** Generated articles up to `wanted` published ones (large portals for benchmarks), in transactions of 200. */
export async function seedGeneratedArticles(strapi: Core.Strapi, wanted: number, images: UploadedFile[], categoryIds: string[], created: SeedCounts, log: (message: string) => void): Promise<void> {
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
}

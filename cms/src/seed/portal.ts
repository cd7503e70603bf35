/**
 * The rest of the demo portal around its news: the agency's settings, announcements with their
 * PDFs, links to other agencies, static pages and readers' comments (approved and waiting).
 */
import type { Core } from '@strapi/strapi';
import { PLACEHOLDER_PORTAL_NAME, portalCodeOf, primaryPortal, PORTAL_UID } from '../bootstrap/portals';
import { createSlug } from '@cong/content-types';
import { AGENCY, ANNOUNCEMENTS, CATEGORIES, COMMENTS, LINKS, PAGES } from './demo-content';
import { documentPdf } from './demo-media';
import { backdate, DAY, ensureFile, findBy, type Row } from './store';
import type { SeedCounts } from './index';

/** The "Dịch vụ công" box of demo portals seeded before version 3 (links to sections that did not exist yet). */
const SERVICE_LINKS_BEFORE_V3 = ['Văn bản chỉ đạo, điều hành', 'Lịch công tác của lãnh đạo', 'Danh bạ cơ quan', 'Dịch vụ công trực tuyến', 'Dữ liệu mở'];

/**
 * The primary portal's settings (what "Cấu hình cổng" held), when no one has named it yet (the
 * start made it as a placeholder). A demo portal seeded before version 3 whose "Dịch vụ công" box
 * is still the demo's gets the new box and the document exchange link; settings an editor changed
 * are left alone.
 */
export async function seedSettings(strapi: Core.Strapi, created: SeedCounts): Promise<void> {
  const first = await primaryPortal(strapi);
  const existing = first
    ? ((await strapi.documents(PORTAL_UID).findOne({ documentId: first.documentId, populate: ['serviceLinks'] })) as
        | (Row & { agencyName?: string; documentExchangeUrl?: string | null; serviceLinks?: Array<{ label: string }> })
        | null)
    : null;
  if (!existing) throw new Error('The demo needs the first portal, which the CMS makes on start (cms/src/bootstrap/portals.ts)');
  if (existing.agencyName === PLACEHOLDER_PORTAL_NAME) {
    // Nothing is built from the placeholder yet: its code may still follow the name.
    await strapi.documents(PORTAL_UID).update({ documentId: existing.documentId, data: { ...AGENCY, slug: portalCodeOf(AGENCY.agencyName) } as never });
    created.settings += 1;
    return;
  }
  const labels = (existing.serviceLinks ?? []).map((l) => l.label);
  if (existing.agencyName === AGENCY.agencyName && labels.join('\n') === SERVICE_LINKS_BEFORE_V3.join('\n')) {
    await strapi.documents(PORTAL_UID).update({
      documentId: existing.documentId,
      data: { serviceLinks: AGENCY.serviceLinks, documentExchangeUrl: existing.documentExchangeUrl || AGENCY.documentExchangeUrl } as never,
    });
    created.settings += 1;
  }
}

/** Announcements, newest first from `now`, with their generated PDFs and validity. */
export async function seedAnnouncements(strapi: Core.Strapi, now: Date, created: SeedCounts): Promise<void> {
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
}

/** Links to other agencies, in the demo's order. */
export async function seedLinks(strapi: Core.Strapi, created: SeedCounts): Promise<void> {
  for (const [order, item] of LINKS.entries()) {
    if (await findBy(strapi, 'api::link.link', { url: item.url })) continue;
    await strapi.documents('api::link.link').create({ data: { ...item, order } as never, status: 'published' });
    created.links += 1;
  }
}

/** Static pages (Giới thiệu, Cơ cấu tổ chức, Liên hệ). */
export async function seedPages(strapi: Core.Strapi, created: SeedCounts): Promise<void> {
  for (const page of PAGES) {
    if (await findBy(strapi, 'api::page.page', { slug: page.slug })) continue;
    await strapi.documents('api::page.page').create({ data: page as never, status: 'published' });
    created.pages += 1;
  }
}

/** Readers' comments on the first category's articles: the approved ones published, the others waiting. */
export async function seedComments(strapi: Core.Strapi, now: Date, created: SeedCounts): Promise<void> {
  for (const [i, item] of COMMENTS.entries()) {
    if (await findBy(strapi, 'api::comment.comment', { name: item.name })) continue;
    const article = await findBy(strapi, 'api::article.article', { slug: createSlug(CATEGORIES[0]!.articles[item.article]!.title) });
    if (!article) continue;
    const doc = (await strapi.documents('api::comment.comment').create({ data: { article: article.documentId, name: item.name, content: item.content } as never })) as unknown as Row;
    if (item.approved) await strapi.documents('api::comment.comment').publish({ documentId: doc.documentId });
    await backdate(strapi, 'api::comment.comment', doc.documentId, new Date(now.getTime() - (COMMENTS.length - i) * 3 * 3600_000));
    created.comments += 1;
  }
}

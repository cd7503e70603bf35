/**
 * The compact records the site keeps for each type (what pages need, without bodies), made
 * from validated CMS entries.
 */
import type { EntryOf } from '@cong/content-types';
import type { announcement, article, category, comment, link, page, siteSetting } from '@cong/content-types';

export interface MediaRecord {
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
  mime: string;
  name: string;
  size: number;
  /** When the file last changed in the CMS (a replaced file keeps its URL): part of its derived images' names. */
  version: string | null;
}

export interface ArticleRecord {
  title: string;
  slug: string;
  summary: string;
  cover: MediaRecord | null;
  category: { name: string; slug: string } | null;
  tags: string[];
  author: string;
  featured: boolean;
  publishedAt: string;
  updatedAt: string;
  /** The `/uploads/` pictures its Markdown body shows (set by the loader, cms-loader.ts). */
  bodyImages?: string[];
}

export interface AnnouncementRecord {
  title: string;
  slug: string;
  issuingUnit: string;
  attachments: MediaRecord[];
  pinned: boolean;
  validUntil: string | null;
  publishedAt: string;
  updatedAt: string;
  /** The `/uploads/` pictures its Markdown body shows (set by the loader, cms-loader.ts). */
  bodyImages?: string[];
}

export interface CategoryRecord {
  name: string;
  slug: string;
  description: string;
  order: number;
}

export interface LinkRecord {
  title: string;
  url: string;
  group: string;
  order: number;
}

export interface PageRecord {
  title: string;
  slug: string;
  updatedAt: string;
  /** The `/uploads/` pictures its Markdown body shows (set by the loader, cms-loader.ts). */
  bodyImages?: string[];
}

/** A published (approved) comment; the email never leaves the CMS. */
export interface CommentRecord {
  articleSlug: string;
  name: string;
  content: string;
  publishedAt: string;
}

export interface SettingsRecord {
  agencyName: string;
  province: string;
  address: string;
  phone: string;
  hotline: string;
  email: string;
  footerText: string;
  /** The agency's emblem from the CMS; null: the built-in one (src/lib/emblem.ts). */
  emblem: MediaRecord | null;
  mainMenu: Array<{ label: string; url: string }>;
  serviceLinks: Array<{ label: string; url: string }>;
}

type Media = { url: string; alternativeText?: string | null; width?: number | null; height?: number | null; mime: string; name: string; size: number; updatedAt?: string | null };

function toMedia(media: Media, alt?: string | null): MediaRecord {
  return { url: media.url, alt: alt || media.alternativeText || '', width: media.width ?? null, height: media.height ?? null, mime: media.mime, name: media.name, size: media.size, version: media.updatedAt ?? null };
}

/** What an article's record needs besides its own fields (the build's loader and the draft preview ask the same). */
export const ARTICLE_POPULATE = { 'populate[cover]': 'true', 'populate[category][fields][0]': 'name', 'populate[category][fields][1]': 'slug' };

/** What an announcement's record needs besides its own fields. */
export const ANNOUNCEMENT_POPULATE = { 'populate[attachments]': 'true' };

/** Article → record. */
export function toArticleRecord(e: EntryOf<typeof article>): ArticleRecord {
  return {
    title: e.title,
    slug: e.slug,
    summary: e.summary ?? '',
    cover: e.cover ? toMedia(e.cover as Media, e.coverAlt) : null,
    category: e.category ? { name: e.category.name, slug: e.category.slug } : null,
    tags: (e.tags ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    author: e.author ?? '',
    featured: Boolean(e.featured),
    publishedAt: e.publishedAt ?? e.updatedAt,
    updatedAt: e.updatedAt,
  };
}

/** Announcement → record. */
export function toAnnouncementRecord(e: EntryOf<typeof announcement>): AnnouncementRecord {
  return {
    title: e.title,
    slug: e.slug,
    issuingUnit: e.issuingUnit ?? '',
    attachments: ((e.attachments ?? []) as Media[]).map((m) => toMedia(m)),
    pinned: Boolean(e.pinned),
    validUntil: e.validUntil ?? null,
    publishedAt: e.publishedAt ?? e.updatedAt,
    updatedAt: e.updatedAt,
  };
}

/** Category → record. */
export function toCategoryRecord(e: EntryOf<typeof category>): CategoryRecord {
  return { name: e.name, slug: e.slug, description: e.description ?? '', order: e.order ?? 0 };
}

/** Link → record. */
export function toLinkRecord(e: EntryOf<typeof link>): LinkRecord {
  return { title: e.title, url: e.url, group: e.group, order: e.order ?? 0 };
}

/** Page → record. */
export function toPageRecord(e: EntryOf<typeof page>): PageRecord {
  return { title: e.title, slug: e.slug, updatedAt: e.updatedAt };
}

/** Site settings → record. */
export function toSettingsRecord(e: EntryOf<typeof siteSetting>): SettingsRecord {
  return {
    agencyName: e.agencyName,
    province: e.province ?? '',
    address: e.address ?? '',
    phone: e.phone ?? '',
    hotline: e.hotline ?? '',
    email: e.email ?? '',
    footerText: e.footerText ?? '',
    emblem: e.emblem ? toMedia(e.emblem as Media) : null,
    mainMenu: (e.mainMenu ?? []).map((m) => ({ label: m.label, url: m.url })),
    serviceLinks: (e.serviceLinks ?? []).map((m) => ({ label: m.label, url: m.url })),
  };
}

/** Comment → record (comments of a deleted article have no slug and are dropped by the getter). */
export function toCommentRecord(e: EntryOf<typeof comment>): CommentRecord {
  return { articleSlug: e.article?.slug ?? '', name: e.name, content: e.content, publishedAt: e.publishedAt ?? e.updatedAt };
}

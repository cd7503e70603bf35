/**
 * Typed access to the synced content for pages: sorted, Vietnamese-collated, with helpers for
 * pagination and dates.
 */
import { getCollection } from 'astro:content';
import type { AnnouncementRecord, ArticleRecord, CategoryRecord, LinkRecord, PageRecord, SettingsRecord } from './records';
import { vietnamDay } from './format';

export interface Item<T> {
  id: string;
  data: T;
}

/** Vietnamese collation for names and titles. */
export const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

const newestFirst = <T extends { publishedAt: string }>(a: Item<T>, b: Item<T>) => b.data.publishedAt.localeCompare(a.data.publishedAt);

/** Published articles, newest first. */
export async function getArticles(): Promise<Array<Item<ArticleRecord>>> {
  return ((await getCollection('articles')) as Array<Item<ArticleRecord>>).sort(newestFirst);
}

/** Published announcements: pinned first, then newest. */
export async function getAnnouncements(): Promise<Array<Item<AnnouncementRecord>>> {
  const all = (await getCollection('announcements')) as Array<Item<AnnouncementRecord>>;
  return all.sort((a, b) => Number(b.data.pinned) - Number(a.data.pinned) || newestFirst(a, b));
}

/** Categories in their editorial order. */
export async function getCategories(): Promise<Array<Item<CategoryRecord>>> {
  return ((await getCollection('categories')) as Array<Item<CategoryRecord>>).sort((a, b) => a.data.order - b.data.order || collator.compare(a.data.name, b.data.name));
}

/** Published links in their editorial order. */
export async function getLinks(): Promise<Array<Item<LinkRecord>>> {
  return ((await getCollection('links')) as Array<Item<LinkRecord>>).sort((a, b) => a.data.order - b.data.order || collator.compare(a.data.title, b.data.title));
}

/** Published static pages. */
export async function getPages(): Promise<Array<Item<PageRecord>>> {
  return (await getCollection('pages')) as Array<Item<PageRecord>>;
}

/** The agency's settings, with safe defaults until an editor saves them. */
export async function getSettings(): Promise<SettingsRecord> {
  const [entry] = (await getCollection('settings')) as Array<Item<SettingsRecord>>;
  return (
    entry?.data ?? {
      agencyName: 'Cổng thông tin điện tử',
      province: '',
      address: '',
      phone: '',
      hotline: '',
      email: '',
      footerText: '',
      mainMenu: [{ label: 'Trang chủ', url: '/' }],
    }
  );
}

/** True when an announcement's validity ended before `today` (YYYY-MM-DD in Viet Nam). */
export function isExpired(record: AnnouncementRecord, today = vietnamDay(new Date())): boolean {
  return record.validUntil !== null && record.validUntil < today;
}

/** Items per list page. */
export const PAGE_SIZE = 12;

/** Splits a list into pages: page 1 at `base`, page n at `base` + `trang/n/`. */
export function paginate<T>(items: T[], base: string): Array<{ page: number; pageCount: number; items: T[]; url: string }> {
  const pageCount = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  return Array.from({ length: pageCount }, (_, i) => ({
    page: i + 1,
    pageCount,
    items: items.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE),
    url: i === 0 ? base : `${base}trang/${i + 1}/`,
  }));
}

/**
 * Open data (Dữ liệu mở): every public type of the model as a dataset of the static release,
 * made from the build's records (never from Strapi at request time). Field names are the model's
 * attribute names, plus `documentId` (the entry's id, stable across edits) and `url` (its page);
 * each field's type, Vietnamese label and description come from `content-types/src/model.ts`.
 * Linked entries are given by name, files by absolute URL; nothing private is ever in a record
 * (the loader never receives private fields). Bodies of news, announcements and static pages are left out:
 * they are the pages themselves, linked by `url`.
 */
import {
  announcement, article, category, disclosure, documentKind, isoWeekOf, legalDocument, link, official, page, place, scheduleItem, sector, unit, weekKey, workWeek, type ContentType,
} from '@cong/content-types';
import { disclosurePath } from './disclosures';
import type { Cell } from './csv';
import { abs, BY_NAME, fileUrl, itemKit, kit, type Column, type FieldSchema } from './open-data-columns';
import { perRender } from './render-scope';
import {
  getAnnouncements, getArticles, getCategories, getDisclosures, getDocumentKinds, getDocuments, getLinks, getOfficials, getPages, getPlaces, getSectors, getUnits, getWorkWeeks, type Item,
} from './content';
import type {
  AnnouncementRecord, ArticleRecord, CategoryRecord, DisclosureRecord, DocumentKindRecord, LegalDocumentRecord, LinkRecord, OfficialRecord, PageRecord, PlaceRecord, ScheduleItemRecord, SectorRecord, UnitRecord,
  WorkWeekRecord,
} from './records';

/** The licence line when the settings leave it empty. */
export const DEFAULT_LICENCE = 'Giấy phép Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)';

export type { FieldSchema };

/** A dataset as a build publishes it. */
export interface PublishedDataset {
  /** File name: `/du-lieu-mo/<slug>.json` and `.csv`. */
  slug: string;
  title: string;
  description: string;
  /** The model's type the records come from (`api::article.article`). */
  type: string;
  fields: FieldSchema[];
  records: Array<Record<string, Cell>>;
  /** The latest change of a record (ISO 8601), when its type records one. */
  updatedAt: string | null;
}

/** A dataset's definition, its row type hidden behind `load`. */
interface DatasetDef {
  slug: string;
  title: string;
  description: string;
  type: ContentType;
  fields: FieldSchema[];
  load(site: URL): Promise<{ records: Array<Record<string, Cell>>; updatedAt: string | null }>;
}

/**
 * Each dataset's records by their entry's data object, per site address: the content store hands
 * the same object for an entry a sync did not change (store.ts), so the fast path's warm worker
 * makes only the changed entries' records (at 50,000 articles making them all took ~0.3 s of each
 * publish). Records are never changed in place.
 */
type RecordMemo = WeakMap<object, { id: unknown; record: Record<string, Cell> }>;
const recordMemos = new Map<string, RecordMemo>();
function recordMemo(slug: string, site: URL): RecordMemo {
  const key = `${slug} ${site.href}`;
  let memo = recordMemos.get(key);
  if (!memo) recordMemos.set(key, (memo = new WeakMap()));
  return memo;
}

/** A dataset of rows R, its columns made with `columnKit`. */
function dataset<R, K>(
  columnKit: K,
  d: { slug: string; title: string; description: string; type: ContentType; rows: () => Promise<R[]>; changed?: (row: R) => string; columns: (c: K) => Array<Column<R>> },
): DatasetDef {
  const columns = d.columns(columnKit);
  return {
    slug: d.slug,
    title: d.title,
    description: d.description,
    type: d.type,
    fields: columns.map((c) => c.schema),
    async load(site) {
      const rows = await d.rows();
      const make = (row: R) => Object.fromEntries(columns.map((c) => [c.schema.name, c.value(row, site)]));
      const memo = recordMemo(d.slug, site);
      const records = rows.map((row) => {
        // A row's record depends on its entry's id and data only (and the site): kept by that object.
        const { id, data } = row as { id?: unknown; data?: unknown };
        if (!data || typeof data !== 'object') return make(row);
        const known = memo.get(data);
        if (known && known.id === id) return known.record;
        const record = make(row);
        memo.set(data, { id, record });
        return record;
      });
      const changes = d.changed ? rows.map(d.changed).sort() : [];
      return { records, updatedAt: changes.at(-1) ?? null };
    },
  };
}

/** A kind or sector, and whether a published document has it (only then has it a filter page). */
type Listed<T> = T & { listed: boolean };

async function withListed<T extends { slug: string }>(entries: Promise<Array<Item<T>>>, of: (d: LegalDocumentRecord) => string | undefined): Promise<Array<Item<Listed<T>>>> {
  const used = new Set((await getDocuments()).map((d) => of(d.data)));
  return (await entries).map((e) => ({ ...e, data: { ...e.data, listed: used.has(e.data.slug) } }));
}

/** One row of the schedule: an item of a published week. */
interface ScheduleRow {
  week: Item<WorkWeekRecord>;
  item: ScheduleItemRecord;
}

/** Every dataset, in the order the page lists them. */
export const DATASETS: readonly DatasetDef[] = [
  dataset(itemKit<ArticleRecord>(), {
    slug: 'tin-tuc',
    title: 'Tin tức',
    description: 'Các tin đã đăng (không kèm nội dung bài: xem trang của tin theo trường url).',
    type: article,
    rows: getArticles,
    changed: (r) => r.data.updatedAt,
    columns: (c) => [
      c.documentId(),
      c.attr(article, 'title', (r) => r.data.title),
      c.attr(article, 'slug', (r) => r.data.slug),
      c.attr(article, 'summary', (r) => r.data.summary),
      c.attr(article, 'category', (r) => r.data.category?.name ?? null, BY_NAME),
      c.withSchema(c.attr(article, 'tags', (r) => r.data.tags), { type: 'string[]', description: 'Các từ khóa (trường Từ khóa tách theo dấu phẩy).' }),
      c.attr(article, 'author', (r) => r.data.author),
      c.attr(article, 'featured', (r) => r.data.featured),
      c.attr(article, 'cover', (r, site) => fileUrl(r.data.cover, site)),
      c.publishedAt(),
      c.updatedAt(),
      c.pageUrl((d) => `/tin-tuc/${d.slug}/`),
    ],
  }),
  dataset(itemKit<AnnouncementRecord>(), {
    slug: 'thong-bao',
    title: 'Thông báo',
    description: 'Các thông báo đã đăng, với tệp đính kèm (không kèm nội dung: xem trang của thông báo).',
    type: announcement,
    rows: getAnnouncements,
    changed: (r) => r.data.updatedAt,
    columns: (c) => [
      c.documentId(),
      c.attr(announcement, 'title', (r) => r.data.title),
      c.attr(announcement, 'slug', (r) => r.data.slug),
      c.attr(announcement, 'issuingUnit', (r) => r.data.issuingUnit),
      c.attr(announcement, 'attachments', (r, site) => r.data.attachments.map((m) => abs(m.url, site))),
      c.attr(announcement, 'pinned', (r) => r.data.pinned),
      c.attr(announcement, 'validUntil', (r) => r.data.validUntil),
      c.publishedAt(),
      c.updatedAt(),
      c.pageUrl((d) => `/thong-bao/${d.slug}/`),
    ],
  }),
  dataset(itemKit<LegalDocumentRecord>(), {
    slug: 'van-ban',
    title: 'Văn bản',
    description: 'Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành đã đăng, với tệp toàn văn.',
    type: legalDocument,
    rows: getDocuments,
    changed: (r) => r.data.updatedAt,
    columns: (c) => [
      c.documentId(),
      c.attr(legalDocument, 'number', (r) => r.data.number),
      c.attr(legalDocument, 'slug', (r) => r.data.slug),
      c.attr(legalDocument, 'abstract', (r) => r.data.abstract),
      c.attr(legalDocument, 'kind', (r) => r.data.kind?.name ?? null, BY_NAME),
      c.attr(legalDocument, 'sector', (r) => r.data.sector?.name ?? null, BY_NAME),
      c.attr(legalDocument, 'issuer', (r) => r.data.issuer),
      c.attr(legalDocument, 'signer', (r) => r.data.signer),
      c.attr(legalDocument, 'issuedOn', (r) => r.data.issuedOn),
      c.attr(legalDocument, 'effectiveFrom', (r) => r.data.effectiveFrom),
      c.attr(legalDocument, 'effectiveUntil', (r) => r.data.effectiveUntil),
      c.attr(legalDocument, 'validity', (r) => r.data.status),
      c.attr(legalDocument, 'files', (r, site) => r.data.files.map((m) => abs(m.url, site))),
      c.attr(legalDocument, 'related', (r) => r.data.related.map((x) => `${x.kind} ${x.number}`), 'Mỗi mục ghi quan hệ và số/ký hiệu, ví dụ: Thay thế 12/2024/QĐ-UBND.'),
      c.publishedAt(),
      c.updatedAt(),
      c.pageUrl((d) => `/van-ban/${d.slug}/`),
    ],
  }),
  dataset(itemKit<DisclosureRecord>(), {
    slug: 'cong-khai',
    title: 'Công khai minh bạch',
    description: 'Thông tin công khai ngân sách, đầu tư công, mua sắm công, quy hoạch, kế hoạch, thống kê, với tệp đính kèm (không kèm nội dung: xem trang của mục).',
    type: disclosure,
    rows: getDisclosures,
    changed: (r) => r.data.updatedAt,
    columns: (c) => [
      c.documentId(),
      c.attr(disclosure, 'title', (r) => r.data.title),
      c.attr(disclosure, 'slug', (r) => r.data.slug),
      c.attr(disclosure, 'kind', (r) => r.data.kind),
      c.attr(disclosure, 'year', (r) => r.data.year),
      c.attr(disclosure, 'period', (r) => r.data.period),
      c.attr(disclosure, 'publishedOn', (r) => r.data.publishedOn),
      c.attr(disclosure, 'summary', (r) => r.data.summary),
      c.attr(disclosure, 'files', (r, site) => r.data.files.map((m) => abs(m.url, site))),
      c.publishedAt(),
      c.updatedAt(),
      c.pageUrl((d) => disclosurePath(d.slug)),
    ],
  }),
  dataset(itemKit<UnitRecord>(), {
    slug: 'co-cau-to-chuc',
    title: 'Cơ cấu tổ chức',
    description: 'Các đơn vị của cơ quan, chức năng, nhiệm vụ và liên hệ.',
    type: unit,
    rows: getUnits,
    changed: (r) => r.data.updatedAt,
    columns: (c) => [
      c.documentId(),
      c.attr(unit, 'name', (r) => r.data.name),
      c.attr(unit, 'slug', (r) => r.data.slug),
      c.attr(unit, 'kind', (r) => r.data.kind),
      c.attr(unit, 'parent', (r) => r.data.parent?.name ?? null, BY_NAME),
      c.attr(unit, 'functions', (r) => r.data.functions, 'Định dạng Markdown.'),
      c.attr(unit, 'address', (r) => r.data.address),
      c.attr(unit, 'phone', (r) => r.data.phone),
      c.attr(unit, 'email', (r) => r.data.email),
      c.attr(unit, 'nameEn', (r) => r.data.nameEn),
      c.attr(unit, 'functionsEn', (r) => r.data.functionsEn, 'Định dạng Markdown.'),
      c.attr(unit, 'order', (r) => r.data.order),
      c.updatedAt(),
      c.pageUrl((d) => `/co-cau-to-chuc/${d.slug}/`),
    ],
  }),
  dataset(itemKit<OfficialRecord>(), {
    slug: 'can-bo',
    title: 'Cán bộ, công chức',
    description: 'Lãnh đạo, cán bộ, công chức: chức vụ, đơn vị và liên hệ công vụ.',
    type: official,
    rows: getOfficials,
    changed: (r) => r.data.updatedAt,
    columns: (c) => [
      c.documentId(),
      c.attr(official, 'name', (r) => r.data.name),
      c.attr(official, 'slug', (r) => r.data.slug),
      c.attr(official, 'position', (r) => r.data.position),
      c.attr(official, 'unit', (r) => r.data.unit?.name ?? null, BY_NAME),
      c.attr(official, 'phone', (r) => r.data.phone),
      c.attr(official, 'email', (r) => r.data.email),
      c.attr(official, 'photo', (r, site) => fileUrl(r.data.photo, site)),
      c.attr(official, 'bio', (r) => r.data.bio),
      c.attr(official, 'focalPoint', (r) => r.data.focalPoint),
      c.attr(official, 'positionEn', (r) => r.data.positionEn),
      c.attr(official, 'bioEn', (r) => r.data.bioEn),
      c.attr(official, 'order', (r) => r.data.order),
      c.updatedAt(),
      // An official's place is their card on their unit's page (the chart's page without a unit).
      c.pageUrl((d) => `/co-cau-to-chuc/${d.unit ? `${d.unit.slug}/` : ''}#${d.slug}`),
    ],
  }),
  dataset(kit<ScheduleRow>(), {
    slug: 'lich-cong-tac',
    title: 'Lịch công tác',
    description: 'Lịch công tác của lãnh đạo: mỗi dòng một mục lịch của một tuần đã công bố.',
    type: workWeek,
    rows: async () => (await getWorkWeeks()).flatMap((week) => week.data.items.map((item) => ({ week, item }))),
    changed: (r) => r.week.data.updatedAt,
    columns: (c) => [
      c.column('documentId', 'string', 'Mã định danh', 'Mã của lịch tuần trong hệ thống, không đổi khi lịch được sửa.', (r) => r.week.id),
      c.attr(workWeek, 'weekOf', (r) => r.week.data.weekOf),
      c.attr(workWeek, 'title', (r) => r.week.data.title),
      c.attr(scheduleItem, 'day', (r) => r.item.day),
      c.attr(scheduleItem, 'time', (r) => r.item.time),
      c.attr(scheduleItem, 'content', (r) => r.item.content),
      c.attr(scheduleItem, 'chair', (r) => r.item.chair),
      c.attr(scheduleItem, 'participants', (r) => r.item.participants),
      c.attr(scheduleItem, 'location', (r) => r.item.location),
      c.attr(scheduleItem, 'note', (r) => r.item.note),
      c.withSchema(c.attr(workWeek, 'note', (r) => r.week.data.note), { name: 'weekNote', description: 'Trường note của lịch tuần (ghi chú chung), lặp lại ở mỗi dòng của tuần.' }),
      c.column('url', 'url', 'Địa chỉ trang', 'Trang lịch công tác của tuần trên cổng.', (r, site) => abs(`/lich-cong-tac/${weekKey(isoWeekOf(r.week.data.weekOf))}/`, site)),
    ],
  }),
  dataset(itemKit<PlaceRecord>(), {
    slug: 'dia-diem',
    title: 'Bản đồ – địa điểm',
    description: 'Thôn, tổ dân phố, trụ sở cơ quan, trường học, cơ sở y tế với địa chỉ và tọa độ (độ thập phân, WGS 84).',
    type: place,
    rows: getPlaces,
    columns: (c) => [
      c.documentId(),
      c.attr(place, 'name', (r) => r.data.name),
      c.attr(place, 'kind', (r) => r.data.kind),
      c.attr(place, 'address', (r) => r.data.address),
      c.attr(place, 'latitude', (r) => r.data.latitude),
      c.attr(place, 'longitude', (r) => r.data.longitude),
      c.attr(place, 'description', (r) => r.data.description),
      c.attr(place, 'order', (r) => r.data.order),
      c.column('url', 'url', 'Địa chỉ trang', 'Trang Bản đồ của cổng, nơi địa điểm được liệt kê.', (_r, site) => abs('/ban-do/', site)),
    ],
  }),
  dataset(itemKit<LinkRecord>(), {
    slug: 'lien-ket',
    title: 'Liên kết website',
    description: 'Liên kết tới cổng thông tin của các cơ quan khác.',
    type: link,
    rows: getLinks,
    columns: (c) => [
      c.documentId(),
      c.attr(link, 'title', (r) => r.data.title),
      c.attr(link, 'url', (r) => r.data.url),
      c.attr(link, 'group', (r) => r.data.group),
      c.attr(link, 'order', (r) => r.data.order),
    ],
  }),
  dataset(itemKit<PageRecord>(), {
    slug: 'trang',
    title: 'Trang thông tin',
    description: 'Các trang nội dung cố định như Giới thiệu, Liên hệ (nội dung ở trang của mục, theo địa chỉ url).',
    type: page,
    rows: getPages,
    changed: (r) => r.data.updatedAt,
    columns: (c) => [
      c.documentId(),
      c.attr(page, 'title', (r) => r.data.title),
      c.attr(page, 'slug', (r) => r.data.slug),
      c.updatedAt(),
      c.pageUrl((d) => `/${d.slug}/`),
    ],
  }),
  dataset(itemKit<CategoryRecord>(), {
    slug: 'chuyen-muc',
    title: 'Chuyên mục',
    description: 'Các chuyên mục tin tức.',
    type: category,
    rows: getCategories,
    columns: (c) => [
      c.documentId(),
      c.attr(category, 'name', (r) => r.data.name),
      c.attr(category, 'slug', (r) => r.data.slug),
      c.attr(category, 'description', (r) => r.data.description),
      c.attr(category, 'order', (r) => r.data.order),
      c.pageUrl((d) => `/chuyen-muc/${d.slug}/`),
    ],
  }),
  dataset(itemKit<Listed<DocumentKindRecord>>(), {
    slug: 'loai-van-ban',
    title: 'Loại văn bản',
    description: 'Danh mục loại văn bản.',
    type: documentKind,
    rows: () => withListed(getDocumentKinds(), (d) => d.kind?.slug),
    columns: (c) => [
      c.documentId(),
      c.attr(documentKind, 'name', (r) => r.data.name),
      c.attr(documentKind, 'slug', (r) => r.data.slug),
      c.attr(documentKind, 'order', (r) => r.data.order),
      c.pageUrl((d) => (d.listed ? `/van-ban/loai/${d.slug}/` : null)),
    ],
  }),
  dataset(itemKit<Listed<SectorRecord>>(), {
    slug: 'linh-vuc',
    title: 'Lĩnh vực',
    description: 'Danh mục lĩnh vực của văn bản.',
    type: sector,
    rows: () => withListed(getSectors(), (d) => d.sector?.slug),
    columns: (c) => [
      c.documentId(),
      c.attr(sector, 'name', (r) => r.data.name),
      c.attr(sector, 'slug', (r) => r.data.slug),
      c.attr(sector, 'order', (r) => r.data.order),
      c.pageUrl((d) => (d.listed ? `/van-ban/linh-vuc/${d.slug}/` : null)),
    ],
  }),
];

const loaded = perRender(() => new Map<string, Promise<PublishedDataset[]>>()); // per render (render-scope.ts)

/** Every dataset with its records, once per build (`site`: the portal's public URL, for absolute links). */
export function publishedDatasets(site: URL): Promise<PublishedDataset[]> {
  if (!loaded().has(site.href)) {
    loaded().set(
      site.href,
      Promise.all(DATASETS.map(async (d) => ({ slug: d.slug, title: d.title, description: d.description, type: d.type.uid, fields: d.fields, ...(await d.load(site)) }))),
    );
  }
  return loaded().get(site.href)!;
}

/** The licence line the files and the page carry. */
export const licenceLine = (setting: string): string => setting.trim() || DEFAULT_LICENCE;

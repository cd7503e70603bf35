/**
 * The compact records the site keeps for each type (what pages need, without bodies), made
 * from validated CMS entries.
 */
import { vietnamDayAt, type EntryOf } from '@cong/content-types';
import type {
  announcement, article, category, comment, disclosure, documentKind, DocumentStatus, dossierReport, legalDocument, link, official, page, place, procedure, question, sector,
  portal, unit, workWeek,
} from '@cong/content-types';

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
  /** The portal's code (Mã cổng) and its id, which orders portals by age. */
  slug: string;
  portalId: number;
  /**
   * The portal's documentId: comments and questions sent on this portal's site are created in it
   * (site/src/server/comments.ts, questions.ts); '' when the build read no portal.
   */
  portalDocumentId: string;
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
  /** English name and address for the English pages ('' when not translated). */
  agencyNameEn: string;
  addressEn: string;
  /** The English Introduction, Markdown ('' when not translated). */
  introductionEn: string;
  /** The open data licence line ('' : the default, CC BY 4.0). */
  openDataLicence: string;
  /** The document exchange system ("Gửi nhận văn bản"), '' when not set. */
  documentExchangeUrl: string;
  /** The administrative map picture of the map page. */
  mapImage: MediaRecord | null;
  /** Tile server of the interactive map, '' (the default): no interactive map, no outside request. */
  mapTileUrl: string;
  mapAttribution: string;
}

/** A name and slug of a listing entry (a document's kind or sector, a unit's parent). */
export interface NamedRef {
  name: string;
  slug: string;
}

export interface LegalDocumentRecord {
  number: string;
  slug: string;
  abstract: string;
  kind: NamedRef | null;
  sector: NamedRef | null;
  issuer: string;
  signer: string;
  issuedOn: string;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  /** Set by the editor; null: computed from the dates (src/lib/documents.ts). */
  status: DocumentStatus | null;
  files: MediaRecord[];
  /** What this document says of others ("Thay thế 12/2024/QĐ-UBND"); the reverse side is computed. */
  related: Array<{ kind: string; number: string; slug: string }>;
  publishedAt: string;
  updatedAt: string;
}

export interface DocumentKindRecord {
  name: string;
  slug: string;
  order: number;
}

export type SectorRecord = DocumentKindRecord;

export interface UnitRecord {
  name: string;
  slug: string;
  kind: string;
  parent: NamedRef | null;
  /** Chức năng, nhiệm vụ (Markdown) and its English version ('' when empty). */
  functions: string;
  functionsEn: string;
  address: string;
  phone: string;
  email: string;
  nameEn: string;
  order: number;
  updatedAt: string;
}

export interface OfficialRecord {
  name: string;
  slug: string;
  position: string;
  positionEn: string;
  unit: NamedRef | null;
  phone: string;
  email: string;
  photo: MediaRecord | null;
  bio: string;
  bioEn: string;
  focalPoint: boolean;
  order: number;
  updatedAt: string;
}

export interface ScheduleItemRecord {
  day: string;
  time: string;
  content: string;
  chair: string;
  participants: string;
  location: string;
  note: string;
}

export interface WorkWeekRecord {
  title: string;
  /** The week's Monday (YYYY-MM-DD). */
  weekOf: string;
  items: ScheduleItemRecord[];
  note: string;
  publishedAt: string;
  updatedAt: string;
}

export interface DisclosureRecord {
  title: string;
  slug: string;
  kind: string;
  year: number;
  period: string | null;
  publishedOn: string;
  summary: string;
  files: MediaRecord[];
  publishedAt: string;
  updatedAt: string;
}

export interface ProcedureRecord {
  name: string;
  slug: string;
  code: string;
  sector: NamedRef | null;
  agency: string;
  onlineLevel: string;
  duration: string;
  fee: string;
  serviceUrl: string;
  publishedAt: string;
  updatedAt: string;
}

/** One month of dossier figures; the on-time rate is computed (src/lib/dossiers.ts), never stored. */
export interface DossierReportRecord {
  /** The month's first day (YYYY-MM-DD). */
  month: string;
  received: number;
  carriedOver: number;
  onTime: number;
  late: number;
  pending: number;
  note: string;
  updatedAt: string;
}

/** A published question with its answer (the asker's email and phone never reach the site). */
export interface QuestionRecord {
  title: string;
  slug: string;
  askerName: string;
  sector: NamedRef | null;
  content: string;
  answeredBy: string;
  /** Ngày trả lời, or the day it was published. */
  answeredOn: string;
  publishedAt: string;
  updatedAt: string;
}

export interface PlaceRecord {
  name: string;
  kind: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  description: string;
  order: number;
}

type Media = { url: string; alternativeText?: string | null; width?: number | null; height?: number | null; mime: string; name: string; size: number; updatedAt?: string | null };

/**
 * An entry's publication date as readers see it and lists order by: when it was first published
 * (Strapi's firstPublishedAt, cms/config/features.ts), not its last publish; an edit neither
 * re-dates it nor moves it to the top.
 */
function publishedOn(e: { firstPublishedAt?: string | null; publishedAt?: string | null; updatedAt: string }): string {
  return e.firstPublishedAt ?? e.publishedAt ?? e.updatedAt;
}

function toMedia(media: Media, alt?: string | null): MediaRecord {
  return { url: media.url, alt: alt || media.alternativeText || '', width: media.width ?? null, height: media.height ?? null, mime: media.mime, name: media.name, size: media.size, version: media.updatedAt ?? null };
}

/** What an article's record needs besides its own fields (the build's loader and the draft preview ask the same). */
export const ARTICLE_POPULATE = { 'populate[cover]': 'true', 'populate[category][fields][0]': 'name', 'populate[category][fields][1]': 'slug' };

/** What an announcement's record needs besides its own fields. */
export const ANNOUNCEMENT_POPULATE = { 'populate[attachments]': 'true' };

/** What a document's record needs besides its own fields. */
export const LEGAL_DOCUMENT_POPULATE = {
  'populate[kind][fields][0]': 'name',
  'populate[kind][fields][1]': 'slug',
  'populate[sector][fields][0]': 'name',
  'populate[sector][fields][1]': 'slug',
  'populate[files]': 'true',
  'populate[related][populate][document][fields][0]': 'number',
  'populate[related][populate][document][fields][1]': 'slug',
};

/** What a unit's record needs besides its own fields. */
export const UNIT_POPULATE = { 'populate[parent][fields][0]': 'name', 'populate[parent][fields][1]': 'slug' };

/** What an official's record needs besides its own fields. */
export const OFFICIAL_POPULATE = { 'populate[unit][fields][0]': 'name', 'populate[unit][fields][1]': 'slug', 'populate[photo]': 'true' };

/** What a disclosure's record needs besides its own fields. */
export const DISCLOSURE_POPULATE = { 'populate[files]': 'true' };

/** What a procedure's or a question's record needs besides its own fields. */
export const SECTOR_POPULATE = { 'populate[sector][fields][0]': 'name', 'populate[sector][fields][1]': 'slug' };

/** What the settings record needs besides its own fields. */
export const SETTINGS_POPULATE = { 'populate[mainMenu]': 'true', 'populate[serviceLinks]': 'true', 'populate[emblem]': 'true', 'populate[mapImage]': 'true' };

/** What a week's record needs besides its own fields. */
export const WORK_WEEK_POPULATE = { 'populate[items]': 'true' };

const ref = (r: { name: string; slug: string } | null | undefined): NamedRef | null => (r ? { name: r.name, slug: r.slug } : null);

/** Legal document → record. */
export function toLegalDocumentRecord(e: EntryOf<typeof legalDocument>): LegalDocumentRecord {
  return {
    number: e.number,
    slug: e.slug,
    abstract: e.abstract,
    kind: ref(e.kind),
    sector: ref(e.sector),
    issuer: e.issuer,
    signer: e.signer ?? '',
    issuedOn: e.issuedOn,
    effectiveFrom: e.effectiveFrom ?? null,
    effectiveUntil: e.effectiveUntil ?? null,
    status: e.validity ?? null,
    files: ((e.files ?? []) as Media[]).map((m) => toMedia(m)),
    // A relation to a document that is not published comes back empty: nothing to link to.
    related: (e.related ?? []).flatMap((r) => (r.document ? [{ kind: r.kind, number: r.document.number, slug: r.document.slug }] : [])),
    publishedAt: publishedOn(e),
    updatedAt: e.updatedAt,
  };
}

/** Document kind or sector → record. */
export function toListingRecord(e: EntryOf<typeof documentKind> | EntryOf<typeof sector>): DocumentKindRecord {
  return { name: e.name, slug: e.slug, order: e.order ?? 0 };
}

/** Unit → record. */
export function toUnitRecord(e: EntryOf<typeof unit>): UnitRecord {
  return {
    name: e.name,
    slug: e.slug,
    kind: e.kind,
    parent: ref(e.parent),
    functions: e.functions ?? '',
    functionsEn: e.functionsEn ?? '',
    address: e.address ?? '',
    phone: e.phone ?? '',
    email: e.email ?? '',
    nameEn: e.nameEn ?? '',
    order: e.order ?? 0,
    updatedAt: e.updatedAt,
  };
}

/** Official → record. */
export function toOfficialRecord(e: EntryOf<typeof official>): OfficialRecord {
  return {
    name: e.name,
    slug: e.slug,
    position: e.position,
    positionEn: e.positionEn ?? '',
    unit: ref(e.unit),
    phone: e.phone ?? '',
    email: e.email ?? '',
    photo: e.photo ? toMedia(e.photo as Media) : null,
    bio: e.bio ?? '',
    bioEn: e.bioEn ?? '',
    focalPoint: Boolean(e.focalPoint),
    order: e.order ?? 0,
    updatedAt: e.updatedAt,
  };
}

/** Work week → record, its items in day and time order. */
export function toWorkWeekRecord(e: EntryOf<typeof workWeek>): WorkWeekRecord {
  const items = (e.items ?? []).map((i) => ({
    day: i.day,
    time: i.time ?? '',
    content: i.content,
    chair: i.chair ?? '',
    participants: i.participants ?? '',
    location: i.location ?? '',
    note: i.note ?? '',
  }));
  items.sort((a, b) => a.day.localeCompare(b.day) || a.time.localeCompare(b.time, 'vi', { numeric: true }));
  return { title: e.title, weekOf: e.weekOf, items, note: e.note ?? '', publishedAt: publishedOn(e), updatedAt: e.updatedAt };
}

/** Disclosure → record. */
export function toDisclosureRecord(e: EntryOf<typeof disclosure>): DisclosureRecord {
  return {
    title: e.title,
    slug: e.slug,
    kind: e.kind,
    year: e.year,
    period: e.period ?? null,
    publishedOn: e.publishedOn,
    summary: e.summary ?? '',
    files: ((e.files ?? []) as Media[]).map((m) => toMedia(m)),
    publishedAt: publishedOn(e),
    updatedAt: e.updatedAt,
  };
}

/** Procedure → record. */
export function toProcedureRecord(e: EntryOf<typeof procedure>): ProcedureRecord {
  return {
    name: e.name,
    slug: e.slug,
    code: e.code ?? '',
    sector: ref(e.sector),
    agency: e.agency,
    onlineLevel: e.onlineLevel,
    duration: e.duration ?? '',
    fee: e.fee ?? '',
    serviceUrl: e.serviceUrl ?? '',
    publishedAt: publishedOn(e),
    updatedAt: e.updatedAt,
  };
}

/** Dossier report → record. */
export function toDossierReportRecord(e: EntryOf<typeof dossierReport>): DossierReportRecord {
  return {
    month: e.month,
    received: e.received,
    carriedOver: e.carriedOver,
    onTime: e.onTime,
    late: e.late,
    pending: e.pending,
    note: e.note ?? '',
    updatedAt: e.updatedAt,
  };
}

/** Question → record: what is public of it. */
export function toQuestionRecord(e: EntryOf<typeof question>): QuestionRecord {
  const publishedAt = publishedOn(e);
  return {
    title: e.title,
    slug: e.slug,
    askerName: e.askerName,
    sector: ref(e.sector),
    content: e.content,
    answeredBy: e.answeredBy ?? '',
    // The day of publication in Viet Nam (a morning publish is the evening before in UTC).
    answeredOn: e.answeredOn ?? vietnamDayAt(new Date(publishedAt)),
    publishedAt,
    updatedAt: e.updatedAt,
  };
}

/** Place → record. */
export function toPlaceRecord(e: EntryOf<typeof place>): PlaceRecord {
  return {
    name: e.name,
    kind: e.kind,
    address: e.address ?? '',
    latitude: e.latitude ?? null,
    longitude: e.longitude ?? null,
    description: e.description ?? '',
    order: e.order ?? 0,
  };
}

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
    publishedAt: publishedOn(e),
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
    publishedAt: publishedOn(e),
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

/** Portal (its agency's settings) → record. */
export function toSettingsRecord(e: EntryOf<typeof portal>): SettingsRecord {
  return {
    slug: e.slug,
    portalId: e.id,
    portalDocumentId: e.documentId,
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
    agencyNameEn: e.agencyNameEn ?? '',
    addressEn: e.addressEn ?? '',
    introductionEn: e.introductionEn ?? '',
    openDataLicence: e.openDataLicence ?? '',
    documentExchangeUrl: e.documentExchangeUrl ?? '',
    mapImage: e.mapImage ? toMedia(e.mapImage as Media) : null,
    mapTileUrl: e.mapTileUrl ?? '',
    mapAttribution: e.mapAttribution ?? '',
  };
}

/** Comment → record (comments of a deleted article have no slug and are dropped by the getter). */
export function toCommentRecord(e: EntryOf<typeof comment>): CommentRecord {
  return { articleSlug: e.article?.slug ?? '', name: e.name, content: e.content, publishedAt: publishedOn(e) };
}

/**
 * Documents (văn bản) for the pages under /van-ban/: the validity status (computed from the dates
 * in Viet Nam unless an editor set it), the relations read from both sides, the groupings behind
 * the filter pages, file type and size labels, and the compact search index. Pure: no content
 * store here (the build's getters are in document-data.ts), so it is unit-tested.
 */
import { createSlug, DOCUMENT_STATUSES, type DocumentStatus } from '@cong/content-types';
import { formatDecimal, formatNumber, vietnamDay } from './format';
import type { DocumentKindRecord, LegalDocumentRecord, MediaRecord, SectorRecord } from './records';
import type { DocumentIndex } from './document-search';
import { chunkPages } from './pagination';

/** An entry of a collection (as content.ts's Item: not imported, so this stays free of astro:content). */
interface Item<T> {
  id: string;
  data: T;
}

/** Documents per list page (a list of numbers and abstracts reads denser than news). */
export const DOCUMENT_PAGE_SIZE = 20;

/**
 * The document's validity on `today` (YYYY-MM-DD in Viet Nam): the editor's choice when set;
 * otherwise not yet in force before its effective date (else its date of issue), no longer in
 * force from its end date ("ngày hết hiệu lực": the first day it no longer applies), else in force.
 */
export function documentStatus(d: Pick<LegalDocumentRecord, 'status' | 'issuedOn' | 'effectiveFrom' | 'effectiveUntil'>, today = vietnamDay(new Date())): DocumentStatus {
  if (d.status) return d.status;
  if (today < (d.effectiveFrom ?? d.issuedOn)) return 'Chưa có hiệu lực';
  if (d.effectiveUntil && today >= d.effectiveUntil) return 'Hết hiệu lực toàn bộ';
  return 'Còn hiệu lực';
}

/** The badge class of a status (colours in global.css, "Văn bản" section). */
export function statusClass(status: DocumentStatus): string {
  return { 'Còn hiệu lực': 'in-force', 'Chưa có hiệu lực': 'pending', 'Hết hiệu lực một phần': 'partly', 'Hết hiệu lực toàn bộ': 'expired' }[status];
}

/** How the stating document reads a relation ("Thay thế" 22/2021/QĐ-UBND) … */
export const RELATION_LABELS: Record<string, string> = { 'Thay thế': 'Thay thế', 'Sửa đổi': 'Sửa đổi', 'Bổ sung': 'Bổ sung', 'Căn cứ': 'Căn cứ' };
/** … and how the document it names reads it ("Bị thay thế bởi" 15/2026/QĐ-UBND). */
export const REVERSE_LABELS: Record<string, string> = { 'Thay thế': 'Bị thay thế bởi', 'Sửa đổi': 'Được sửa đổi bởi', 'Bổ sung': 'Được bổ sung bởi', 'Căn cứ': 'Là căn cứ ban hành' };

export interface RelatedLink {
  label: string;
  number: string;
  slug: string;
  abstract: string;
}

/**
 * Every document's relations on both sides, by slug, made in one pass over the list: what it
 * states itself, then what other published documents state of it. A relation to a document that
 * is not published is left out (nothing to link to).
 */
export function relationsBySlug(docs: Array<Item<LegalDocumentRecord>>): Map<string, RelatedLink[]> {
  const bySlug = new Map(docs.map((d) => [d.data.slug, d.data]));
  const out = new Map<string, RelatedLink[]>();
  const add = (slug: string, link: RelatedLink) => {
    const list = out.get(slug);
    if (list) list.push(link);
    else out.set(slug, [link]);
  };
  for (const { data: d } of docs) {
    for (const r of d.related) {
      const target = bySlug.get(r.slug);
      if (!target) continue;
      add(d.slug, { label: RELATION_LABELS[r.kind] ?? r.kind, number: target.number, slug: target.slug, abstract: target.abstract });
    }
  }
  for (const { data: d } of docs) {
    for (const r of d.related) {
      if (!bySlug.has(r.slug)) continue;
      add(r.slug, { label: REVERSE_LABELS[r.kind] ?? r.kind, number: d.number, slug: d.slug, abstract: d.abstract });
    }
  }
  return out;
}

/** The filters, in the order the pages show them, with their URL segment. */
export const FACETS = [
  { key: 'loai', label: 'Loại văn bản' },
  { key: 'linh-vuc', label: 'Lĩnh vực' },
  { key: 'co-quan', label: 'Cơ quan ban hành' },
  { key: 'nam', label: 'Năm ban hành' },
  { key: 'tinh-trang', label: 'Tình trạng hiệu lực' },
] as const;
export type FacetKey = (typeof FACETS)[number]['key'];

export interface FacetValue {
  slug: string;
  name: string;
}

/** The value of each filter for one document (a document without a sector has none). */
export function facetValues(d: LegalDocumentRecord, status: DocumentStatus): Record<FacetKey, FacetValue | null> {
  return {
    loai: d.kind,
    'linh-vuc': d.sector,
    'co-quan': d.issuer ? { slug: createSlug(d.issuer), name: d.issuer } : null,
    nam: { slug: d.issuedOn.slice(0, 4), name: d.issuedOn.slice(0, 4) },
    'tinh-trang': { slug: createSlug(status), name: status },
  };
}

export interface FacetGroup {
  slug: string;
  name: string;
  items: Array<Item<LegalDocumentRecord>>;
}

export interface DocumentGroups {
  /** Each document's status today, by slug. */
  status: Map<string, DocumentStatus>;
  /** For each filter, its values in display order with their documents (newest first). */
  facets: Record<FacetKey, FacetGroup[]>;
}

/**
 * Groups the documents (newest first) by every filter in one pass: kinds and sectors in their
 * editorial order, issuers by name, years newest first, statuses in the model's order. Values no
 * document has are left out.
 */
export function groupDocuments(docs: Array<Item<LegalDocumentRecord>>, kinds: Array<Item<DocumentKindRecord>>, sectors: Array<Item<SectorRecord>>, today = vietnamDay(new Date())): DocumentGroups {
  const status = new Map<string, DocumentStatus>();
  const maps = Object.fromEntries(FACETS.map((f) => [f.key, new Map<string, FacetGroup>()])) as Record<FacetKey, Map<string, FacetGroup>>;
  for (const doc of docs) {
    const s = documentStatus(doc.data, today);
    status.set(doc.data.slug, s);
    const values = facetValues(doc.data, s);
    for (const f of FACETS) {
      const v = values[f.key];
      if (!v) continue;
      const group = maps[f.key].get(v.slug);
      if (group) group.items.push(doc);
      else maps[f.key].set(v.slug, { slug: v.slug, name: v.name, items: [doc] });
    }
  }
  const inOrder = (map: Map<string, FacetGroup>, slugs: string[]) => {
    const rank = new Map(slugs.map((s, i) => [s, i]));
    return [...map.values()].sort((a, b) => (rank.get(a.slug) ?? 1e9) - (rank.get(b.slug) ?? 1e9) || a.name.localeCompare(b.name, 'vi'));
  };
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  return {
    status,
    facets: {
      loai: inOrder(maps.loai, kinds.map((k) => k.data.slug)),
      'linh-vuc': inOrder(maps['linh-vuc'], sectors.map((s) => s.data.slug)),
      'co-quan': [...maps['co-quan'].values()].sort((a, b) => collator.compare(a.name, b.name)),
      nam: [...maps.nam.values()].sort((a, b) => b.slug.localeCompare(a.slug)),
      'tinh-trang': inOrder(maps['tinh-trang'], DOCUMENT_STATUSES.map((s) => createSlug(s))),
    },
  };
}

const TYPE_BY_EXTENSION: Record<string, string> = { pdf: 'PDF', doc: 'DOC', docx: 'DOCX', xls: 'XLS', xlsx: 'XLSX', odt: 'ODT', ods: 'ODS', rtf: 'RTF', zip: 'ZIP', rar: 'RAR', txt: 'TXT', ppt: 'PPT', pptx: 'PPTX' };
const TYPE_BY_MIME: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

/** "PDF", "DOCX", "XLSX" …: from the file's name, else its type; "Tệp" when neither says. */
export function fileTypeLabel(file: Pick<MediaRecord, 'name' | 'mime' | 'url'>): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(file.name)?.[1] ?? /\.([a-z0-9]{1,5})$/i.exec(file.url)?.[1];
  if (ext && TYPE_BY_EXTENSION[ext.toLowerCase()]) return TYPE_BY_EXTENSION[ext.toLowerCase()]!;
  return TYPE_BY_MIME[file.mime] ?? (ext ? ext.toUpperCase() : 'Tệp');
}

/** A file's size as readers read it: Strapi gives kilobytes ("245 KB", "1,2 MB", at least "1 KB"). */
export function fileSizeLabel(kilobytes: number): string {
  if (kilobytes < 1024) return `${formatNumber(Math.max(1, Math.round(kilobytes)))} KB`;
  return `${formatDecimal(kilobytes / 1024)} MB`;
}

/** Splits a list into pages of DOCUMENT_PAGE_SIZE: page 1 at `base`, page n at `base` + `trang/n/`. */
export function paginateDocuments<T>(items: T[]): Array<{ page: number; pageCount: number; items: T[] }> {
  return chunkPages(items, DOCUMENT_PAGE_SIZE);
}

/** The compact search index of the list page (see document-search.ts), from the groupings. */
export function buildDocumentIndex(docs: Array<Item<LegalDocumentRecord>>, groups: DocumentGroups): DocumentIndex {
  const pairs = (key: FacetKey) => groups.facets[key].map((g): [string, string] => [g.slug, g.name]);
  const index: DocumentIndex = { kinds: pairs('loai'), sectors: pairs('linh-vuc'), issuers: pairs('co-quan'), statuses: pairs('tinh-trang'), docs: [] };
  const position = (list: Array<[string, string]>) => new Map(list.map(([slug], i) => [slug, i]));
  const kinds = position(index.kinds);
  const sectors = position(index.sectors);
  const issuers = position(index.issuers);
  const statuses = position(index.statuses);
  for (const { data: d } of docs) {
    const v = facetValues(d, groups.status.get(d.slug) ?? documentStatus(d));
    index.docs.push([
      d.slug,
      d.number,
      d.abstract,
      d.issuedOn,
      v.loai ? (kinds.get(v.loai.slug) ?? -1) : -1,
      v['linh-vuc'] ? (sectors.get(v['linh-vuc'].slug) ?? -1) : -1,
      v['co-quan'] ? (issuers.get(v['co-quan'].slug) ?? -1) : -1,
      statuses.get(v['tinh-trang']!.slug) ?? -1,
    ]);
  }
  return index;
}

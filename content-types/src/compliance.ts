/**
 * Danh mục thông tin phải công khai: every item the law asks the portal to publish, defined once.
 * The public list (/danh-muc-thong-tin-cong-khai/), the admin page "Mức độ công khai thông tin" and
 * `npm run compliance` all read this list and judge each item the same way (`assess`).
 *
 * Legal bases as far as they could be checked (see ../shared/KNOWN.md): Luật Tiếp cận thông tin
 * 2016 Điều 19 khoản 1 (a–h), Nghị định 42/2022/NĐ-CP Điều 4 and 7, Luật Ngân sách nhà nước 2015
 * Điều 15 with Thông tư 343/2016/TT-BTC (budget disclosure). When a decree replaces one of them,
 * edit this list: nothing else names the items.
 */
import { addDays, vietnamDayAt } from './calendar';
import type { CmsClient } from './cms-client';
import { createSlug } from './slug';
import {
  announcement, article, disclosure, dossierReport, legalDocument, official, portal, procedure, question, unit, workWeek,
  type DisclosureKind,
} from './model';
import type { ContentType } from './define';

/** How often an item is expected to change, as the public list says it. */
export const RHYTHM_LABELS = {
  'on-change': 'Khi có thay đổi',
  week: 'Hằng tuần',
  month: 'Hằng tháng',
  quarter: 'Hằng quý',
  year: 'Hằng năm',
} as const;
export type Rhythm = keyof typeof RHYTHM_LABELS;

/** Where an item's entries are: published entries of `type` that match `where`. */
export interface ComplianceSource {
  type: ContentType;
  /** Only entries whose field has one of these values (an enumeration, a boolean). */
  where?: { field: string; in: ReadonlyArray<string | boolean> };
  /**
   * The field holding the day the item was last brought up to date: a date field the entry
   * covers (a week's Monday, a report's month) or `updatedAt`/`publishedAt`.
   */
  date: string;
  /** The portal's own entry (or a single type): the item exists when this field is filled in. */
  present?: string;
  /** What the date stands for, when not the day itself: a week's Monday, a month's first day. */
  dateKind?: 'week' | 'month';
}

export interface ComplianceItem {
  /** Stable key (the public list's anchor, the JSON's id). */
  key: string;
  /** Tên thông tin. */
  name: string;
  /** Căn cứ. */
  legalBasis: string;
  /** The portal page where it is published. */
  path: string;
  /** Hình thức công khai: how it is published there. */
  how: string;
  rhythm: Rhythm;
  /**
   * Overdue when today is more than this many days after the item's latest day (its source's
   * `date`); absent for items that are published when they change.
   */
  maxAgeDays?: number;
  /** Null: the platform itself fulfils the item (this list). */
  source: ComplianceSource | null;
}

const LAW = 'Luật Tiếp cận thông tin 2016, Điều 19 khoản 1';
const DECREE = 'Nghị định 42/2022/NĐ-CP';
const BUDGET = 'Luật Ngân sách nhà nước 2015, Điều 15; Thông tư 343/2016/TT-BTC';

const disclosed = (kinds: DisclosureKind[]): ComplianceSource => ({
  type: disclosure,
  where: { field: 'kind', in: kinds },
  date: 'publishedOn',
});
/** The page of one kind of disclosure: `/cong-khai/loai/du-toan-ngan-sach/`. */
export const disclosureKindPath = (kind: DisclosureKind) => `/cong-khai/loai/${createSlug(kind)}/`;
const disclosurePath = disclosureKindPath;

/** Every item the portal must publish, in the order of the public list. */
export const COMPLIANCE_ITEMS: readonly ComplianceItem[] = [
  {
    key: 'van-ban',
    name: 'Văn bản quy phạm pháp luật, văn bản chỉ đạo, điều hành',
    legalBasis: `${LAW} điểm a`,
    path: '/van-ban/',
    how: 'Trang Văn bản: tra cứu theo số, loại, lĩnh vực, năm; kèm tệp toàn văn',
    rhythm: 'on-change',
    source: { type: legalDocument, date: 'issuedOn' },
  },
  {
    key: 'thu-tuc-hanh-chinh',
    name: 'Thủ tục hành chính và quy trình giải quyết',
    legalBasis: `${LAW} điểm a; ${DECREE}, Điều 4`,
    path: '/thu-tuc-hanh-chinh/',
    how: 'Trang Thủ tục hành chính: tra cứu theo lĩnh vực, liên kết nộp hồ sơ trực tuyến',
    rhythm: 'on-change',
    source: { type: procedure, date: 'updatedAt' },
  },
  {
    key: 'chien-luoc-ke-hoach',
    name: 'Chiến lược, chương trình, quy hoạch, kế hoạch công tác hằng năm',
    legalBasis: `${LAW} điểm c`,
    path: '/cong-khai/',
    how: 'Trang Công khai minh bạch, nhóm Quy hoạch, Kế hoạch, Chiến lược',
    rhythm: 'year',
    maxAgeDays: 366 + 31,
    source: disclosed(['Quy hoạch', 'Kế hoạch', 'Chiến lược, chương trình']),
  },
  {
    key: 'dau-tu-cong',
    name: 'Danh mục và kết quả dự án đầu tư công',
    legalBasis: `${LAW} điểm d`,
    path: disclosurePath('Đầu tư công'),
    how: 'Trang Công khai minh bạch, nhóm Đầu tư công, kèm quyết định và biểu số liệu',
    rhythm: 'year',
    maxAgeDays: 366 + 31,
    source: disclosed(['Đầu tư công']),
  },
  {
    key: 'mua-sam-cong',
    name: 'Danh mục và kết quả mua sắm công',
    legalBasis: `${LAW} điểm d`,
    path: disclosurePath('Mua sắm công'),
    how: 'Trang Công khai minh bạch, nhóm Mua sắm công',
    rhythm: 'year',
    maxAgeDays: 366 + 31,
    source: disclosed(['Mua sắm công']),
  },
  {
    key: 'du-toan-ngan-sach',
    name: 'Dự toán ngân sách được giao',
    legalBasis: BUDGET,
    path: disclosurePath('Dự toán ngân sách'),
    how: 'Trang Công khai minh bạch, nhóm Dự toán ngân sách, kèm quyết định công bố và biểu mẫu',
    rhythm: 'year',
    maxAgeDays: 366 + 31,
    source: disclosed(['Dự toán ngân sách']),
  },
  {
    key: 'thuc-hien-ngan-sach',
    name: 'Báo cáo tình hình thực hiện ngân sách quý, 6 tháng, năm',
    legalBasis: BUDGET,
    path: disclosurePath('Báo cáo thực hiện ngân sách'),
    how: 'Trang Công khai minh bạch, nhóm Báo cáo thực hiện ngân sách',
    rhythm: 'quarter',
    maxAgeDays: 92 + 30,
    source: disclosed(['Báo cáo thực hiện ngân sách']),
  },
  {
    key: 'quyet-toan-ngan-sach',
    name: 'Quyết toán ngân sách được phê chuẩn',
    legalBasis: BUDGET,
    path: disclosurePath('Quyết toán ngân sách'),
    how: 'Trang Công khai minh bạch, nhóm Quyết toán ngân sách',
    rhythm: 'year',
    maxAgeDays: 366 + 62,
    source: disclosed(['Quyết toán ngân sách']),
  },
  {
    key: 'bao-cao-tai-chinh',
    name: 'Báo cáo tài chính năm',
    legalBasis: `${LAW} điểm e`,
    path: disclosurePath('Báo cáo tài chính'),
    how: 'Trang Công khai minh bạch, nhóm Báo cáo tài chính',
    rhythm: 'year',
    maxAgeDays: 366 + 92,
    source: disclosed(['Báo cáo tài chính']),
  },
  {
    key: 'thong-ke',
    name: 'Thông tin thống kê về ngành, lĩnh vực quản lý',
    legalBasis: `${LAW} điểm e`,
    path: disclosurePath('Thống kê'),
    how: 'Trang Công khai minh bạch, nhóm Thống kê',
    rhythm: 'year',
    maxAgeDays: 366 + 92,
    source: disclosed(['Thống kê']),
  },
  {
    key: 'co-cau-to-chuc',
    name: 'Cơ cấu tổ chức, chức năng, nhiệm vụ, quyền hạn',
    legalBasis: `${LAW} điểm đ; ${DECREE}, Điều 4`,
    path: '/co-cau-to-chuc/',
    how: 'Trang Cơ cấu tổ chức: sơ đồ, trang riêng của từng đơn vị',
    rhythm: 'on-change',
    source: { type: unit, date: 'updatedAt' },
  },
  {
    key: 'danh-ba',
    name: 'Họ tên, chức vụ, điện thoại, thư điện tử công vụ của lãnh đạo, cán bộ',
    legalBasis: `${LAW} điểm đ; ${DECREE}, Điều 4`,
    path: '/danh-ba/',
    how: 'Trang Danh bạ (in được trên một trang A4) và trang của từng đơn vị',
    rhythm: 'on-change',
    source: { type: official, date: 'updatedAt' },
  },
  {
    key: 'dau-moi',
    name: 'Người làm đầu mối cung cấp thông tin',
    legalBasis: `${LAW} điểm đ`,
    path: '/danh-ba/',
    how: 'Danh bạ và sơ đồ tổ chức, đánh dấu người làm đầu mối',
    rhythm: 'on-change',
    source: { type: official, where: { field: 'focalPoint', in: [true] }, date: 'updatedAt' },
  },
  {
    key: 'tieng-anh',
    name: 'Giới thiệu, cơ cấu tổ chức và liên hệ bằng tiếng Anh',
    legalBasis: `${DECREE}, Điều 7`,
    path: '/en/',
    how: 'Các trang tiếng Anh: Introduction, Organization, Contacts',
    rhythm: 'on-change',
    source: { type: portal, date: 'updatedAt', present: 'introductionEn' },
  },
  {
    key: 'lich-cong-tac',
    name: 'Lịch công tác của lãnh đạo',
    legalBasis: `${DECREE}, Điều 4`,
    path: '/lich-cong-tac/',
    how: 'Trang Lịch công tác: mỗi tuần một trang, lịch hôm nay trên trang chủ',
    rhythm: 'week',
    // The latest week's Monday: overdue from the Monday after it.
    maxAgeDays: 6,
    source: { type: workWeek, date: 'weekOf', dateKind: 'week' },
  },
  {
    key: 'tinh-hinh-giai-quyet-ho-so',
    name: 'Tình hình, kết quả giải quyết hồ sơ thủ tục hành chính',
    legalBasis: `Nghị định 61/2018/NĐ-CP; ${DECREE}, Điều 4`,
    path: '/tinh-hinh-giai-quyet-ho-so/',
    how: 'Trang Tình hình giải quyết hồ sơ: bảng và biểu đồ theo tháng; tháng mới nhất ở cột phải mọi trang',
    rhythm: 'month',
    // A month's first day: its figures are due by the middle of the next month, the next month's
    // a month later.
    maxAgeDays: 31 + 45,
    source: { type: dossierReport, date: 'month', dateKind: 'month' },
  },
  {
    key: 'hoi-dap',
    name: 'Hỏi đáp, trả lời câu hỏi của người dân',
    legalBasis: `${DECREE}, Điều 4`,
    path: '/hoi-dap/',
    how: 'Trang Hỏi đáp: người dân gửi câu hỏi, cơ quan trả lời công khai theo lĩnh vực',
    rhythm: 'on-change',
    source: { type: question, date: 'publishedAt' },
  },
  {
    key: 'tin-tuc',
    name: 'Tin tức, sự kiện về hoạt động của cơ quan',
    legalBasis: `${DECREE}, Điều 4`,
    path: '/tin-tuc/',
    how: 'Trang Tin tức, trang chủ và RSS',
    rhythm: 'month',
    maxAgeDays: 31,
    source: { type: article, date: 'publishedAt' },
  },
  {
    key: 'thong-bao',
    name: 'Thông báo, thông tin chỉ đạo, điều hành',
    legalBasis: `${LAW} điểm h; ${DECREE}, Điều 4`,
    path: '/thong-bao/',
    how: 'Trang Thông báo và hộp Thông báo ở cột phải mọi trang',
    rhythm: 'on-change',
    source: { type: announcement, date: 'publishedAt' },
  },
  {
    key: 'danh-muc-thong-tin',
    name: 'Danh mục thông tin phải công khai (nơi, cách thức, thời điểm công khai)',
    legalBasis: `${LAW} điểm g`,
    path: '/danh-muc-thong-tin-cong-khai/',
    how: 'Trang này, tạo tự động từ danh mục của hệ thống',
    rhythm: 'on-change',
    source: null,
  },
];

/** Đủ / quá hạn cập nhật / chưa có. */
export const COMPLIANCE_STATUS_LABELS = {
  ok: 'Đủ',
  overdue: 'Quá hạn cập nhật',
  missing: 'Chưa có',
} as const;
export type ComplianceStatus = keyof typeof COMPLIANCE_STATUS_LABELS;

/** What the CMS holds for an item: how many published entries, and the latest day among them. */
export interface ComplianceFacts {
  count: number;
  /** YYYY-MM-DD (Viet Nam), or null with no entry. */
  latest: string | null;
}

export interface ComplianceAssessment extends ComplianceFacts {
  key: string;
  name: string;
  status: ComplianceStatus;
  statusLabel: string;
  /** The last day the item counts as up to date (YYYY-MM-DD), for items with a rhythm. */
  dueBy: string | null;
}

/** Judges one item on `today` (YYYY-MM-DD, Viet Nam) from what the CMS holds. */
export function assess(item: ComplianceItem, facts: ComplianceFacts, today: string): ComplianceAssessment {
  const dueBy = facts.latest && item.maxAgeDays !== undefined ? addDays(facts.latest, item.maxAgeDays) : null;
  const status: ComplianceStatus = item.source === null ? 'ok' : facts.count === 0 || !facts.latest ? 'missing' : dueBy !== null && today > dueBy ? 'overdue' : 'ok';
  return { key: item.key, name: item.name, count: item.source === null ? 1 : facts.count, latest: facts.latest, status, statusLabel: COMPLIANCE_STATUS_LABELS[status], dueBy };
}

/** A stored value of the `date` field as a Viet Nam day: dates as they are, moments converted. */
export function dayOfValue(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const moment = new Date(value);
  return Number.isNaN(moment.getTime()) ? null : vietnamDayAt(moment);
}

/**
 * How the facts are read: the CMS's Document Service in the admin, the REST API with the build
 * token in the site build and `npm run compliance`. Both answer published entries only.
 */
export interface ComplianceReader {
  /** A single type's entry, or the portal's own entry (the portal type), or null. */
  single(type: ContentType): Promise<Record<string, unknown> | null>;
  /** How many published entries match, and the `date` field of the one with the latest `date`. */
  latest(type: ContentType, where: ComplianceSource['where'], date: string): Promise<{ count: number; value: unknown }>;
}

/** What the CMS holds for every item, read through `reader`; every view judges these the same way. */
export async function complianceFacts(reader: ComplianceReader, items: readonly ComplianceItem[] = COMPLIANCE_ITEMS): Promise<Map<string, ComplianceFacts>> {
  const facts = new Map<string, ComplianceFacts>();
  for (const item of items) {
    const source = item.source;
    if (!source) {
      facts.set(item.key, { count: 1, latest: null });
    } else if (source.type.kind === 'singleType' || source.type.uid === portal.uid) {
      const entry = await reader.single(source.type);
      const value = entry && source.present ? entry[source.present] : entry;
      const filled = typeof value === 'string' ? value.trim() !== '' : value !== null && value !== undefined;
      facts.set(item.key, entry && filled ? { count: 1, latest: dayOfValue(entry[source.date]) } : { count: 0, latest: null });
    } else {
      const { count, value } = await reader.latest(source.type, source.where, source.date);
      facts.set(item.key, { count, latest: count > 0 ? dayOfValue(value) : null });
    }
  }
  return facts;
}

/** The reader over the REST API (a build token: published content only). */
export function restComplianceReader(client: CmsClient, portalCode?: string): ComplianceReader {
  return {
    async single(type) {
      if (type.kind === 'singleType') return (await client.getSingle(type.singularName)) as Record<string, unknown> | null;
      // The portal's own entry: the one named, else the oldest the token reads.
      const params = new URLSearchParams({ sort: 'id:asc', 'pagination[page]': '1', 'pagination[pageSize]': '1' });
      if (portalCode) params.set('filters[slug][$eq]', portalCode);
      const body = (await client.getJson(`/api/${type.pluralName}?${params}`)) as { data?: Array<Record<string, unknown>> };
      return body.data?.[0] ?? null;
    },
    async latest(type, where, date) {
      const params = new URLSearchParams({ sort: `${date}:desc`, 'pagination[page]': '1', 'pagination[pageSize]': '1', 'fields[0]': date });
      where?.in.forEach((value, i) => params.set(`filters[${where.field}][$in][${i}]`, String(value)));
      const body = (await client.getJson(`/api/${type.pluralName}?${params}`)) as { data?: Array<Record<string, unknown>>; meta?: { pagination?: { total?: number } } };
      return { count: body.meta?.pagination?.total ?? body.data?.length ?? 0, value: body.data?.[0]?.[date] };
    },
  };
}


/** One line of the report: the item as the law names it, and how it stands. */
export interface ComplianceRow extends ComplianceAssessment {
  legalBasis: string;
  path: string;
  how: string;
  rhythm: Rhythm;
  rhythmLabel: string;
  /** Where an editor brings it up to date in the admin (under /admin), or null when nothing to edit. */
  adminPath: string | null;
  /** The latest information in words: "20/11/2026", "Tuần từ 30/11/2026", "Tháng 11/2026", or "—". */
  latestText: string;
}

const dmy = (day: string) => day.split('-').reverse().join('/');

/** A day as the report writes it: "20/11/2026"; "—" for none. */
export const formatReportDay = (day: string | null): string => (day ? dmy(day) : '—');

/** The latest information of an item in words, by what its date stands for. */
export function latestText(latest: string | null, dateKind?: 'week' | 'month'): string {
  if (!latest) return '—';
  if (dateKind === 'week') return `Tuần từ ${dmy(latest)}`;
  if (dateKind === 'month') return `Tháng ${latest.slice(5, 7)}/${latest.slice(0, 4)}`;
  return dmy(latest);
}

/** The admin's content-manager address of a type's list (or its single entry). */
export function adminPathOf(type: ContentType): string {
  return `/admin/content-manager/${type.kind === 'singleType' ? 'single-types' : 'collection-types'}/${type.uid}`;
}

/** The report on `today`, item by item, in the catalogue's order. */
export function complianceReport(facts: Map<string, ComplianceFacts>, today: string, items: readonly ComplianceItem[] = COMPLIANCE_ITEMS): ComplianceRow[] {
  return items.map((item) => ({
    ...assess(item, facts.get(item.key) ?? { count: 0, latest: null }, today),
    legalBasis: item.legalBasis,
    path: item.path,
    how: item.how,
    rhythm: item.rhythm,
    rhythmLabel: RHYTHM_LABELS[item.rhythm],
    adminPath: item.source ? adminPathOf(item.source.type) : null,
    latestText: latestText((facts.get(item.key) ?? { latest: null }).latest, item.source?.dateKind),
  }));
}

/** How many items stand in each state. */
export function complianceSummary(rows: readonly ComplianceAssessment[]): Record<ComplianceStatus, number> {
  const summary: Record<ComplianceStatus, number> = { ok: 0, overdue: 0, missing: 0 };
  for (const row of rows) summary[row.status] += 1;
  return summary;
}

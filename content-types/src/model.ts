import { z } from 'zod';
import { defineType, type FieldProblem } from './define';
import { isDay, isoWeekday, addDays } from './calendar';
import {
  boolean, date, datetime, decimal, defineComponent, email, enumeration, href, integer, longText, manyToOne,
  markdown, media, repeatable, slug, text, url,
} from './fields';

/** Hẹn giờ đăng / Hẹn giờ gỡ: acted on by the CMS's scheduling task (cms/src/lib/scheduler.ts). */
function scheduleFields() {
  return {
    publishAt: datetime({
      label: 'Hẹn giờ đăng',
      description: 'Lưu bản nháp (không bấm Đăng): hệ thống tự đăng vào thời điểm này. Để trống để đăng bằng tay.',
    }),
    unpublishAt: datetime({
      label: 'Hẹn giờ gỡ',
      description: 'Hệ thống tự gỡ bài khỏi cổng vào thời điểm này. Để trống nếu không gỡ.',
    }),
  };
}

/** A menu entry of the main navigation. */
export const menuItem = defineComponent({
  category: 'navigation',
  name: 'menu-item',
  displayName: 'Mục menu',
  mainField: 'label',
  attributes: {
    label: text({ label: 'Tên mục', required: true, maxLength: 60 }),
    url: href({ label: 'Đường dẫn', required: true, description: 'Đường dẫn trong cổng (bắt đầu bằng /) hoặc địa chỉ http(s)://' }),
  },
});

/** Chuyên mục: groups news articles. */
export const category = defineType({
  kind: 'collectionType',
  singularName: 'category',
  pluralName: 'categories',
  displayName: 'Chuyên mục',
  description: 'Nhóm tin tức theo lĩnh vực, ví dụ: Tin hoạt động, Cải cách hành chính.',
  draftAndPublish: false,
  mainField: 'name',
  defaultSort: { field: 'order', order: 'ASC' },
  listFields: ['name', 'slug', 'order'],
  attributes: {
    name: text({ label: 'Tên chuyên mục', required: true, maxLength: 120 }),
    slug: slug({ label: 'Đường dẫn (slug)', targetField: 'name', description: 'Để trống: hệ thống tự tạo từ tên chuyên mục.' }),
    description: longText({ label: 'Mô tả', maxLength: 1000 }),
    order: integer({ label: 'Thứ tự hiển thị', min: 0, default: 0, description: 'Số nhỏ hiển thị trước.' }),
  },
});

/** Tin tức: a news article. */
export const article = defineType({
  kind: 'collectionType',
  singularName: 'article',
  pluralName: 'articles',
  displayName: 'Tin tức',
  description: 'Bài viết tin tức, sự kiện của cơ quan.',
  draftAndPublish: true,
  mainField: 'title',
  defaultSort: { field: 'updatedAt', order: 'DESC' },
  listFields: ['title', 'category', 'featured', 'updatedAt'],
  attributes: {
    title: text({ label: 'Tiêu đề', required: true, maxLength: 255 }),
    slug: slug({
      label: 'Đường dẫn (slug)',
      targetField: 'title',
      description: 'Hệ thống tự tạo từ tiêu đề và giữ nguyên sau khi đăng.',
    }),
    summary: longText({ label: 'Tóm tắt', maxLength: 600, description: 'Một đến ba câu, hiện trong danh sách tin và khi chia sẻ.' }),
    body: markdown({ label: 'Nội dung', required: true }),
    cover: media({ label: 'Ảnh đại diện', multiple: false, allowedTypes: ['images'], describedImages: true }),
    coverAlt: text({
      label: 'Mô tả ảnh đại diện',
      maxLength: 255,
      description: 'Mô tả ngắn nội dung ảnh cho người khiếm thị.',
    }),
    category: manyToOne({
      label: 'Chuyên mục',
      target: 'category',
      fields: { name: z.string(), slug: z.string() },
    }),
    tags: text({ label: 'Từ khóa', maxLength: 255, description: 'Phân cách bằng dấu phẩy, ví dụ: chuyển đổi số, nông thôn mới.' }),
    author: text({ label: 'Tác giả / Nguồn', maxLength: 120 }),
    featured: boolean({ label: 'Tin nổi bật', default: false, description: 'Hiện ở khu vực tin nổi bật trên trang chủ.' }),
    shareWithParent: boolean({
      label: 'Chia sẻ lên cổng cấp trên',
      default: false,
      description: 'Tin hiện ở mục “Tin từ cơ sở” của cổng cấp trên (cổng tỉnh), dẫn về trang tin của cổng này.',
    }),
    ...scheduleFields(),
  },
});

/** Thông báo: an official announcement. */
export const announcement = defineType({
  kind: 'collectionType',
  singularName: 'announcement',
  pluralName: 'announcements',
  displayName: 'Thông báo',
  description: 'Thông báo chính thức của cơ quan, có thể kèm tệp đính kèm.',
  draftAndPublish: true,
  mainField: 'title',
  defaultSort: { field: 'updatedAt', order: 'DESC' },
  listFields: ['title', 'issuingUnit', 'pinned', 'validUntil'],
  attributes: {
    title: text({ label: 'Tiêu đề', required: true, maxLength: 255 }),
    slug: slug({
      label: 'Đường dẫn (slug)',
      targetField: 'title',
      description: 'Hệ thống tự tạo từ tiêu đề và giữ nguyên sau khi đăng.',
    }),
    body: markdown({ label: 'Nội dung', required: true }),
    issuingUnit: text({ label: 'Đơn vị ban hành', maxLength: 160 }),
    attachments: media({ label: 'Tệp đính kèm', multiple: true, allowedTypes: ['files', 'images'] }),
    pinned: boolean({ label: 'Ghim lên đầu', default: false }),
    validUntil: date({ label: 'Hiệu lực đến ngày', description: 'Để trống nếu thông báo không hết hạn.' }),
    ...scheduleFields(),
  },
});

/** Nhóm liên kết: where a linked site belongs. */
export const LINK_GROUPS = ['Trung ương', 'Tỉnh, thành phố', 'Sở, ban, ngành', 'Xã, phường', 'Khác'] as const;

/** Liên kết website: a link to another agency's site. */
export const link = defineType({
  kind: 'collectionType',
  singularName: 'link',
  pluralName: 'links',
  displayName: 'Liên kết website',
  description: 'Liên kết tới cổng thông tin của các cơ quan khác.',
  draftAndPublish: true,
  mainField: 'title',
  defaultSort: { field: 'order', order: 'ASC' },
  listFields: ['title', 'url', 'group', 'order'],
  attributes: {
    title: text({ label: 'Tên website', required: true, maxLength: 160 }),
    url: url({ label: 'Địa chỉ (URL)', required: true, placeholder: 'https://', description: 'Chỉ nhận địa chỉ bắt đầu bằng http:// hoặc https://' }),
    group: enumeration({ label: 'Nhóm', required: true, values: LINK_GROUPS, default: 'Khác' }),
    order: integer({ label: 'Thứ tự hiển thị', min: 0, default: 0 }),
  },
});

/** Trang tĩnh: Giới thiệu, Cơ cấu tổ chức, Liên hệ, … */
export const page = defineType({
  kind: 'collectionType',
  singularName: 'page',
  pluralName: 'pages',
  displayName: 'Trang tĩnh',
  description: 'Trang nội dung cố định như Giới thiệu, Cơ cấu tổ chức, Liên hệ.',
  draftAndPublish: true,
  mainField: 'title',
  defaultSort: { field: 'title', order: 'ASC' },
  listFields: ['title', 'slug', 'updatedAt'],
  attributes: {
    title: text({ label: 'Tiêu đề', required: true, maxLength: 160 }),
    slug: slug({ label: 'Đường dẫn (slug)', targetField: 'title', description: 'Để trống: hệ thống tự tạo từ tiêu đề.' }),
    body: markdown({ label: 'Nội dung', required: true }),
  },
});

/** What "Cấu hình cổng" held, and each portal now holds: the agency shown at the top and bottom of every page. */
const agencySettings = {
  agencyName: text({ label: 'Tên cơ quan', required: true, maxLength: 160, placeholder: 'Ủy ban nhân dân xã …' }),
  province: text({ label: 'Tỉnh, thành phố', maxLength: 120 }),
  address: text({ label: 'Địa chỉ', maxLength: 255 }),
  phone: text({ label: 'Điện thoại', maxLength: 40 }),
  hotline: text({ label: 'Đường dây nóng', maxLength: 40 }),
  email: email({ label: 'Thư điện tử' }),
  emblem: media({
    label: 'Biểu trưng',
    multiple: false,
    allowedTypes: ['images'],
    description: 'Ảnh vuông (PNG, JPEG hoặc SVG), nên từ 512×512 điểm ảnh: hiện ở đầu trang, trên thẻ trình duyệt và màn hình điện thoại. Để trống thì dùng biểu trưng mặc định.',
  }),
  footerText: longText({ label: 'Chân trang', maxLength: 1000, description: 'Ví dụ: người chịu trách nhiệm, giấy phép.' }),
  agencyNameEn: text({ label: 'Tên cơ quan (tiếng Anh)', maxLength: 160, placeholder: 'People’s Committee of … Commune', description: 'Hiện trên các trang tiếng Anh (Introduction, Organization, Contacts).' }),
  addressEn: text({ label: 'Địa chỉ (tiếng Anh)', maxLength: 255 }),
  introductionEn: markdown({ label: 'Giới thiệu (tiếng Anh)', description: 'Nội dung trang Introduction bằng tiếng Anh. Để trống: trang ghi rõ là chưa có bản dịch.' }),
  openDataLicence: longText({
    label: 'Giấy phép dữ liệu mở',
    maxLength: 500,
    description: 'Hiện trên trang Dữ liệu mở. Để trống: Giấy phép Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0).',
  }),
  documentExchangeUrl: url({
    label: 'Địa chỉ hệ thống gửi nhận văn bản',
    placeholder: 'https://',
    description: 'Hiện thành mục “Gửi nhận văn bản” trong hộp Dịch vụ công. Để trống thì không hiện.',
  }),
  mapImage: media({
    label: 'Bản đồ hành chính (ảnh)',
    multiple: false,
    allowedTypes: ['images'],
    description: 'Ảnh bản đồ hành chính hiện trên trang Bản đồ. Nhập “Mô tả” (alternative text) cho ảnh trong thư viện ảnh.',
  }),
  mapTileUrl: url({
    label: 'Địa chỉ lớp bản đồ nền (tùy chọn)',
    placeholder: 'https://…/{z}/{x}/{y}.png',
    description: 'Chỉ điền khi cơ quan có máy chủ bản đồ nền: trang Bản đồ khi đó có thêm bản đồ tương tác. Để trống thì trang không tải gì từ máy chủ bên ngoài.',
  }),
  mapAttribution: text({ label: 'Ghi nguồn lớp bản đồ nền', maxLength: 255, placeholder: '© …' }),
  mainMenu: repeatable({ label: 'Menu chính', component: menuItem, max: 12 }),
  serviceLinks: repeatable({
    label: 'Hộp "Dịch vụ công" ở cột phải',
    component: menuItem,
    max: 8,
    description: 'Ví dụ: Công khai minh bạch thông tin, Tình hình giải quyết hồ sơ, Gửi nhận văn bản, Bản đồ.',
  }),
};

/** The levels a portal can be at (local government since 1 July 2025: province and commune; departments of a province). */
export const PORTAL_LEVELS = ['Tỉnh, thành phố', 'Sở, ban, ngành', 'Xã, phường, đặc khu'] as const;

/**
 * Cổng: one portal of the install (a province, a department, a commune). Every other entry belongs
 * to exactly one portal; its editors see only their portals' entries; each portal is built,
 * published and served on its own (by host name). A single-portal install has one, made on start.
 */
export const portal = defineType({
  kind: 'collectionType',
  singularName: 'portal',
  pluralName: 'portals',
  displayName: 'Cổng',
  description: 'Các cổng thông tin của hệ thống (tỉnh, sở ngành, xã phường) và thông tin cơ quan hiện ở đầu và cuối mọi trang của từng cổng.',
  draftAndPublish: false,
  ownedByPortal: false,
  mainField: 'agencyName',
  defaultSort: { field: 'createdAt', order: 'ASC' },
  listFields: ['agencyName', 'level', 'domains', 'enabled'],
  attributes: {
    ...agencySettings,
    slug: slug({
      label: 'Mã cổng',
      targetField: 'agencyName',
      description: 'Tên ngắn, không dấu, dùng trong thư mục bản dựng và dữ liệu thống kê (ví dụ: tan-hoa). Không đổi sau khi tạo.',
    }),
    level: enumeration({ label: 'Cấp', values: PORTAL_LEVELS, required: true, default: 'Xã, phường, đặc khu' }),
    parent: manyToOne({
      label: 'Cổng cấp trên',
      target: 'portal',
      fields: { slug: z.string(), agencyName: z.string() },
      description: 'Cổng tỉnh của một xã, phường hoặc sở: tin được chia sẻ hiện ở mục “Tin từ cơ sở” của cổng này.',
    }),
    domains: longText({
      label: 'Tên miền',
      maxLength: 1000,
      description: 'Mỗi dòng một tên miền của cổng, tên đầu tiên là địa chỉ chính (ví dụ: tanhoa.lamgiang.gov.vn).',
    }),
    enabled: boolean({ label: 'Đang hoạt động', default: true, description: 'Tắt: cổng không được dựng lại và không phục vụ bạn đọc; nội dung được giữ nguyên.' }),
  },
});

/**
 * Cấu hình cổng, the settings of a one-portal install before portals were data (issue 14). Kept,
 * hidden, so an upgrade copies it into the first portal (cms/src/bootstrap/portals.ts) and never
 * loses it; nothing reads it after that.
 */
export const siteSetting = defineType({
  kind: 'singleType',
  singularName: 'site-setting',
  pluralName: 'site-settings',
  displayName: 'Cấu hình cổng (cũ)',
  description: 'Cấu hình trước khi có nhiều cổng; đã chuyển sang mục Cổng.',
  draftAndPublish: false,
  ownedByPortal: false,
  hidden: true,
  mainField: 'agencyName',
  defaultSort: { field: 'agencyName', order: 'ASC' },
  listFields: ['agencyName'],
  attributes: agencySettings,
});

/**
 * Bình luận: a reader's comment on an article, sent from the public server. Always created as a
 * draft ("chờ duyệt"); an editor approves it by publishing, and the rebuild shows it.
 */
export const comment = defineType({
  kind: 'collectionType',
  singularName: 'comment',
  pluralName: 'comments',
  displayName: 'Bình luận',
  description: 'Bình luận của bạn đọc. Bình luận mới ở trạng thái chờ duyệt (bản nháp); bấm “Đăng” để duyệt và hiện trên cổng, xóa nếu không phù hợp.',
  draftAndPublish: true,
  review: false,
  mainField: 'name',
  defaultSort: { field: 'createdAt', order: 'DESC' },
  listFields: ['name', 'content', 'article', 'createdAt'],
  attributes: {
    article: manyToOne({
      label: 'Bài viết',
      target: 'article',
      fields: { slug: z.string(), title: z.string() },
    }),
    name: text({ label: 'Họ và tên', required: true, maxLength: 80 }),
    email: email({ label: 'Thư điện tử (không hiển thị công khai)', private: true }),
    content: longText({ label: 'Nội dung bình luận', required: true, maxLength: 2000 }),
  },
});

/** A problem with a date range: `later` must not be before `earlier` (both YYYY-MM-DD, either may be empty). */
function dateOrder(earlier: string, later: string, message: string) {
  return (entry: Record<string, unknown>): FieldProblem | null => {
    const a = entry[earlier];
    const b = entry[later];
    return typeof a === 'string' && typeof b === 'string' && a !== '' && b !== '' && b < a ? { path: later, message } : null;
  };
}

/** Loại văn bản: Nghị quyết, Quyết định, … (the agency adds its own). */
export const documentKind = defineType({
  kind: 'collectionType',
  singularName: 'document-kind',
  pluralName: 'document-kinds',
  displayName: 'Loại văn bản',
  description: 'Danh mục loại văn bản (Nghị quyết, Quyết định, Kế hoạch, …); cơ quan có thể thêm loại mới.',
  draftAndPublish: false,
  mainField: 'name',
  defaultSort: { field: 'order', order: 'ASC' },
  listFields: ['name', 'slug', 'order'],
  attributes: {
    name: text({ label: 'Tên loại văn bản', required: true, maxLength: 80 }),
    slug: slug({ label: 'Đường dẫn (slug)', targetField: 'name', description: 'Để trống: hệ thống tự tạo từ tên.' }),
    order: integer({ label: 'Thứ tự hiển thị', min: 0, default: 0, description: 'Số nhỏ hiển thị trước.' }),
  },
});

/** Lĩnh vực: the field of work a document, a procedure or a question belongs to. */
export const sector = defineType({
  kind: 'collectionType',
  singularName: 'sector',
  pluralName: 'sectors',
  displayName: 'Lĩnh vực',
  description: 'Lĩnh vực quản lý (Đất đai, Xây dựng, Tư pháp – Hộ tịch, …) để phân loại văn bản, thủ tục hành chính và câu hỏi.',
  draftAndPublish: false,
  mainField: 'name',
  defaultSort: { field: 'order', order: 'ASC' },
  listFields: ['name', 'slug', 'order'],
  attributes: {
    name: text({ label: 'Tên lĩnh vực', required: true, maxLength: 120 }),
    slug: slug({ label: 'Đường dẫn (slug)', targetField: 'name', description: 'Để trống: hệ thống tự tạo từ tên.' }),
    order: integer({ label: 'Thứ tự hiển thị', min: 0, default: 0, description: 'Số nhỏ hiển thị trước.' }),
  },
});

/** How one document relates to another, read from the side that states it. */
export const DOCUMENT_RELATIONS = ['Thay thế', 'Sửa đổi', 'Bổ sung', 'Căn cứ'] as const;

/** A document named by another: "this document <kind> <document>". */
export const documentRelation = defineComponent({
  category: 'documents',
  name: 'relation',
  displayName: 'Văn bản liên quan',
  mainField: 'kind',
  attributes: {
    kind: enumeration({ label: 'Quan hệ', required: true, values: DOCUMENT_RELATIONS, default: 'Căn cứ', description: 'Văn bản này thay thế / sửa đổi / bổ sung văn bản được chọn, hoặc ban hành căn cứ vào văn bản đó.' }),
    document: manyToOne({ label: 'Văn bản', target: 'legal-document', fields: { number: z.string(), slug: z.string() } }),
  },
});

/**
 * Tình trạng hiệu lực an editor may set; left empty, the site computes it from the dates.
 * (The field is `validity`: Strapi reserves `status` on draft & publish types.)
 */
export const DOCUMENT_STATUSES = ['Còn hiệu lực', 'Chưa có hiệu lực', 'Hết hiệu lực một phần', 'Hết hiệu lực toàn bộ'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Văn bản: a legal or administrative document the agency publishes. */
export const legalDocument = defineType({
  kind: 'collectionType',
  singularName: 'legal-document',
  pluralName: 'legal-documents',
  displayName: 'Văn bản',
  description: 'Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành, kèm tệp toàn văn.',
  draftAndPublish: true,
  mainField: 'number',
  defaultSort: { field: 'issuedOn', order: 'DESC' },
  listFields: ['number', 'kind', 'issuedOn', 'abstract'],
  attributes: {
    number: text({ label: 'Số/Ký hiệu', required: true, unique: true, maxLength: 80, placeholder: '15/2026/QĐ-UBND' }),
    slug: slug({ label: 'Đường dẫn (slug)', targetField: 'number', description: 'Hệ thống tự tạo từ số/ký hiệu và giữ nguyên sau khi đăng.' }),
    abstract: longText({ label: 'Trích yếu', required: true, maxLength: 1000, description: 'Trích yếu nội dung như trên văn bản.' }),
    kind: manyToOne({ label: 'Loại văn bản', required: true, target: 'document-kind', fields: { name: z.string(), slug: z.string() } }),
    sector: manyToOne({ label: 'Lĩnh vực', target: 'sector', fields: { name: z.string(), slug: z.string() } }),
    issuer: text({ label: 'Cơ quan ban hành', required: true, maxLength: 160, placeholder: 'Ủy ban nhân dân xã …' }),
    signer: text({ label: 'Người ký', maxLength: 120, description: 'Họ tên và chức vụ, ví dụ: Chủ tịch Nguyễn Văn A.' }),
    issuedOn: date({ label: 'Ngày ban hành', required: true }),
    effectiveFrom: date({ label: 'Ngày có hiệu lực', description: 'Để trống: có hiệu lực từ ngày ban hành.' }),
    effectiveUntil: date({ label: 'Ngày hết hiệu lực', description: 'Để trống nếu văn bản không quy định thời hạn.' }),
    validity: enumeration({
      label: 'Tình trạng hiệu lực',
      values: DOCUMENT_STATUSES,
      description: 'Để trống: hệ thống tính từ ngày có hiệu lực và ngày hết hiệu lực. Chọn khi văn bản hết hiệu lực một phần hoặc bị bãi bỏ trước hạn.',
    }),
    files: media({ label: 'Tệp toàn văn', multiple: true, allowedTypes: ['files'], description: 'PDF, DOC/DOCX hoặc XLS/XLSX.' }),
    related: repeatable({ label: 'Văn bản liên quan', component: documentRelation, max: 30 }),
  },
  checks: [
    dateOrder('issuedOn', 'effectiveUntil', 'Ngày hết hiệu lực không được trước ngày ban hành.'),
    dateOrder('effectiveFrom', 'effectiveUntil', 'Ngày hết hiệu lực không được trước ngày có hiệu lực.'),
  ],
});

/** Kinds of units in the organisation. */
export const UNIT_KINDS = ['Lãnh đạo', 'Phòng, ban chuyên môn', 'Thôn, tổ dân phố', 'Đơn vị trực thuộc', 'Khác'] as const;

/** Đơn vị: a unit of the agency's organisation (phòng, ban, thôn, …), in a hierarchy. */
export const unit = defineType({
  kind: 'collectionType',
  singularName: 'unit',
  pluralName: 'units',
  displayName: 'Cơ cấu tổ chức',
  description: 'Các đơn vị của cơ quan (lãnh đạo, phòng, ban, thôn, tổ dân phố, đơn vị trực thuộc) với chức năng, nhiệm vụ và liên hệ.',
  draftAndPublish: true,
  mainField: 'name',
  defaultSort: { field: 'order', order: 'ASC' },
  listFields: ['name', 'kind', 'parent', 'order'],
  attributes: {
    name: text({ label: 'Tên đơn vị', required: true, maxLength: 160 }),
    slug: slug({ label: 'Đường dẫn (slug)', targetField: 'name', description: 'Hệ thống tự tạo từ tên đơn vị.' }),
    kind: enumeration({ label: 'Loại đơn vị', required: true, values: UNIT_KINDS, default: 'Phòng, ban chuyên môn' }),
    parent: manyToOne({ label: 'Trực thuộc', target: 'unit', fields: { name: z.string(), slug: z.string() }, description: 'Đơn vị cấp trên; để trống với đơn vị cấp cao nhất.' }),
    functions: markdown({ label: 'Chức năng, nhiệm vụ' }),
    address: text({ label: 'Địa chỉ', maxLength: 255 }),
    phone: text({ label: 'Điện thoại', maxLength: 40 }),
    email: email({ label: 'Thư điện tử' }),
    nameEn: text({ label: 'Tên đơn vị (tiếng Anh)', maxLength: 160 }),
    functionsEn: markdown({ label: 'Chức năng, nhiệm vụ (tiếng Anh)' }),
    order: integer({ label: 'Thứ tự hiển thị', min: 0, default: 0, description: 'Số nhỏ hiển thị trước.' }),
  },
});

/** Cán bộ: an official of the agency, listed in the organisation and the contacts directory. */
export const official = defineType({
  kind: 'collectionType',
  singularName: 'official',
  pluralName: 'officials',
  displayName: 'Cán bộ, công chức',
  description: 'Lãnh đạo, cán bộ, công chức: chức vụ, đơn vị và thông tin liên hệ công vụ hiện trong danh bạ.',
  draftAndPublish: true,
  mainField: 'name',
  defaultSort: { field: 'order', order: 'ASC' },
  listFields: ['name', 'position', 'unit', 'order'],
  attributes: {
    name: text({ label: 'Họ và tên', required: true, maxLength: 120 }),
    slug: slug({ label: 'Đường dẫn (slug)', targetField: 'name', description: 'Hệ thống tự tạo từ họ và tên.' }),
    position: text({ label: 'Chức vụ', required: true, maxLength: 160 }),
    unit: manyToOne({ label: 'Đơn vị', target: 'unit', fields: { name: z.string(), slug: z.string() } }),
    phone: text({ label: 'Điện thoại', maxLength: 40 }),
    email: email({ label: 'Thư điện tử công vụ' }),
    photo: media({ label: 'Ảnh', multiple: false, allowedTypes: ['images'] }),
    bio: longText({ label: 'Tóm tắt tiểu sử', maxLength: 2000 }),
    focalPoint: boolean({
      label: 'Đầu mối cung cấp thông tin',
      default: false,
      description: 'Người làm đầu mối tiếp nhận yêu cầu cung cấp thông tin (Luật Tiếp cận thông tin).',
    }),
    positionEn: text({ label: 'Chức vụ (tiếng Anh)', maxLength: 160 }),
    bioEn: longText({ label: 'Tóm tắt tiểu sử (tiếng Anh)', maxLength: 2000 }),
    order: integer({ label: 'Thứ tự hiển thị', min: 0, default: 0, description: 'Số nhỏ hiển thị trước.' }),
  },
});

/** One line of the work schedule. */
export const scheduleItem = defineComponent({
  category: 'schedule',
  name: 'item',
  displayName: 'Mục lịch',
  mainField: 'content',
  attributes: {
    day: date({ label: 'Ngày', required: true }),
    time: text({ label: 'Giờ', maxLength: 20, placeholder: '07:30' }),
    content: longText({ label: 'Nội dung', required: true, maxLength: 1000 }),
    chair: text({ label: 'Chủ trì', maxLength: 160 }),
    participants: longText({ label: 'Thành phần', maxLength: 1000 }),
    location: text({ label: 'Địa điểm', maxLength: 255 }),
    note: text({ label: 'Ghi chú', maxLength: 255 }),
  },
});

/** Lịch công tác: the leaders' schedule for one ISO week, entered as one list. */
export const workWeek = defineType({
  kind: 'collectionType',
  singularName: 'work-week',
  pluralName: 'work-weeks',
  displayName: 'Lịch công tác',
  description: 'Lịch công tác tuần của lãnh đạo: mỗi tuần một mục, nhập các việc của cả tuần trong một biểu mẫu.',
  draftAndPublish: true,
  mainField: 'title',
  defaultSort: { field: 'weekOf', order: 'DESC' },
  listFields: ['title', 'weekOf', 'updatedAt'],
  attributes: {
    title: text({ label: 'Tiêu đề', required: true, maxLength: 160, placeholder: 'Lịch công tác tuần 49 năm 2026' }),
    weekOf: date({ label: 'Tuần bắt đầu từ ngày (thứ Hai)', required: true, unique: true, description: 'Mỗi tuần một lịch: thứ Hai của tuần.' }),
    items: repeatable({ label: 'Các mục lịch', component: scheduleItem, max: 200 }),
    paste: longText({
      label: 'Dán lịch từ bảng',
      maxLength: 20000,
      description:
        'Cách nhập nhanh: chép các dòng của bảng lịch trong Excel hoặc Word (cột Ngày, Giờ, Nội dung, Chủ trì, Thành phần, Địa điểm, Ghi chú) và dán vào đây. Ngày ghi như 01/12/2026 hoặc Thứ Ba; để trống thì lấy ngày của dòng trên. Khi lưu, các dòng được thêm vào “Các mục lịch” và ô này được xóa.',
    }),
    note: longText({ label: 'Ghi chú chung', maxLength: 1000 }),
  },
  checks: [
    (entry) => {
      const monday = entry.weekOf;
      return typeof monday === 'string' && isDay(monday) && isoWeekday(monday) !== 1
        ? { path: 'weekOf', message: 'Ngày bắt đầu tuần phải là thứ Hai.' }
        : null;
    },
    (entry) => {
      const monday = entry.weekOf;
      if (typeof monday !== 'string' || !isDay(monday) || !Array.isArray(entry.items)) return null;
      const sunday = addDays(monday, 6);
      const outside = (entry.items as Array<Record<string, unknown>>).findIndex((i) => typeof i?.day === 'string' && (i.day < monday || i.day > sunday));
      return outside >= 0 ? { path: 'items', message: `Mục lịch thứ ${outside + 1}: ngày không thuộc tuần từ ${monday.split('-').reverse().join('/')} đến ${sunday.split('-').reverse().join('/')}.` } : null;
    },
  ],
});

/** Kinds of disclosure (công khai) the law and the budget rules ask an agency to publish. */
export const DISCLOSURE_KINDS = [
  'Dự toán ngân sách',
  'Quyết toán ngân sách',
  'Báo cáo thực hiện ngân sách',
  'Đầu tư công',
  'Mua sắm công',
  'Quy hoạch',
  'Kế hoạch',
  'Chiến lược, chương trình',
  'Báo cáo tài chính',
  'Thống kê',
  'Khác',
] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

/** The period a disclosure covers within its year. */
// Strapi refuses an enumeration value with a digit before any letter: "Sáu tháng", not "6 tháng".
export const DISCLOSURE_PERIODS = ['Cả năm', 'Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Sáu tháng đầu năm', 'Chín tháng'] as const;

/** Công khai minh bạch: a budget, investment, procurement, planning or statistical disclosure. */
export const disclosure = defineType({
  kind: 'collectionType',
  singularName: 'disclosure',
  pluralName: 'disclosures',
  displayName: 'Công khai minh bạch',
  description: 'Công khai ngân sách (dự toán, quyết toán, báo cáo thực hiện), đầu tư công, mua sắm công, quy hoạch, kế hoạch, báo cáo tài chính, thống kê.',
  draftAndPublish: true,
  mainField: 'title',
  defaultSort: { field: 'publishedOn', order: 'DESC' },
  listFields: ['title', 'kind', 'year', 'period', 'publishedOn'],
  attributes: {
    title: text({ label: 'Tiêu đề', required: true, maxLength: 255, placeholder: 'Công khai dự toán ngân sách xã năm 2027' }),
    slug: slug({ label: 'Đường dẫn (slug)', targetField: 'title', description: 'Hệ thống tự tạo từ tiêu đề và giữ nguyên sau khi đăng.' }),
    kind: enumeration({ label: 'Loại công khai', required: true, values: DISCLOSURE_KINDS, default: 'Khác' }),
    year: integer({ label: 'Năm', required: true, min: 2000, max: 2100, description: 'Năm ngân sách hoặc năm của số liệu.' }),
    period: enumeration({ label: 'Kỳ báo cáo', values: DISCLOSURE_PERIODS, description: 'Với báo cáo thực hiện ngân sách: quý, sáu tháng, chín tháng hoặc cả năm.' }),
    publishedOn: date({ label: 'Ngày công khai', required: true, description: 'Ngày quyết định hoặc văn bản công khai được ký.' }),
    summary: longText({ label: 'Tóm tắt', maxLength: 1000 }),
    body: markdown({ label: 'Nội dung' }),
    files: media({ label: 'Tệp đính kèm', multiple: true, allowedTypes: ['files', 'images'], description: 'Quyết định công khai, biểu mẫu số liệu (PDF, DOC/DOCX, XLS/XLSX).' }),
  },
});

/** How much of a procedure can be done online (Nghị định 42/2022/NĐ-CP). */
export const ONLINE_LEVELS = ['Toàn trình', 'Một phần', 'Cung cấp thông tin'] as const;

/** Thủ tục hành chính: a procedure the agency handles. */
export const procedure = defineType({
  kind: 'collectionType',
  singularName: 'procedure',
  pluralName: 'procedures',
  displayName: 'Thủ tục hành chính',
  description: 'Thủ tục hành chính cơ quan giải quyết, với mã trên Cổng Dịch vụ công quốc gia. Nhập cả danh sách từ tệp CSV ở trang “Nhập từ tệp CSV”.',
  draftAndPublish: true,
  mainField: 'name',
  defaultSort: { field: 'name', order: 'ASC' },
  listFields: ['name', 'code', 'sector', 'onlineLevel'],
  attributes: {
    name: text({ label: 'Tên thủ tục', required: true, maxLength: 255 }),
    slug: slug({ label: 'Đường dẫn (slug)', targetField: 'name', description: 'Hệ thống tự tạo từ tên thủ tục.' }),
    code: text({ label: 'Mã thủ tục', unique: true, maxLength: 40, placeholder: '1.001234', description: 'Mã của thủ tục trên Cổng Dịch vụ công quốc gia.' }),
    sector: manyToOne({ label: 'Lĩnh vực', target: 'sector', fields: { name: z.string(), slug: z.string() } }),
    agency: text({ label: 'Cơ quan thực hiện', required: true, maxLength: 255, placeholder: 'Ủy ban nhân dân xã …' }),
    onlineLevel: enumeration({ label: 'Mức độ trực tuyến', required: true, values: ONLINE_LEVELS, default: 'Cung cấp thông tin' }),
    duration: text({ label: 'Thời hạn giải quyết', maxLength: 255, placeholder: '05 ngày làm việc' }),
    fee: text({ label: 'Phí, lệ phí', maxLength: 255, placeholder: 'Không' }),
    serviceUrl: url({ label: 'Nộp hồ sơ trực tuyến (địa chỉ)', placeholder: 'https://', description: 'Trang của thủ tục trên Cổng Dịch vụ công.' }),
    body: markdown({ label: 'Trình tự, thành phần hồ sơ, yêu cầu' }),
  },
});

/** Tình hình giải quyết hồ sơ: the agency's dossier figures for one month. */
export const dossierReport = defineType({
  kind: 'collectionType',
  singularName: 'dossier-report',
  pluralName: 'dossier-reports',
  displayName: 'Tình hình giải quyết hồ sơ',
  description: 'Số liệu giải quyết hồ sơ thủ tục hành chính theo tháng. Tỷ lệ đúng hạn do hệ thống tính. Nhập nhiều tháng từ tệp CSV ở trang “Nhập từ tệp CSV”.',
  draftAndPublish: true,
  mainField: 'month',
  defaultSort: { field: 'month', order: 'DESC' },
  listFields: ['month', 'received', 'onTime', 'late', 'pending'],
  attributes: {
    month: date({ label: 'Tháng (chọn ngày mùng 1)', required: true, unique: true, description: 'Mỗi tháng một mục: chọn ngày đầu tháng, ví dụ 01/11/2026 cho tháng 11/2026.' }),
    received: integer({ label: 'Tiếp nhận mới', required: true, min: 0, default: 0 }),
    carriedOver: integer({ label: 'Kỳ trước chuyển qua', required: true, min: 0, default: 0 }),
    onTime: integer({ label: 'Đã giải quyết đúng hạn', required: true, min: 0, default: 0 }),
    late: integer({ label: 'Đã giải quyết trễ hạn', required: true, min: 0, default: 0 }),
    pending: integer({ label: 'Đang giải quyết', required: true, min: 0, default: 0 }),
    note: longText({ label: 'Ghi chú', maxLength: 1000 }),
  },
  checks: [
    (entry) => (typeof entry.month === 'string' && isDay(entry.month) && !entry.month.endsWith('-01')
      ? { path: 'month', message: 'Chọn ngày mùng 1 của tháng báo cáo.' }
      : null),
    (entry) => {
      const n = (k: string) => (typeof entry[k] === 'number' ? (entry[k] as number) : 0);
      const handled = n('onTime') + n('late') + n('pending');
      const total = n('received') + n('carriedOver');
      return handled > total
        ? { path: 'pending', message: `Đúng hạn + trễ hạn + đang giải quyết (${handled}) không được lớn hơn tiếp nhận mới + kỳ trước chuyển qua (${total}).` }
        : null;
    },
  ],
});

/**
 * Hỏi đáp: a citizen's question, sent from the public server as a draft ("chờ trả lời"); an
 * editor writes the answer and publishes. The asker's email and phone are never public.
 */
export const question = defineType({
  kind: 'collectionType',
  singularName: 'question',
  pluralName: 'questions',
  displayName: 'Hỏi đáp',
  description: 'Câu hỏi của người dân gửi từ cổng. Câu hỏi mới ở trạng thái chờ trả lời (bản nháp): nhập câu trả lời, người trả lời rồi bấm “Đăng”; xóa nếu không phù hợp.',
  draftAndPublish: true,
  review: false,
  mainField: 'title',
  defaultSort: { field: 'createdAt', order: 'DESC' },
  listFields: ['title', 'askerName', 'sector', 'answeredOn', 'createdAt'],
  attributes: {
    title: text({ label: 'Tiêu đề câu hỏi', required: true, maxLength: 200 }),
    slug: slug({ label: 'Đường dẫn (slug)', targetField: 'title', description: 'Hệ thống tự tạo từ tiêu đề.' }),
    askerName: text({ label: 'Người hỏi', required: true, maxLength: 80 }),
    email: email({ label: 'Thư điện tử (không hiển thị công khai)', private: true }),
    phone: text({ label: 'Điện thoại (không hiển thị công khai)', maxLength: 20, private: true }),
    sector: manyToOne({ label: 'Lĩnh vực', target: 'sector', fields: { name: z.string(), slug: z.string() } }),
    content: longText({ label: 'Nội dung câu hỏi', required: true, maxLength: 4000 }),
    answer: markdown({ label: 'Trả lời', description: 'Bắt buộc trước khi đăng.' }),
    answeredBy: text({ label: 'Người, đơn vị trả lời', maxLength: 160 }),
    answeredOn: date({ label: 'Ngày trả lời', description: 'Để trống: ngày đăng.' }),
  },
});

/** Kinds of places on the administrative map. */
export const PLACE_KINDS = ['Thôn, tổ dân phố', 'Trụ sở cơ quan', 'Trường học', 'Cơ sở y tế', 'Khác'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Địa điểm: a hamlet, residential group or office on the map page. */
export const place = defineType({
  kind: 'collectionType',
  singularName: 'place',
  pluralName: 'places',
  displayName: 'Bản đồ – địa điểm',
  description: 'Thôn, tổ dân phố, trụ sở cơ quan, trường học, trạm y tế với địa chỉ và tọa độ, hiện trên trang Bản đồ.',
  draftAndPublish: true,
  mainField: 'name',
  defaultSort: { field: 'order', order: 'ASC' },
  listFields: ['name', 'kind', 'address', 'order'],
  attributes: {
    name: text({ label: 'Tên địa điểm', required: true, maxLength: 160 }),
    kind: enumeration({ label: 'Loại', required: true, values: PLACE_KINDS, default: 'Khác' }),
    address: text({ label: 'Địa chỉ', maxLength: 255 }),
    latitude: decimal({ label: 'Vĩ độ', min: -90, max: 90, description: 'Ví dụ 18.3594 (độ thập phân).' }),
    longitude: decimal({ label: 'Kinh độ', min: -180, max: 180, description: 'Ví dụ 105.8877 (độ thập phân).' }),
    description: longText({ label: 'Ghi chú', maxLength: 1000, description: 'Ví dụ: diện tích, số hộ, giờ làm việc.' }),
    order: integer({ label: 'Thứ tự hiển thị', min: 0, default: 0, description: 'Số nhỏ hiển thị trước.' }),
  },
  checks: [
    (entry) => {
      const lat = entry.latitude;
      const lng = entry.longitude;
      return (lat == null) !== (lng == null) ? { path: lat == null ? 'latitude' : 'longitude', message: 'Nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.' } : null;
    },
  ],
});

/**
 * Slugs an entry may not take because its section has a page of its own at that address
 * (`/cong-khai/loai/`, `/hoi-dap/gui-cau-hoi/`, `/thu-tuc-hanh-chinh/linh-vuc/`): the CMS gives such an
 * entry the next free slug, and the site refuses to build over one.
 */
export const RESERVED_ENTRY_SLUGS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [disclosure.uid, new Set(['loai', 'nam', 'trang'])],
  [question.uid, new Set(['gui-cau-hoi', 'linh-vuc', 'trang'])],
  [procedure.uid, new Set(['linh-vuc'])],
]);

/** Every content type of the model, in the order editors see them. */
export const contentTypes = [
  article, announcement, legalDocument, workWeek, disclosure, procedure, dossierReport, question, unit, official, place,
  category, documentKind, sector, link, page, portal, comment,
] as const;

/** Types kept in the database for an upgrade to migrate from, never used otherwise. */
export const legacyTypes = [siteSetting] as const;

/** The types editors can schedule (Hẹn giờ đăng / gỡ): those that carry the schedule fields. */
export const scheduledTypes = contentTypes.filter((t) => 'publishAt' in t.attributes && 'unpublishAt' in t.attributes);

/** Types whose entries readers send from the public server (moderated by editors, never written by authors). */
export const readerTypes = [comment, question] as const;

/** The types a "Tác giả" (author) writes: every type with drafts but those readers send. */
export const authoredTypes = contentTypes.filter((t) => t.draftAndPublish && !readerTypes.some((r) => r.uid === t.uid));

/** Every component of the model. */
export const components = [menuItem, documentRelation, scheduleItem] as const;

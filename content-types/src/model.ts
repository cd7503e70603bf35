import { z } from 'zod';
import { defineType } from './define';
import {
  boolean, date, datetime, defineComponent, email, enumeration, href, integer, longText, manyToOne,
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
    cover: media({ label: 'Ảnh đại diện', multiple: false, allowedTypes: ['images'] }),
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

/** Cấu hình cổng: the agency's details shown on every page. */
export const siteSetting = defineType({
  kind: 'singleType',
  singularName: 'site-setting',
  pluralName: 'site-settings',
  displayName: 'Cấu hình cổng',
  description: 'Thông tin cơ quan hiện ở đầu và cuối mọi trang.',
  draftAndPublish: false,
  mainField: 'agencyName',
  defaultSort: { field: 'agencyName', order: 'ASC' },
  listFields: ['agencyName'],
  attributes: {
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
    mainMenu: repeatable({ label: 'Menu chính', component: menuItem, max: 12 }),
    serviceLinks: repeatable({
      label: 'Hộp "Dịch vụ công" ở cột phải',
      component: menuItem,
      max: 8,
      description: 'Ví dụ: Công khai minh bạch thông tin, Tình hình giải quyết hồ sơ, Gửi nhận văn bản, Bản đồ.',
    }),
  },
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

/** Every content type of the model, in the order editors see them. */
export const contentTypes = [article, announcement, category, link, page, siteSetting, comment] as const;

/** The types editors can schedule (Hẹn giờ đăng / gỡ): those that carry the schedule fields. */
export const scheduledTypes = contentTypes.filter((t) => 'publishAt' in t.attributes && 'unpublishAt' in t.attributes);

/** The types a "Tác giả" (author) writes: every type with drafts but readers' comments. */
export const authoredTypes = contentTypes.filter((t) => t.draftAndPublish && t.uid !== comment.uid);

/** Every component of the model. */
export const components = [menuItem] as const;

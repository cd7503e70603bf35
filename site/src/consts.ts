/** Site-wide constants. */

/** Boxes of the sidebar that link out of the portal; empty URL means "not configured yet". */
export const SIDEBAR_SERVICES = [
  { title: 'Công khai minh bạch thông tin', url: '/thong-bao/' },
  { title: 'Tình hình giải quyết hồ sơ', url: 'https://dichvucong.gov.vn/p/home/dvc-thong-ke-tinh-hinh-xu-ly-ho-so.html' },
  { title: 'Gửi nhận văn bản', url: '/lien-he/' },
  { title: 'Bản đồ hành chính', url: '/gioi-thieu/' },
] as const;

/** First path segments other routes own: a static page may not shadow them. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['tin-tuc', 'thong-bao', 'lien-ket', 'chuyen-muc', 'tim-kiem', 'uploads', '_astro', 'pagefind', 'rss.xml', 'sitemap.xml', 'robots.txt']);

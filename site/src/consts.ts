/** Site-wide constants. */

/** First path segments other routes own: a static page may not shadow them. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['tin-tuc', 'thong-bao', 'lien-ket', 'chuyen-muc', 'tim-kiem', 'uploads', '_astro', 'pagefind', 'rss.xml', 'sitemap.xml', 'robots.txt', 'api', 'xem-truoc', 'binh-luan', 'van-ban', 'co-cau-to-chuc', 'can-bo', 'danh-ba', 'lich-cong-tac', 'du-lieu-mo', 'en', 'danh-muc-thong-tin-cong-khai', 'hoi-dap', 'gui-cau-hoi', 'cong-khai', 'ban-do', 'thu-tuc-hanh-chinh', 'tinh-hinh-giai-quyet-ho-so', 'tin-tu-co-so']);

/**
 * The answer to a host name that no enabled portal of this install answers (issue 14): a page of
 * its own (no portal's layout, no asset to load), in Vietnamese, saying what to check. The public
 * server sends it with status 404; the nginx configuration's default server sends the same page.
 * It is written on one line with single-quoted attributes and no `$`, `"` or `\`, so nginx can
 * carry it in a `return` directive as it is.
 */

/** The page's own policy: nothing but its inline style; nobody may frame it. */
export const UNKNOWN_HOST_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const UNKNOWN_HOST_TITLE = 'Không tìm thấy cổng thông tin';

const STYLE = [
  'body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,Arial,sans-serif;background:#f5f6f8;color:#1b1f24;line-height:1.6}',
  'main{max-width:40rem;margin:10vh auto;padding:2rem;background:#fff;border-top:6px solid #b3261e;border-radius:4px}',
  'h1{font-size:1.6rem;margin:0 0 1rem;color:#b3261e}',
  'li{margin:.25rem 0}',
  'p.en{color:#555;font-size:.9rem;margin-top:2rem}',
].join('');

/** The page, the same for every unknown host (the host is not echoed: nothing a client sends is reflected). */
export function unknownHostPage(): string {
  return [
    "<!doctype html><html lang='vi'><head><meta charset='utf-8'>",
    "<meta name='viewport' content='width=device-width, initial-scale=1'>",
    "<meta name='robots' content='noindex'>",
    `<title>${UNKNOWN_HOST_TITLE}</title><style>${STYLE}</style></head><body><main>`,
    `<h1>${UNKNOWN_HOST_TITLE}</h1>`,
    '<p>Địa chỉ bạn vừa truy cập không thuộc cổng thông tin điện tử nào đang hoạt động trên máy chủ này.</p>',
    '<p>Vui lòng kiểm tra:</p><ul>',
    '<li>tên miền đã được gõ đúng chưa (ví dụ: không thiếu hoặc thừa chữ, dấu chấm);</li>',
    '<li>cổng thông tin của cơ quan có thể đã đổi tên miền, tạm ngừng hoạt động hoặc chưa được đưa vào hoạt động;</li>',
    '<li>nếu bạn là cán bộ quản trị: trong hệ thống quản trị nội dung, tên miền này đã được khai báo ở mục <strong>Tên miền</strong> của cổng và ô <strong>Đang hoạt động</strong> của cổng đã được bật chưa.</li>',
    '</ul><p>Nếu vẫn không truy cập được, vui lòng liên hệ bộ phận quản trị cổng thông tin của cơ quan.</p>',
    "<p class='en' lang='en'>No portal of this server answers this host name.</p>",
    '</main></body></html>',
  ].join('');
}

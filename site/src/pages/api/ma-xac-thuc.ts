/**
 * GET /api/ma-xac-thuc/: a new captcha image (SVG) for the comment form; `?kieu=chu` a question
 * in words instead (JSON with `accept: application/json`, plain text otherwise). Never cached.
 */
import type { APIRoute } from 'astro';
import { issueImage, issueQuestion } from '../../lib/reader/captcha.ts';
import { readerStore } from '../../lib/reader/index.ts';
import { json, limitPerAddress } from '../../lib/reader/identity.ts';
import { envNumber } from '../../lib/reader/release.ts';

export const prerender = false;

export const GET: APIRoute = async ({ request, url, cookies }) => {
  const store = readerStore();
  const limit = await limitPerAddress(store, request, 'captcha', envNumber('CAPTCHA_LIMIT', 120), 10 * 60 * 1000);
  if (!limit.allowed) return json({ error: 'Bạn đã yêu cầu quá nhiều mã xác thực. Vui lòng thử lại sau ít phút.' }, 429, { 'retry-after': String(limit.retryAfterSeconds) });
  const secure = request.headers.get('x-forwarded-proto') === 'https';
  if (url.searchParams.get('kieu') === 'chu') {
    const question = await issueQuestion(store, cookies, secure);
    if ((request.headers.get('accept') ?? '').includes('application/json')) return json({ question });
    return new Response(`Câu hỏi thay cho mã xác thực:\n\n${question}\n\nQuay lại trang bài viết và nhập câu trả lời vào ô “Mã xác thực”. Câu hỏi có hiệu lực trong 10 phút.\n`, {
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-robots-tag': 'noindex' },
    });
  }
  return new Response(await issueImage(store, cookies, secure), {
    headers: {
      'content-type': 'image/svg+xml',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-robots-tag': 'noindex',
    },
  });
};

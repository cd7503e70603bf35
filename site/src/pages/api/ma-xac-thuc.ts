/**
 * GET /api/ma-xac-thuc/: a new captcha image (SVG) for the comment form; `?kieu=chu` a question
 * in words instead (JSON with `accept: application/json`, plain text otherwise). Never cached.
 * The page asks for one only when a reader starts a comment. Limited per address (CAPTCHA_LIMIT)
 * and for everyone together (CAPTCHA_GLOBAL_LIMIT), each per 10 minutes: the global bucket bounds
 * the work and the stored answers a crowd of addresses can cause. A request refused for its
 * address does not count against the global bucket.
 */
import type { APIRoute } from 'astro';
import { issueImage, issueQuestion } from '../../server/captcha.ts';
import { readerStore } from '../../server/reader-store.ts';
import { json, limitPerAddress } from '../../server/identity.ts';
import { envNumber } from '../../server/release.ts';

export const prerender = false;

const WINDOW_MS = 10 * 60 * 1000;
const GLOBAL_BUCKET = 'captcha-global';
const TOO_MANY_FROM_YOU = 'Bạn đã yêu cầu quá nhiều mã xác thực. Vui lòng thử lại sau ít phút.';
const TOO_MANY_FOR_ALL = 'Hệ thống đang nhận quá nhiều yêu cầu mã xác thực. Vui lòng thử lại sau ít phút.';

const wantsJson = (request: Request) => (request.headers.get('accept') ?? '').includes('application/json');

/** 429 as JSON for the page's script, as plain text for a reader who followed the link. */
function tooMany(request: Request, message: string, retryAfterSeconds: number): Response {
  const headers = { 'retry-after': String(retryAfterSeconds) };
  if (wantsJson(request)) return json({ error: message }, 429, headers);
  return new Response(`${message}\n`, {
    status: 429,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-robots-tag': 'noindex', ...headers },
  });
}

export const GET: APIRoute = async ({ request, url, cookies }) => {
  const store = readerStore();
  const mine = await limitPerAddress(store, request, 'captcha', envNumber('CAPTCHA_LIMIT', 120), WINDOW_MS);
  if (!mine.allowed) return tooMany(request, TOO_MANY_FROM_YOU, mine.retryAfterSeconds);
  const all = await store.consume(GLOBAL_BUCKET, envNumber('CAPTCHA_GLOBAL_LIMIT', 3000), WINDOW_MS);
  if (!all.allowed) return tooMany(request, TOO_MANY_FOR_ALL, all.retryAfterSeconds);
  const secure = request.headers.get('x-forwarded-proto') === 'https';
  if (url.searchParams.get('kieu') === 'chu') {
    const question = await issueQuestion(store, cookies, secure);
    if (wantsJson(request)) return json({ question });
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

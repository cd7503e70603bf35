/**
 * The decisions of POST /binh-luan/ (site/src/server/comment-handler.ts `handleComment`): which
 * answer each post gets, in JSON for the page's script and as the form again without JavaScript,
 * with the reader store, the release and Strapi faked.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { COMMENT_SENT, handleComment, MAX_COMMENT_BYTES, type CommentServices } from '../../site/src/server/comment-handler';
import type { CommentInput } from '../../site/src/server/comments';

const SLUG = 'xa-tan-hoa-khai-truong-buu-dien';
const valid = { bai: SLUG, 'ho-ten': 'Nguyễn Thị Hoa', email: 'hoa.nguyen@example.vn', 'noi-dung': 'Đề nghị xã sớm sửa đường.', 'ma-xac-thuc': 'x7k2' };
const typed: CommentInput = { slug: SLUG, name: 'Nguyễn Thị Hoa', email: 'hoa.nguyen@example.vn', content: 'Đề nghị xã sớm sửa đường.', captcha: 'x7k2' };

/** A comment post as a browser sends it; `json` as the page's script sends it. */
function post(fields: Record<string, string>, options: { json?: boolean; method?: string; headers?: Record<string, string> } = {}): Request {
  const body = new URLSearchParams(fields);
  return new Request('http://portal.test/binh-luan/', {
    method: options.method ?? 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(options.json ? { accept: 'application/json' } : {}), ...options.headers },
    body: (options.method ?? 'POST') === 'POST' ? body : null,
  });
}

/** Services that accept everything and remember what was asked of them. */
function services(overrides: Partial<CommentServices> = {}) {
  const sent: CommentInput[] = [];
  const calls = { limit: 0, captcha: [] as string[] };
  const fake: CommentServices = {
    articleExists: (slug) => slug === SLUG,
    consumeLimit: async () => {
      calls.limit += 1;
      return { allowed: true, retryAfterSeconds: 0 };
    },
    checkCaptcha: async (answer) => {
      calls.captcha.push(answer);
      return 'ok';
    },
    sendComment: async (input) => {
      sent.push(input);
    },
    ...overrides,
  };
  return { fake, sent, calls };
}

afterEach(() => vi.restoreAllMocks());

describe('handleComment', () => {
  test('returns 201 with the waiting-for-approval message and sends the comment as typed when all is right', async () => {
    const { fake, sent } = services();
    expect(await handleComment(post(valid, { json: true }), fake)).toEqual({ kind: 'json', status: 201, body: { message: COMMENT_SENT }, headers: {} });
    expect(sent).toEqual([typed]);
  });

  test('returns a redirect to the article\'s sent-comment anchor when the post came without JavaScript', async () => {
    const { fake, sent } = services();
    expect(await handleComment(post(valid), fake)).toEqual({ kind: 'redirect', location: `/tin-tuc/${SLUG}/#binh-luan-da-gui` });
    expect(sent).toHaveLength(1);
  });

  test('returns a redirect home for anything but POST', async () => {
    const { fake, calls } = services();
    expect(await handleComment(post(valid, { method: 'GET' }), fake)).toEqual({ kind: 'redirect', location: '/' });
    expect(calls.limit).toBe(0);
  });

  test('returns 413 unread when the declared size is over the limit, and reads one at the limit', async () => {
    const { fake } = services();
    const over = await handleComment(post(valid, { json: true, headers: { 'content-length': String(MAX_COMMENT_BYTES + 1) } }), fake);
    expect(over).toEqual({ kind: 'json', status: 413, body: { error: 'Nội dung gửi quá dài.' }, headers: {} });
    const at = await handleComment(post(valid, { json: true, headers: { 'content-length': String(MAX_COMMENT_BYTES) } }), fake);
    expect(at).toMatchObject({ status: 201 });
  });

  test('returns 400 when the body is not a form', async () => {
    const { fake } = services();
    const request = new Request('http://portal.test/binh-luan/', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: 'not a form' });
    expect(await handleComment(request, fake)).toEqual({ kind: 'json', status: 400, body: { error: 'Yêu cầu không hợp lệ.' }, headers: {} });
  });

  test('returns 404, in JSON even without JavaScript, when the release has no such article; nothing is counted', async () => {
    const { fake, calls } = services();
    for (const json of [true, false]) {
      expect(await handleComment(post({ ...valid, bai: 'bai-khong-co' }, { json }), fake)).toEqual({ kind: 'json', status: 404, body: { error: 'Không tìm thấy bài viết để bình luận.' }, headers: {} });
    }
    expect(calls.limit).toBe(0);
  });

  test('returns 400 naming the first bad field in the form\'s own name, with every field\'s message', async () => {
    const { fake, calls, sent } = services();
    const answer = await handleComment(post({ ...valid, 'ho-ten': '', 'noi-dung': '' }, { json: true }), fake);
    expect(answer).toEqual({
      kind: 'json',
      status: 400,
      body: { error: 'Vui lòng nhập họ và tên.', field: 'ho-ten', errors: { name: 'Vui lòng nhập họ và tên.', content: 'Vui lòng nhập nội dung bình luận.' } },
      headers: {},
    });
    expect(calls.limit).toBe(1); // a bad post is counted too
    expect(calls.captcha).toEqual([]); // the captcha is not used up by a post that is refused anyway
    expect(sent).toEqual([]);
  });

  test('returns the form again, filled as the reader typed it, with the messages when a field is wrong without JavaScript', async () => {
    const { fake } = services();
    const answer = await handleComment(post({ ...valid, email: 'khong-phai-email' }), fake);
    expect(answer).toEqual({
      kind: 'form',
      status: 400,
      message: 'Địa chỉ thư điện tử không hợp lệ.',
      input: { ...typed, email: 'khong-phai-email' },
      errors: { email: 'Địa chỉ thư điện tử không hợp lệ.' },
      headers: {},
    });
  });

  test('returns 400 "Mã xác thực không đúng." on the captcha field when the answer is wrong', async () => {
    const { fake, sent } = services({ checkCaptcha: async () => 'wrong' });
    const answer = await handleComment(post(valid, { json: true }), fake);
    expect(answer).toEqual({ kind: 'json', status: 400, body: { error: 'Mã xác thực không đúng.', field: 'ma-xac-thuc', errors: { captcha: 'Mã xác thực không đúng.' } }, headers: {} });
    expect(sent).toEqual([]);
  });

  test('asks the captcha check with the answer as typed, trimmed', async () => {
    const { fake, calls } = services();
    await handleComment(post({ ...valid, 'ma-xac-thuc': '  x7k2 ' }, { json: true }), fake);
    expect(calls.captcha).toEqual(['x7k2']);
  });

  test('returns 400 asking for a new code when the captcha expired or was used already', async () => {
    const { fake, sent } = services({ checkCaptcha: async () => 'missing' });
    const message = 'Mã xác thực đã hết hạn hoặc đã được dùng. Vui lòng nhập mã mới.';
    expect(await handleComment(post(valid, { json: true }), fake)).toEqual({ kind: 'json', status: 400, body: { error: message, field: 'ma-xac-thuc', errors: { captcha: message } }, headers: {} });
    expect(await handleComment(post(valid), fake)).toEqual({ kind: 'form', status: 400, message, input: typed, errors: { captcha: message }, headers: {} });
    expect(sent).toEqual([]);
  });

  test('returns 429 with Retry-After and the wait in whole minutes, rounded up, when the address is over its limit', async () => {
    const { fake, calls, sent } = services({ consumeLimit: async () => ({ allowed: false, retryAfterSeconds: 61 }) });
    const message = 'Bạn đã gửi quá nhiều bình luận. Vui lòng thử lại sau 2 phút.';
    expect(await handleComment(post(valid, { json: true }), fake)).toEqual({ kind: 'json', status: 429, body: { error: message, errors: {} }, headers: { 'retry-after': '61' } });
    expect(await handleComment(post(valid), fake)).toEqual({ kind: 'form', status: 429, message, input: typed, errors: {}, headers: { 'retry-after': '61' } });
    expect(calls.captcha).toEqual([]);
    expect(sent).toEqual([]);
  });

  test('the limit comes before the fields: an over-limit post with bad fields gets 429', async () => {
    const { fake } = services({ consumeLimit: async () => ({ allowed: false, retryAfterSeconds: 600 }) });
    const answer = await handleComment(post({ ...valid, 'ho-ten': '' }, { json: true }), fake);
    expect(answer).toMatchObject({ status: 429, body: { error: 'Bạn đã gửi quá nhiều bình luận. Vui lòng thử lại sau 10 phút.', errors: { name: 'Vui lòng nhập họ và tên.' } } });
  });

  test('returns 503 saying the typed text is kept, and logs why, when Strapi does not take the comment', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { fake } = services({ sendComment: async () => Promise.reject(new Error('the CMS at http://127.0.0.1:1337 did not answer: ECONNREFUSED')) });
    const message = 'Hệ thống đang bận nên bình luận chưa được gửi. Vui lòng thử lại sau ít phút; nội dung bạn đã nhập vẫn còn.';
    expect(await handleComment(post(valid, { json: true }), fake)).toEqual({ kind: 'json', status: 503, body: { error: message, errors: {} }, headers: {} });
    expect(await handleComment(post(valid), fake)).toEqual({ kind: 'form', status: 503, message, input: typed, errors: {}, headers: {} });
    expect(logged).toHaveBeenCalledWith('[binh-luan] the comment was not sent: the CMS at http://127.0.0.1:1337 did not answer: ECONNREFUSED');
  });
});

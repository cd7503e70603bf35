/**
 * POST /binh-luan/ decided: checks the fields, the rate limit per address and the captcha, then
 * sends the comment to Strapi as a draft waiting for approval. The page (pages/binh-luan.astro)
 * only turns the answer into a response: JSON for the page's script; without JavaScript a
 * redirect back to the article on success, or the form again, as the reader filled it, on refusal.
 */
import { FIELD_NAMES, type CommentField } from '../lib/comment-form.ts';
import { readCommentForm, type CommentInput } from './comments.ts';

/** Posts larger than this (bytes, as the client declares them) are refused unread. */
export const MAX_COMMENT_BYTES = 20_000;

/** Sent back when the comment has been handed to Strapi. */
export const COMMENT_SENT = 'Bình luận của bạn đã được gửi và đang chờ duyệt.';

export type CommentErrors = Partial<Record<CommentField, string>>;

/** What handling a comment needs from outside this module (the reader store, the release, Strapi). */
export interface CommentServices {
  /** True when the live release has the article `slug`. */
  articleExists(slug: string): boolean;
  /** Counts this post against the sender's address (COMMENT_LIMIT per 10 minutes). */
  consumeLimit(): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  /** Takes the captcha this reader was given and compares `answer` with it. */
  checkCaptcha(answer: string): Promise<'ok' | 'wrong' | 'missing'>;
  /** Hands the comment to Strapi; throws when it was not taken. */
  sendComment(input: CommentInput): Promise<void>;
}

/** How to answer a comment post. */
export type CommentAnswer =
  | { kind: 'redirect'; location: string }
  | { kind: 'json'; status: number; body: Record<string, unknown>; headers: Record<string, string> }
  | { kind: 'form'; status: number; message: string; input: CommentInput; errors: CommentErrors; headers: Record<string, string> };

const json = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): CommentAnswer => ({ kind: 'json', status, body, headers });

/** Decides the answer to `request`; every refusal carries a Vietnamese message for the reader. */
export async function handleComment(request: Request, services: CommentServices): Promise<CommentAnswer> {
  if (request.method !== 'POST') return { kind: 'redirect', location: '/' };
  if (Number(request.headers.get('content-length') ?? 0) > MAX_COMMENT_BYTES) return json(413, { error: 'Nội dung gửi quá dài.' });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json(400, { error: 'Yêu cầu không hợp lệ.' });
  }
  const { input, errors } = readCommentForm(form);
  if (!services.articleExists(input.slug)) return json(404, { error: 'Không tìm thấy bài viết để bình luận.' });

  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const refuse = (status: number, message: string, field?: CommentField, headers: Record<string, string> = {}): CommentAnswer =>
    wantsJson
      ? json(status, { error: message, field: field ? FIELD_NAMES[field] : undefined, errors }, headers)
      : { kind: 'form', status, message, input, errors, headers };

  // Counted before the fields are judged: a flood of bad posts uses up the limit too.
  const limit = await services.consumeLimit();
  if (!limit.allowed) {
    return refuse(429, `Bạn đã gửi quá nhiều bình luận. Vui lòng thử lại sau ${Math.ceil(limit.retryAfterSeconds / 60)} phút.`, undefined, { 'retry-after': String(limit.retryAfterSeconds) });
  }
  const firstError = (Object.keys(errors) as CommentField[])[0];
  if (firstError) return refuse(400, errors[firstError]!, firstError);
  const captcha = await services.checkCaptcha(input.captcha);
  if (captcha !== 'ok') {
    errors.captcha = captcha === 'wrong' ? 'Mã xác thực không đúng.' : 'Mã xác thực đã hết hạn hoặc đã được dùng. Vui lòng nhập mã mới.';
    return refuse(400, errors.captcha, 'captcha');
  }
  try {
    await services.sendComment(input);
  } catch (error) {
    console.error(`[binh-luan] the comment was not sent: ${(error as Error).message}`);
    return refuse(503, 'Hệ thống đang bận nên bình luận chưa được gửi. Vui lòng thử lại sau ít phút; nội dung bạn đã nhập vẫn còn.');
  }
  return wantsJson ? json(201, { message: COMMENT_SENT }) : { kind: 'redirect', location: `/tin-tuc/${input.slug}/#binh-luan-da-gui` };
}

/**
 * POST /binh-luan/ decided: the comment form's part of server/reader-post.ts (its fields, its
 * messages, the article it is about), then Strapi as a draft waiting for approval. The page
 * (pages/binh-luan.astro) only turns the answer into a response.
 */
import { FIELD_NAMES, type CommentField } from '../lib/comment-form.ts';
import { readCommentForm, type CommentInput } from './comments.ts';
import { handleReaderPost, type ReaderForm, type ReaderPostAnswer } from './reader-post.ts';

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
export type CommentAnswer = ReaderPostAnswer<CommentField, CommentInput>;

/** Decides the answer to `request`; every refusal carries a Vietnamese message for the reader. */
export function handleComment(request: Request, services: CommentServices): Promise<CommentAnswer> {
  const form: ReaderForm<CommentField, CommentInput> = {
    maxBytes: MAX_COMMENT_BYTES,
    fieldNames: FIELD_NAMES,
    read: readCommentForm,
    missing: (input) => (services.articleExists(input.slug) ? null : 'Không tìm thấy bài viết để bình luận.'),
    tooMany: 'Bạn đã gửi quá nhiều bình luận.',
    sent: COMMENT_SENT,
    notSent: 'Hệ thống đang bận nên bình luận chưa được gửi. Vui lòng thử lại sau ít phút; nội dung bạn đã nhập vẫn còn.',
    sentLocation: (input) => `/tin-tuc/${input.slug}/#binh-luan-da-gui`,
    log: { tag: 'binh-luan', what: 'the comment' },
  };
  return handleReaderPost(request, form, { consumeLimit: services.consumeLimit, checkCaptcha: services.checkCaptcha, send: services.sendComment });
}

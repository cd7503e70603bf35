/**
 * POST /gui-cau-hoi/ decided: the question form's part of server/reader-post.ts (its fields and
 * messages, the same captcha, limits and refusals as a comment), then Strapi as a draft waiting
 * for an answer. The page (pages/gui-cau-hoi.astro) only turns the answer into a response.
 */
import { QUESTION_FIELD_NAMES, QUESTION_FORM_PATH, QUESTION_SENT, type QuestionField } from '../lib/question-form.ts';
import { readQuestionForm, type QuestionInput } from './questions.ts';
import { handleReaderPost, type ReaderPostAnswer, type ReaderPostServices } from './reader-post.ts';

/** Posts larger than this (bytes, as the client declares them) are refused unread (the public server caps bodies at 32 KB anyway). */
export const MAX_QUESTION_BYTES = 32_000;

/** What handling a question needs from outside this module (the reader store, the release, Strapi). */
export interface QuestionServices extends ReaderPostServices<QuestionInput> {
  /** The CMS documentId of the sector `slug` the live release offers, or null. */
  sectorId(slug: string): string | null;
}

/** How to answer a question post. */
export type QuestionAnswer = ReaderPostAnswer<QuestionField, QuestionInput>;

/** Decides the answer to `request`; every refusal carries a Vietnamese message for the reader. */
export function handleQuestion(request: Request, services: QuestionServices): Promise<QuestionAnswer> {
  return handleReaderPost(
    request,
    {
      maxBytes: MAX_QUESTION_BYTES,
      fieldNames: QUESTION_FIELD_NAMES,
      read: (form) => readQuestionForm(form, services.sectorId),
      tooMany: 'Bạn đã gửi quá nhiều câu hỏi.',
      sent: QUESTION_SENT,
      notSent: 'Hệ thống đang bận nên câu hỏi chưa được gửi. Vui lòng thử lại sau ít phút; nội dung bạn đã nhập vẫn còn.',
      sentLocation: () => `${QUESTION_FORM_PATH}#cau-hoi-da-gui`,
      log: { tag: 'gui-cau-hoi', what: 'the question' },
    },
    services,
  );
}

/**
 * Hỏi đáp in the CMS: a question is published only with an answer (an editor's Publish, and a
 * create or update that asks to publish), refused with a Vietnamese message the admin shows;
 * and a question's slug never takes an address the site's own Hỏi đáp pages use.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RESERVED_ENTRY_SLUGS } from '@cong/content-types';

export const QUESTION_UID = 'api::question.question';

/** Shown to the editor who publishes a question without an answer. */
export const ANSWER_REQUIRED = 'Chưa thể đăng câu hỏi này: ô “Trả lời” đang trống. Nhập câu trả lời (và người trả lời) rồi bấm “Đăng”.';

/** Children of /hoi-dap/ the site owns (the form, the sector pages, the list's pages, the sector list). */
export const RESERVED_QUESTION_SLUGS: ReadonlySet<string> = RESERVED_ENTRY_SLUGS.get('api::question.question')!;

const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

interface Context {
  uid: string;
  action: string;
  params: unknown;
}

/**
 * Throws a ValidationError (ANSWER_REQUIRED, on the field `answer`) when the Document Service call
 * would publish a question without an answer: `publish` (the draft is what gets published), or
 * `create`/`update` with `status: 'published'` (their data over the current draft).
 */
export async function assertQuestionAnswered(strapi: Core.Strapi, context: Context): Promise<void> {
  if (context.uid !== QUESTION_UID) return;
  const params = (context.params ?? {}) as { documentId?: string; status?: string; data?: Record<string, unknown> };
  const publishing = context.action === 'publish' || ((context.action === 'create' || context.action === 'update') && params.status === 'published');
  if (!publishing) return;
  let answer: unknown = params.data && 'answer' in params.data ? params.data.answer : undefined;
  if (answer === undefined && params.documentId) {
    const draft = await strapi.db.query(QUESTION_UID as UID.ContentType).findOne({ where: { documentId: params.documentId, publishedAt: null }, select: ['answer'] });
    answer = draft?.answer;
  }
  if (!hasText(answer)) {
    throw new errors.ValidationError(ANSWER_REQUIRED, { errors: [{ path: ['answer'], message: ANSWER_REQUIRED, name: 'ValidationError' }] });
  }
}

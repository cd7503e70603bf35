/**
 * Bình luận: checks what a reader typed (the shared checks of reader-fields.ts) and sends it to
 * Strapi as a draft waiting for approval.
 */
import { LIMITS, type CommentField } from '../lib/comment-form.ts';
import { cmsCaller, ReaderPostNotSent } from './cms-write.ts';
import { addError, CAPTCHA_EMPTY, cleanText, emailError, formValue, nameError, textError } from './reader-fields.ts';

export { cleanText };

export interface CommentInput {
  slug: string;
  name: string;
  email: string;
  content: string;
  captcha: string;
}

/** Reads the form; returns the cleaned values and a Vietnamese message for each bad field. */
export function readCommentForm(form: FormData): { input: CommentInput; errors: Partial<Record<CommentField, string>> } {
  const get = formValue(form);
  const input: CommentInput = {
    slug: get('bai'),
    name: cleanText(get('ho-ten'), false),
    email: cleanText(get('email'), false),
    content: cleanText(get('noi-dung'), true),
    captcha: get('ma-xac-thuc').trim(),
  };
  const errors: Partial<Record<CommentField, string>> = {};
  addError(errors, 'name', nameError(input.name, LIMITS.name));
  addError(errors, 'email', emailError(input.email, LIMITS.email));
  addError(errors, 'content', textError(input.content, LIMITS.content, 'Vui lòng nhập nội dung bình luận.'));
  addError(errors, 'captcha', input.captcha ? undefined : CAPTCHA_EMPTY);
  return { input, errors };
}

/** The portal whose site a reader's post was sent on (its settings record, read at build time). */
export interface PostPortal {
  /** The portal's documentId in the CMS ('' when the release was built without one: the CMS's default portal). */
  documentId: string;
}

/**
 * Sends the comment to Strapi as a draft of the article `slug` (the comment token: create comments,
 * find articles, read portals). With `portal`, the article is looked for in that portal only and
 * the comment is created in it; without, the CMS gives it its default (primary) portal.
 */
export async function sendComment(input: CommentInput, portal?: PostPortal): Promise<void> {
  const call = cmsCaller('COMMENT');
  const inPortal = portal?.documentId ? `&filters[portal][documentId][$eq]=${encodeURIComponent(portal.documentId)}` : '';
  const found = (await call(`/api/articles?filters[slug][$eq]=${encodeURIComponent(input.slug)}${inPortal}&fields[0]=documentId`)).data as Array<{ documentId: string }>;
  if (!found[0]) throw new ReaderPostNotSent(`no published article with slug ${input.slug}${portal?.documentId ? ` in the portal ${portal.documentId}` : ''}`);
  await call('/api/comments?status=draft', {
    method: 'POST',
    body: JSON.stringify({ data: { article: found[0].documentId, name: input.name, email: input.email || null, content: input.content, ...(portal?.documentId ? { portal: portal.documentId } : {}) } }),
  });
}

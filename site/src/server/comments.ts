/**
 * Bình luận: checks what a reader typed and sends it to Strapi as a draft waiting for approval.
 * Plain text only: stored as typed (NFC, control characters removed) and always escaped where it
 * is shown, so nothing a reader writes becomes markup on the portal or in the admin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { LIMITS, type CommentField } from '../lib/comment-form.ts';

export interface CommentInput {
  slug: string;
  name: string;
  email: string;
  content: string;
  captcha: string;
}

/** Keeps line breaks and tabs, drops other control characters, stores NFC. */
export function cleanText(value: string, multiline: boolean): string {
  const text = value.normalize('NFC').replace(multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g : /[\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '');
  return multiline ? text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim() : text.replace(/\s+/g, ' ').trim();
}

/** Reads the form; returns the cleaned values and a Vietnamese message for each bad field. */
export function readCommentForm(form: FormData): { input: CommentInput; errors: Partial<Record<CommentField, string>> } {
  const get = (name: string) => String(form.get(name) ?? '');
  const input: CommentInput = {
    slug: get('bai'),
    name: cleanText(get('ho-ten'), false),
    email: cleanText(get('email'), false),
    content: cleanText(get('noi-dung'), true),
    captcha: get('ma-xac-thuc').trim(),
  };
  const errors: Partial<Record<CommentField, string>> = {};
  if (!input.name) errors.name = 'Vui lòng nhập họ và tên.';
  else if (input.name.length > LIMITS.name) errors.name = `Họ và tên dài tối đa ${LIMITS.name} ký tự.`;
  if (input.email && (input.email.length > LIMITS.email || !z.email().safeParse(input.email).success)) errors.email = 'Địa chỉ thư điện tử không hợp lệ.';
  if (!input.content) errors.content = 'Vui lòng nhập nội dung bình luận.';
  else if (input.content.length > LIMITS.content) errors.content = `Nội dung dài tối đa ${LIMITS.content} ký tự (hiện có ${input.content.length}).`;
  if (!input.captcha) errors.captcha = 'Vui lòng nhập mã xác thực.';
  return { input, errors };
}

/** Strapi did not take the comment (down, or the token refused). */
export class CommentNotSent extends Error {}

function commentToken(): string {
  if (process.env.CMS_COMMENT_TOKEN) return process.env.CMS_COMMENT_TOKEN;
  const file = process.env.CMS_COMMENT_TOKEN_FILE;
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new CommentNotSent('no comment token: set CMS_COMMENT_TOKEN or CMS_COMMENT_TOKEN_FILE (the CMS writes cms/data/comment-token)');
}

/** Sends the comment to Strapi as a draft of the article `slug`. */
export async function sendComment(input: CommentInput): Promise<void> {
  const base = (process.env.CMS_URL ?? '').replace(/\/+$/, '');
  if (!base) throw new CommentNotSent('CMS_URL is not set for the public server');
  const headers = { authorization: `Bearer ${commentToken()}`, 'content-type': 'application/json', accept: 'application/json' };
  const call = async (path: string, init: RequestInit = {}) => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { ...init, headers, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw new CommentNotSent(`the CMS at ${base} did not answer: ${(error as Error).message}`);
    }
    if (!res.ok) throw new CommentNotSent(`the CMS answered ${res.status} to ${init.method ?? 'GET'} ${path}: ${(await res.text()).slice(0, 200)}`);
    return res.json() as Promise<{ data: unknown }>;
  };
  const found = (await call(`/api/articles?filters[slug][$eq]=${encodeURIComponent(input.slug)}&fields[0]=documentId`)).data as Array<{ documentId: string }>;
  if (!found[0]) throw new CommentNotSent(`no published article with slug ${input.slug}`);
  await call('/api/comments?status=draft', {
    method: 'POST',
    body: JSON.stringify({ data: { article: found[0].documentId, name: input.name, email: input.email || null, content: input.content } }),
  });
}

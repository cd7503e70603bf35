/**
 * The checks every reader form shares (comments, questions): text cleaned as typed (NFC, control
 * and direction-override characters removed) and a Vietnamese message per bad field. Plain text
 * only: stored as typed and always escaped where it is shown, so nothing a reader writes becomes
 * markup on the portal or in the admin.
 */
import { z } from 'zod';

/** Keeps line breaks and tabs, drops other control characters, stores NFC. */
export function cleanText(value: string, multiline: boolean): string {
  const text = value.normalize('NFC').replace(multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g : /[\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '');
  return multiline ? text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim() : text.replace(/\s+/g, ' ').trim();
}

/** A form's values read by field name, each as a string ('' when absent). */
export const formValue = (form: FormData) => (name: string) => String(form.get(name) ?? '');

/** The message for the reader's name, or undefined when it is right. */
export function nameError(name: string, max: number): string | undefined {
  if (!name) return 'Vui lòng nhập họ và tên.';
  return name.length > max ? `Họ và tên dài tối đa ${max} ký tự.` : undefined;
}

/** The message for an optional email, or undefined when it is right or empty. */
export function emailError(email: string, max: number): string | undefined {
  return email && (email.length > max || !z.email().safeParse(email).success) ? 'Địa chỉ thư điện tử không hợp lệ.' : undefined;
}

/** The message for a required text: `empty` when missing, its length against `max` otherwise. */
export function textError(value: string, max: number, empty: string, what = 'Nội dung'): string | undefined {
  if (!value) return empty;
  return value.length > max ? `${what} dài tối đa ${max} ký tự (hiện có ${value.length}).` : undefined;
}

/** The message for an empty captcha answer. */
export const CAPTCHA_EMPTY = 'Vui lòng nhập mã xác thực.';

/** Sets `errors[field]` when `message` is defined; returns `errors`. */
export function addError<F extends string>(errors: Partial<Record<F, string>>, field: F, message: string | undefined): Partial<Record<F, string>> {
  if (message) errors[field] = message;
  return errors;
}

/**
 * The comment form's shape, shared by the form every article page carries (built statically:
 * components/CommentForm.astro) and the on-demand code that reads and answers it
 * (server/comments.ts, pages/binh-luan.astro): its fields, their names in the form, their length
 * limits and the captcha image's size.
 */

/** Longest name, email and comment accepted, in characters after NFC. */
export const LIMITS = { name: 80, email: 254, content: 2000 } as const;

/** A field of the form that can carry an error message. */
export type CommentField = 'name' | 'email' | 'content' | 'captcha';

/** Each field's `name` in the HTML form. */
export const FIELD_NAMES: Record<CommentField, string> = { name: 'ho-ten', email: 'email', content: 'noi-dung', captcha: 'ma-xac-thuc' };

/**
 * The captcha image's size in CSS pixels: the server draws it (server/captcha.ts), the comment form
 * reserves it (CommentForm.astro, and `.captcha-box` in global.css) without loading the drawing code.
 */
export const CAPTCHA_WIDTH = 200;
export const CAPTCHA_HEIGHT = 72;

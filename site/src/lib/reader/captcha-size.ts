/**
 * The captcha image's size in CSS pixels: the server draws it (captcha.ts), the comment form
 * reserves it (CommentForm.astro, and `.captcha-box` in global.css) without loading the drawing code.
 */
export const CAPTCHA_WIDTH = 200;
export const CAPTCHA_HEIGHT = 72;

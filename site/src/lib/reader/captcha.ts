/**
 * Mã xác thực: an image made on the server (svg-captcha), or for readers who cannot read it a
 * question in words ("Bảy cộng hai bằng mấy?"). The answer is kept in the reader store for 10
 * minutes under a random id held in a cookie; checking takes it (single use), so a replayed or
 * expired code is refused.
 */
import { randomBytes } from 'node:crypto';
import type { AstroCookies } from 'astro';
import svgCaptcha from 'svg-captcha';
import type { ReaderStore } from './store.ts';

export const CAPTCHA_COOKIE = 'cong_captcha';
export const CAPTCHA_TTL_MS = 10 * 60 * 1000;
const ID = /^[A-Za-z0-9_-]{22}$/;
const WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

function newId(cookies: AstroCookies, secure: boolean): string {
  const id = randomBytes(16).toString('base64url');
  cookies.set(CAPTCHA_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: CAPTCHA_TTL_MS / 1000 });
  return id;
}

/** A new image code; the previous one of this reader is replaced. */
export async function issueImage(store: ReaderStore, cookies: AstroCookies, secure: boolean): Promise<string> {
  const captcha = svgCaptcha.create({ size: 5, noise: 2, ignoreChars: '0oO1lIiu', color: false, background: '#ffffff', width: 160, height: 56, fontSize: 52 });
  await store.putCaptcha(newId(cookies, secure), captcha.text.toLowerCase(), CAPTCHA_TTL_MS);
  return captcha.data;
}

/** A new question in words, the accessible alternative. */
export async function issueQuestion(store: ReaderStore, cookies: AstroCookies, secure: boolean): Promise<string> {
  const a = 1 + Math.floor(Math.random() * 9);
  const b = 1 + Math.floor(Math.random() * 9);
  const word = WORDS[a]!.charAt(0).toUpperCase() + WORDS[a]!.slice(1);
  await store.putCaptcha(newId(cookies, secure), String(a + b), CAPTCHA_TTL_MS);
  return `${word} cộng ${WORDS[b]} bằng mấy? Hãy nhập kết quả bằng chữ số.`;
}

/** Checks (and uses up) the reader's code. */
export async function checkCaptcha(store: ReaderStore, cookies: AstroCookies, answer: string): Promise<'ok' | 'wrong' | 'missing'> {
  const id = cookies.get(CAPTCHA_COOKIE)?.value ?? '';
  if (!ID.test(id)) return 'missing';
  const expected = await store.takeCaptcha(id);
  cookies.delete(CAPTCHA_COOKIE, { path: '/' });
  if (expected === null) return 'missing';
  return answer.trim().toLowerCase() === expected ? 'ok' : 'wrong';
}

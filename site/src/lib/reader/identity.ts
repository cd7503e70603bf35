/**
 * Who a reader is, without keeping anything personal: a visitor key that is a keyed hash
 * (HMAC with the store's secret) of the address and browser, kept in a first-party cookie so a
 * reader whose address changes stays the same visitor. Addresses are never stored in clear.
 */
import { createHmac } from 'node:crypto';
import type { AstroCookies } from 'astro';
import type { ReaderStore } from './store.ts';

export const VISITOR_COOKIE = 'cong_v';
const KEY_PATTERN = /^[0-9a-f]{32}$/;

/** The reader's address as the public server passed it (never a header the reader could set). */
export function clientAddress(request: Request): string {
  return request.headers.get('x-cong-client-ip') ?? '';
}

export function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex').slice(0, 32);
}

/** Counts one `action` of this reader's address (kept hashed): at most `limit` per `windowMs`. */
export async function limitPerAddress(store: ReaderStore, request: Request, action: string, limit: number, windowMs: number) {
  return store.consume(`${action}:${keyedHash(await store.secret(), clientAddress(request))}`, limit, windowMs);
}

/**
 * The visitor key: from the cookie when the reader has one, otherwise a hash of address and
 * user agent, which is then set as the cookie (so the second page of a first visit counts as the
 * same visitor, and a client without cookies is still one visitor per address and browser).
 */
export function visitorKey(secret: string, request: Request, cookies: AstroCookies): string {
  const existing = cookies.get(VISITOR_COOKIE)?.value;
  if (existing && KEY_PATTERN.test(existing)) return existing;
  const key = keyedHash(secret, `${clientAddress(request)}|${request.headers.get('user-agent') ?? ''}`);
  cookies.set(VISITOR_COOKIE, key, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.headers.get('x-forwarded-proto') === 'https',
    maxAge: 365 * 24 * 60 * 60,
  });
  return key;
}

/** A JSON answer that no cache keeps. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-robots-tag': 'noindex', ...headers },
  });
}

/**
 * Who a reader is, without keeping anything personal.
 *
 * - The reader key (`readerKey()`) hashes addresses and signs cookies. It lives in its own file
 *   (READER_KEY_FILE, made once with mode 600) or in READER_SECRET, never in the reader store, so
 *   a copy of reader.db or of Redis alone cannot be turned back into addresses.
 * - A reader is the id in their signed cookie `cong_v`; a reader without a valid one (new, or a
 *   made-up or altered cookie) is a keyed hash of address and browser, which is then signed into
 *   the cookie. Making up cookies therefore never makes a new voter or visitor.
 * - Visit statistics hash that id again with a key of the day (`visitorOfDay`), made from a salt
 *   the store deletes the day after: yesterday's visitor rows cannot be linked to anyone.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroCookies } from 'astro';
import { addressGroup } from '@cong/content-types';
import type { ReaderStore } from './store.ts';
import { vietnamDay } from '../lib/format.ts';

export const VISITOR_COOKIE = 'cong_v';
const COOKIE = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{22})$/;

/** The reader's address as the public server passed it (never a header the reader could set). */
export function clientAddress(request: Request): string {
  return request.headers.get('x-cong-client-ip') ?? '';
}

export function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex').slice(0, 32);
}

/** Where the reader key is kept: READER_KEY_FILE, else `reader-key` beside READER_DB. */
export function readerKeyFile(env: Record<string, string | undefined> = process.env): string {
  if (env.READER_KEY_FILE) return path.resolve(env.READER_KEY_FILE);
  return path.join(path.dirname(path.resolve(env.READER_DB ?? path.join('data', 'reader.db'))), 'reader-key');
}

/** Keys read, by where they came from: read once per process, not on every request. */
const keys = new Map<string, string>();

/**
 * The key that hashes readers' addresses and signs their cookies: READER_SECRET (several public
 * servers sharing one Redis must share it), or the key file, created once (folder 700, file 600).
 */
export function readerKey(env: Record<string, string | undefined> = process.env): string {
  if (env.READER_SECRET) {
    if (env.READER_SECRET.length < 32) throw new Error('READER_SECRET must have at least 32 characters: generate one with `openssl rand -hex 32` and give every public server the same value');
    return env.READER_SECRET;
  }
  const file = readerKeyFile(env);
  const known = keys.get(file);
  if (known) return known;
  let key: string;
  try {
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written whole under another name, then linked into place: two workers starting at once
      // make one key (the loser's link fails and it reads the winner's), and no one reads half a file.
      const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
      try {
        linkSync(draft, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        rmSync(draft, { force: true });
      }
    }
    chmodSync(file, 0o600);
    key = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new Error(`Cannot make or read the reader key file ${file} (READER_KEY_FILE): ${(error as Error).message}. Run the public server as the owner of that folder, point READER_KEY_FILE elsewhere, or set READER_SECRET`);
  }
  if (key.length < 32) throw new Error(`The reader key file ${file} is damaged (too short): delete it to make a new one (votes already cast are then no longer recognised) or set READER_SECRET`);
  keys.set(file, key);
  return key;
}

const signature = (key: string, id: string) => createHmac('sha256', key).update(`cookie|${id}`).digest('base64url').slice(0, 22);

/** The cookie value for reader `id`: the id and its signature. */
export function signedCookie(key: string, id: string): string {
  return `${id}.${signature(key, id)}`;
}

/** The reader id in a cookie value, or null when it is missing, made up or altered. */
export function verifiedCookie(key: string, value: string | undefined): string | null {
  const match = value ? COOKIE.exec(value) : null;
  if (!match) return null;
  const expected = Buffer.from(signature(key, match[1]!));
  const given = Buffer.from(match[2]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? match[1]! : null;
}

/**
 * Counts one `action` of this reader's address (an IPv6 address by its /64): at most `limit` per
 * `windowMs`. The bucket's name is the address hashed with the key of the day, so a stolen store
 * and key file do not give the addresses of earlier days back. `scope` narrows the bucket (one
 * article's votes).
 */
export async function limitPerAddress(store: ReaderStore, request: Request, action: string, limit: number, windowMs: number, scope = '') {
  const bucket = keyedHash(await dayKey(store, Date.now()), `address|${addressGroup(clientAddress(request))}`);
  return store.consume(`${action}:${scope ? `${scope}:` : ''}${bucket}`, limit, windowMs);
}

/** Each store's key of the day, for the day it was made: its salt is fixed for the day. */
const dayKeys = new WeakMap<ReaderStore, { day: string; key: Promise<string> }>();

/**
 * The key of the day (Vietnam time) that `now` falls in: the reader key and the store's salt of
 * that day. The store is asked once a day per process, not on every counted visit or limited
 * request (its salt is a write transaction on SQLite, a round trip on Redis).
 */
function dayKey(store: ReaderStore, now: number): Promise<string> {
  const day = vietnamDay(new Date(now));
  const known = dayKeys.get(store);
  if (known?.day === day) return known.key;
  const key = store.dailySalt(day, now).then((salt) => keyedHash(readerKey(), `day|${day}|${salt}`));
  const entry = { day, key };
  dayKeys.set(store, entry);
  // A store that failed (Redis down) is asked again by the next request.
  key.catch(() => dayKeys.get(store) === entry && dayKeys.delete(store));
  return key;
}

/**
 * The reader: from their signed cookie when it is valid, otherwise a keyed hash of address and
 * browser, which is then set as the cookie (so the second page of a first visit is the same
 * reader, and a client without cookies is still one reader per address and browser).
 */
export function readerId(request: Request, cookies: AstroCookies): string {
  const key = readerKey();
  const fromCookie = verifiedCookie(key, cookies.get(VISITOR_COOKIE)?.value);
  if (fromCookie) return fromCookie;
  const id = keyedHash(key, `reader|${clientAddress(request)}|${request.headers.get('user-agent') ?? ''}`);
  cookies.set(VISITOR_COOKIE, signedCookie(key, id), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.headers.get('x-forwarded-proto') === 'https',
    maxAge: 365 * 24 * 60 * 60,
  });
  return id;
}

/** The reader as visit statistics keep them: hashed with the key of the day (`now`, Vietnam time). */
export async function visitorOfDay(store: ReaderStore, reader: string, now = Date.now()): Promise<string> {
  return keyedHash(await dayKey(store, now), reader);
}

/** A JSON answer that no cache keeps. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-robots-tag': 'noindex', ...headers },
  });
}

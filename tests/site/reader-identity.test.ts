/**
 * Who a reader is (issue 10, findings 4, 5 and 9): a signed cookie that cannot be made up, a key
 * kept in its own file (600) and never in the reader store, visitor hashes that change every day.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { AstroCookies } from 'astro';
import { describe, expect, test } from 'vitest';
import { readerId, readerKey, signedCookie, verifiedCookie, visitorOfDay, VISITOR_COOKIE } from '../../site/src/server/identity';
import { openSqliteStore } from '../../site/src/server/sqlite-store';

/** The cookies of one request, as Astro gives them to a route. */
function cookieJar(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const set = new Map<string, string>();
  const jar = {
    get: (name: string) => (values.has(name) ? { value: values.get(name)! } : undefined),
    set: (name: string, value: string) => void set.set(name, value),
  } as unknown as AstroCookies;
  return { jar, set };
}

const request = (address: string, userAgent = 'Trinh duyet thu/1.0') => new Request('http://127.0.0.1/api/danh-gia/', { headers: { 'x-cong-client-ip': address, 'user-agent': userAgent } });

describe('reader identity', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cong-identity-'));
  process.env.READER_DB = path.join(dir, 'data', 'reader.db');
  delete process.env.READER_SECRET;
  delete process.env.READER_KEY_FILE;

  test('made-up or altered cookies are replaced and make no new reader (issue 10, findings 4 and 5)', () => {
    const first = cookieJar();
    const reader = readerId(request('203.0.113.7'), first.jar);
    const cookie = first.set.get(VISITOR_COOKIE)!;
    expect(verifiedCookie(readerKey(), cookie)).toBe(reader);
    // The same reader with the cookie it was given.
    const back = cookieJar({ [VISITOR_COOKIE]: cookie });
    expect(readerId(request('198.51.100.1'), back.jar)).toBe(reader);
    expect(back.set.size).toBe(0);
    // Made-up cookies, old unsigned ones and altered ones: the same reader as without a cookie, and a good cookie again.
    for (const forged of [randomBytes(16).toString('hex'), `${randomBytes(16).toString('hex')}.${'A'.repeat(22)}`, `${'0'.repeat(32)}${cookie.slice(32)}`, `${cookie.slice(0, -1)}${cookie.endsWith('A') ? 'B' : 'A'}`]) {
      const jar = cookieJar({ [VISITOR_COOKIE]: forged });
      expect(readerId(request('203.0.113.7'), jar.jar), forged).toBe(reader);
      expect(jar.set.get(VISITOR_COOKIE)).toBe(cookie);
    }
    // Another address is another reader.
    expect(readerId(request('203.0.113.8'), cookieJar().jar)).not.toBe(reader);
  });

  test('the key sits in its own file (600, folder 700), never in the reader store (issue 10, finding 9)', async () => {
    const store = openSqliteStore(process.env.READER_DB!);
    await store.recordVisit(await visitorOfDay(store, readerId(request('203.0.113.7'), cookieJar().jar)));
    const keyFile = path.join(dir, 'data', 'reader-key');
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'data')).mode & 0o777).toBe(0o700);
    expect(statSync(process.env.READER_DB!).mode & 0o777).toBe(0o600);
    for (const side of ['-wal', '-shm']) if (existsSync(`${process.env.READER_DB}${side}`)) expect(statSync(`${process.env.READER_DB}${side}`).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8').trim();
    expect(key).toBe(readerKey());
    await store.close();
    const db = new Database(process.env.READER_DB!, { readonly: true });
    const everything = JSON.stringify((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(({ name }) => db.prepare(`SELECT * FROM ${name}`).all()));
    db.close();
    expect(everything).not.toContain(key);
    expect(everything).not.toContain('203.0.113.7');
  });

  test('a database made before the key file loses its stored secret', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cong-identity-old-')), 'reader.db');
    const secret = randomBytes(32).toString('hex');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec(`CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('secret', '${secret}')`);
    old.close();
    expect(readFileSync(file).includes(secret)).toBe(true);
    const store = openSqliteStore(file);
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM meta WHERE name = 'secret'").get()).toEqual({ n: 0 });
    db.close();
    // Gone from the bytes on disk too, not only from the table.
    for (const f of [file, `${file}-wal`]) if (existsSync(f)) expect(readFileSync(f).includes(secret), f).toBe(false);
    await store.close();
  });

  test('visit statistics hash a reader with the key of the day: another day, another hash', async () => {
    const store = openSqliteStore(path.join(mkdtempSync(path.join(tmpdir(), 'cong-identity-day-')), 'reader.db'));
    const day1 = Date.UTC(2026, 10, 27, 3, 0, 0);
    const a = await visitorOfDay(store, 'reader-1', day1);
    expect(await visitorOfDay(store, 'reader-1', day1 + 60_000)).toBe(a);
    expect(await visitorOfDay(store, 'reader-1', day1 + 24 * 60 * 60 * 1000)).not.toBe(a);
    expect(a).not.toBe('reader-1');
    // The store is asked for a day's salt once, not on every visit.
    const asked: string[] = [];
    const counting = { ...store, dailySalt: (day: string, now?: number) => (asked.push(day), store.dailySalt(day, now)) };
    for (let i = 0; i < 5; i += 1) await visitorOfDay(counting, `reader-${i}`, day1 + i);
    expect(asked).toEqual(['2026-11-27']);
    await store.close();
  });

  test('READER_SECRET replaces the file, and a short one is refused naming the variable', () => {
    const secret = 'k'.repeat(40);
    expect(readerKey({ READER_SECRET: secret })).toBe(secret);
    expect(verifiedCookie(secret, signedCookie(secret, 'a'.repeat(32)))).toBe('a'.repeat(32));
    expect(verifiedCookie(readerKey(), signedCookie(secret, 'a'.repeat(32)))).toBeNull();
    expect(() => readerKey({ READER_SECRET: 'short' })).toThrow(/READER_SECRET/);
  });
});

/**
 * The embedded reader store: one SQLite file (WAL, busy timeout), shared by the worker threads and
 * processes of one public server. better-sqlite3 runs each transaction synchronously, so a
 * read-modify-write is never interleaved within a process, and BEGIN IMMEDIATE serialises writers
 * across processes.
 */
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { prepareSqliteFile } from '@cong/content-types';
import { MAX_VISITORS, ONLINE_WINDOW_MS, VISIT_GAP_MS, type ReaderStore, type RatingSummary, type VisitCounts } from './store.ts';
import { vietnamDay } from '../lib/format.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS visitors (id TEXT PRIMARY KEY, last_seen INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS visitors_last_seen ON visitors (last_seen);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS votes (article TEXT NOT NULL, voter TEXT NOT NULL, stars INTEGER NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (article, voter));
CREATE TABLE IF NOT EXISTS ratings (article TEXT PRIMARY KEY, count INTEGER NOT NULL, sum INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS limits (bucket TEXT PRIMARY KEY, count INTEGER NOT NULL, reset_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS captchas (id TEXT PRIMARY KEY, answer TEXT NOT NULL, expires_at INTEGER NOT NULL);
`;

/**
 * Opens (creating it if needed) the store in `file`. The file and its WAL are readable by the
 * server's user only (600, SQLite gives its side files the database's mode), its folder 700.
 */
export function openSqliteStore(file: string, options: { maxVisitors?: number } = {}): ReaderStore {
  const maxVisitors = options.maxVisitors ?? MAX_VISITORS;
  let db: Database.Database;
  try {
    prepareSqliteFile(file);
    db = new Database(file);
  } catch (error) {
    throw new Error(`Cannot open the reader store ${file} (READER_DB): ${(error as Error).message}. Run the public server as the owner of that folder, or point READER_DB elsewhere`);
  }
  // Deleted rows (yesterday's salts, visitors, an old secret) are overwritten, not left in free pages.
  db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);

  const q = {
    counter: db.prepare<[string], { value: number }>('SELECT value FROM counters WHERE name = ?'),
    bump: db.prepare('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1'),
    lastSeen: db.prepare<[string], { last_seen: number }>('SELECT last_seen FROM visitors WHERE id = ?'),
    seen: db.prepare('INSERT INTO visitors (id, last_seen) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen'),
    online: db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM visitors WHERE last_seen >= ?'),
    forget: db.prepare('DELETE FROM visitors WHERE last_seen < ?'),
    overflow: db.prepare('DELETE FROM visitors WHERE id IN (SELECT id FROM visitors ORDER BY last_seen DESC LIMIT -1 OFFSET ?)'),
    dropLimits: db.prepare('DELETE FROM limits WHERE reset_at < ?'),
    dropSalts: db.prepare("DELETE FROM meta WHERE name LIKE 'salt:%' AND name < ?"),
    insertVote: db.prepare('INSERT OR IGNORE INTO votes (article, voter, stars, at) VALUES (?, ?, ?, ?)'),
    addRating: db.prepare('INSERT INTO ratings (article, count, sum) VALUES (?, 1, ?) ON CONFLICT (article) DO UPDATE SET count = count + 1, sum = sum + excluded.sum'),
    rating: db.prepare<[string], RatingSummary>('SELECT count, sum FROM ratings WHERE article = ?'),
    limit: db.prepare<[string], { count: number; reset_at: number }>('SELECT count, reset_at FROM limits WHERE bucket = ?'),
    setLimit: db.prepare('INSERT INTO limits (bucket, count, reset_at) VALUES (?, ?, ?) ON CONFLICT (bucket) DO UPDATE SET count = excluded.count, reset_at = excluded.reset_at'),
    putCaptcha: db.prepare('INSERT OR REPLACE INTO captchas (id, answer, expires_at) VALUES (?, ?, ?)'),
    takeCaptcha: db.prepare<[string], { answer: string; expires_at: number }>('DELETE FROM captchas WHERE id = ? RETURNING answer, expires_at'),
    dropExpired: db.prepare('DELETE FROM captchas WHERE expires_at < ?'),
    meta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE name = ?'),
    setMetaIfMissing: db.prepare('INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)'),
  };

  const counts = (now: number): VisitCounts => ({
    total: q.counter.get('total')?.value ?? 0,
    today: q.counter.get(`day:${vietnamDay(new Date(now))}`)?.value ?? 0,
    online: q.online.get(now - ONLINE_WINDOW_MS)?.n ?? 0,
  });
  let visitsSinceCleanup = 0;

  const recordVisit = db.transaction((visitor: string, now: number): VisitCounts => {
    const last = q.lastSeen.get(visitor)?.last_seen;
    if (last === undefined || last < now - VISIT_GAP_MS) {
      q.bump.run('total');
      q.bump.run(`day:${vietnamDay(new Date(now))}`);
    }
    q.seen.run(visitor, now);
    if (++visitsSinceCleanup >= Math.min(100, maxVisitors)) {
      visitsSinceCleanup = 0;
      q.forget.run(now - VISIT_GAP_MS);
      q.overflow.run(maxVisitors);
      q.dropExpired.run(now);
      q.dropLimits.run(now);
    }
    return counts(now);
  });
  const vote = db.transaction((article: string, voter: string, stars: number) => {
    const accepted = q.insertVote.run(article, voter, stars, Date.now()).changes === 1;
    if (accepted) q.addRating.run(article, stars);
    return { accepted, ...(q.rating.get(article) ?? { count: 0, sum: 0 }) };
  });
  const consume = db.transaction((bucket: string, limit: number, windowMs: number, now: number) => {
    const row = q.limit.get(bucket);
    if (!row || row.reset_at <= now) {
      q.setLimit.run(bucket, 1, now + windowMs);
      return { allowed: limit >= 1, retryAfterSeconds: 0 };
    }
    if (row.count >= limit) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.reset_at - now) / 1000)) };
    q.setLimit.run(bucket, row.count + 1, row.reset_at);
    return { allowed: true, retryAfterSeconds: 0 };
  });
  const dailySalt = db.transaction((day: string, now: number) => {
    q.dropSalts.run(`salt:${vietnamDay(new Date(now - 24 * 60 * 60 * 1000))}`);
    q.setMetaIfMissing.run(`salt:${day}`, randomBytes(16).toString('hex'));
    return q.meta.get(`salt:${day}`)!.value;
  });
  // Before Cổng kept its reader key in a file of its own, a secret sat in this table beside the
  // hashes it keyed: it is deleted.
  if (db.prepare("DELETE FROM meta WHERE name = 'secret'").run().changes > 0) {
    // Its bytes must not survive in the file or its WAL either.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  // Every read-modify-write runs as BEGIN IMMEDIATE (`.immediate`): the write lock is taken up
  // front, so two processes never both read then write.

  return {
    kind: 'sqlite',
    recordVisit: async (visitor, now = Date.now()) => recordVisit.immediate(visitor, now),
    visitCounts: async (now = Date.now()) => counts(now),
    vote: async (article, voter, stars) => vote.immediate(article, voter, stars),
    rating: async (article) => q.rating.get(article) ?? { count: 0, sum: 0 },
    consume: async (bucket, limit, windowMs, now = Date.now()) => consume.immediate(bucket, limit, windowMs, now),
    putCaptcha: async (id, answer, ttlMs, now = Date.now()) => void q.putCaptcha.run(id, answer, now + ttlMs),
    takeCaptcha: async (id, now = Date.now()) => {
      const row = q.takeCaptcha.get(id);
      return row && row.expires_at >= now ? row.answer : null;
    },
    dailySalt: async (day, now = Date.now()) => dailySalt.immediate(day, now),
    close: async () => void db.close(),
  };
}

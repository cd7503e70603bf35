/**
 * The reader data of a backup: visit counts, ratings and votes (with the short-lived limits and
 * captchas), per portal, from where the public server keeps them: a SQLite file (READER_DB, and
 * `portals/<code>/reader.db` beside it) or keys in Redis (REDIS_URL; REDIS_PREFIX, and
 * `<REDIS_PREFIX>portal:<code>:` for the other portals). The reader key (READER_KEY_FILE) is a
 * secret and stays out of backups: a restore onto another machine starts a new key, which only
 * means today's visitors are counted afresh.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import Redis from 'ioredis';
import type { PortalInfo } from '../../content-types/src/portals.ts';
import { portalEnvironment } from '../public/config.ts';
import { REDIS_KEY_PATTERNS } from '../../site/src/server/redis-store.ts';

export interface ReaderPlace {
  /** Where the public server keeps the reader data: READER_DB (resolved) or REDIS_URL with REDIS_PREFIX. */
  readerDb: string;
  redisUrl?: string;
  redisPrefix?: string;
}

/** Where one portal's reader data is: its SQLite file, or its Redis key prefix. */
export function readerLocation(place: ReaderPlace, portal: Pick<PortalInfo, 'code' | 'primary'>): { kind: 'sqlite'; file: string } | { kind: 'redis'; prefix: string } {
  const env = portalEnvironment({ READER_DB: place.readerDb, REDIS_PREFIX: place.redisPrefix }, portal);
  if (place.redisUrl) return { kind: 'redis', prefix: env.REDIS_PREFIX ?? place.redisPrefix ?? 'cong:' };
  return { kind: 'sqlite', file: env.READER_DB ?? place.readerDb };
}

/** Saves one portal's reader data as `<to>/<code>.db` or `<to>/<code>.redis.json`; returns the file's name, or null when there is none yet. */
export async function backupReader(place: ReaderPlace, portal: Pick<PortalInfo, 'code' | 'primary'>, to: string): Promise<string | null> {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  const where = readerLocation(place, portal);
  if (where.kind === 'sqlite') {
    if (!existsSync(where.file)) return null;
    const name = `${portal.code}.db`;
    // SQLite's online backup: consistent while the public server writes.
    const db = new Database(where.file, { readonly: true, fileMustExist: true });
    try {
      await db.backup(path.join(to, name));
    } finally {
      db.close();
    }
    chmodSync(path.join(to, name), 0o600); // votes and visitor hashes: the operator's alone
    return name;
  }
  const redis = new Redis(place.redisUrl!, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    const keys: Array<{ key: string; ttl: number; value: string }> = [];
    for (const key of await storeKeys(redis, where.prefix)) {
      const [value, ttl] = await Promise.all([redis.dumpBuffer(key), redis.pttl(key)]);
      if (value) keys.push({ key: key.slice(where.prefix.length), ttl: ttl > 0 ? ttl : 0, value: value.toString('base64') });
    }
    const name = `${portal.code}.redis.json`;
    writeFileSync(path.join(to, name), JSON.stringify({ keys }), { mode: 0o600 });
    return name;
  } finally {
    redis.disconnect();
  }
}

/** Puts a portal's reader data back where the public server reads it (replacing what is there). */
export async function restoreReader(place: ReaderPlace, portal: Pick<PortalInfo, 'code' | 'primary'>, from: string, name: string): Promise<void> {
  const where = readerLocation(place, portal);
  const source = path.join(from, name);
  if (name.endsWith('.db')) {
    if (where.kind !== 'sqlite') throw new Error(`the backup holds ${portal.code}'s reader data as a SQLite file but this install keeps it in Redis (REDIS_URL): unset REDIS_URL to restore it, or restore into a SQLite install`);
    mkdirSync(path.dirname(where.file), { recursive: true, mode: 0o700 });
    const staging = `${where.file}.restore`;
    copyDb(source, staging);
    for (const side of ['-wal', '-shm']) rmSync(`${where.file}${side}`, { force: true });
    renameSync(staging, where.file);
    return;
  }
  if (where.kind !== 'redis') throw new Error(`the backup holds ${portal.code}'s reader data from Redis but this install keeps it in SQLite: set REDIS_URL to restore it`);
  const { keys } = JSON.parse(readFileSync(source, 'utf8')) as { keys: Array<{ key: string; ttl: number; value: string }> };
  const redis = new Redis(place.redisUrl!, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    // What the portal has now goes, once every saved key has been checked (RESTORE refuses a dump from a newer Redis).
    const payloads = keys.map((k) => ({ key: `${where.prefix}${k.key}`, ttl: k.ttl, value: Buffer.from(k.value, 'base64') }));
    const check = `${where.prefix}restore-check`;
    for (const p of payloads.slice(0, 1)) {
      await redis.restore(check, 0, p.value, 'REPLACE');
      await redis.del(check);
    }
    const existing = await storeKeys(redis, where.prefix);
    if (existing.length > 0) await redis.del(...existing);
    for (const p of payloads) await redis.restore(p.key, p.ttl, p.value, 'REPLACE');
  } finally {
    redis.disconnect();
  }
}

/** A copy of a SQLite file with mode 600 (the reader store's own mode). */
function copyDb(from: string, to: string): void {
  rmSync(to, { force: true });
  writeFileSync(to, readFileSync(from), { mode: 0o600 });
}

/**
 * The reader store's keys under `prefix`: only the families it writes, so the primary portal's
 * `cong:` never takes another portal's (`cong:portal:<code>:…`) or another install's nested prefix.
 */
async function storeKeys(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for (const pattern of REDIS_KEY_PATTERNS) {
    for await (const batch of redis.scanStream({ match: `${escapeGlob(prefix)}${pattern}`, count: 500 })) keys.push(...(batch as string[]));
  }
  return [...new Set(keys)];
}

/** Redis MATCH treats * ? [ ] \ as pattern characters. */
const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');

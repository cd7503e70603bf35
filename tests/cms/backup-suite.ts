/**
 * `npm run backup` / `npm run restore` (issue 14, item 6), round trips on a real Strapi: the demo
 * install (three portals, media files, reader data, live releases) backed up whole and restored by
 * the command into an empty install, nothing lost; one portal's backup restored over an install
 * whose editors changed things since (its entries back as they were, the other portals keep
 * their changes) and into an empty install of its own. The source CMS runs in this process; every
 * restore is the real command in its own process, and each restored install is checked in its
 * database, on disk and through its own running CMS (Strapi runs once per process).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoContent } from '../../cms/src/seed/index';
import { readPortalRegistry } from '../../content-types/src/portals';
import { createBackup, type BackupManifest, type InstallPlaces } from '../../scripts/backup/index';
import { rootDir } from '../../scripts/lib/cms';
import { startCms as startCmsProcess } from '../../scripts/bench/cms';
import { activate, currentRelease } from '../../scripts/publisher/releases';
import { openSqliteStore } from '../../site/src/server/sqlite-store';
import { openRedisStore } from '../../site/src/server/redis-store';
import type { ReaderStore } from '../../site/src/server/store';
import { POSTGRES_ADMIN_URL, startCms, withAdminClient, type CmsHarness } from '../helpers/cms-harness';
import { request } from '../helpers/http';
import { freePort } from '../helpers/net';
import { REDIS_URL } from '../helpers/redis';

const ARTICLE = 'api::article.article';

/** One install of the test: its folders, database, reader data and the environment its commands get. */
interface Install {
  name: string;
  dataDir: string;
  uploadsDir: string;
  releasesDir: string;
  readerDb: string;
  redisPrefix?: string;
  databaseUrl?: string;
  port: number;
  env: Record<string, string>;
}

export function defineBackupSuite(database: 'sqlite' | 'postgres', reader: 'sqlite' | 'redis'): void {
  const work = mkdtempSync(path.join(tmpdir(), 'cong-backup-test-'));
  const prefix = `cong-test-${process.pid}-${Date.now().toString(36)}:`;
  const databases: string[] = [];
  let source: CmsHarness | null = null;

  async function newInstall(name: string): Promise<Install> {
    const dir = path.join(work, name);
    const uploadsDir = path.join(dir, 'public', 'uploads');
    mkdirSync(uploadsDir, { recursive: true, mode: 0o700 });
    const install: Install = {
      name,
      dataDir: path.join(dir, 'data'),
      uploadsDir,
      releasesDir: path.join(dir, 'releases'),
      readerDb: path.join(dir, 'reader', 'reader.db'),
      ...(reader === 'redis' ? { redisPrefix: `${prefix}${name}:` } : {}),
      port: await freePort(),
      env: {},
    };
    if (database === 'postgres') {
      const db = `cong_backup_${process.pid}_${name}_${Date.now().toString(36)}`;
      await withAdminClient((c) => c.query(`CREATE DATABASE ${db}`));
      databases.push(db);
      const url = new URL(POSTGRES_ADMIN_URL);
      url.pathname = `/${db}`;
      install.databaseUrl = url.toString();
    }
    install.env = {
      CONG_ENV_FILE: '/dev/null',
      NODE_ENV: 'test',
      CMS_DATA_DIR: install.dataDir,
      CMS_PUBLIC_DIR: path.dirname(uploadsDir),
      CMS_PORT: String(install.port),
      CMS_URL: `http://127.0.0.1:${install.port}`,
      RELEASES_DIR: install.releasesDir,
      READER_DB: install.readerDb,
      ...(install.databaseUrl ? { DATABASE_URL: install.databaseUrl } : {}),
      ...(reader === 'redis' ? { REDIS_URL, REDIS_PREFIX: install.redisPrefix! } : {}),
    };
    return install;
  }

  /** Runs `npm run backup|restore` (the script itself) for an install; resolves with its exit code and output. */
  const command = (install: Install, args: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts', 'backup.ts'), ...args], { cwd: rootDir, env: { ...process.env, DATABASE_URL: '', ...install.env } });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => resolve({ code, out }));
    });

  /** Reads an install's database directly: the SQL comes from the source CMS's own metadata. */
  let articleSql = '';
  let countSql: Record<string, string> = {};
  const query = async (install: Install, sql: string): Promise<Array<Record<string, unknown>>> => {
    if (!install.databaseUrl) {
      const db = new Database(path.join(install.dataDir, 'cms.db'), { readonly: true });
      try {
        return db.prepare(sql).all() as Array<Record<string, unknown>>;
      } finally {
        db.close();
      }
    }
    const c = new pg.Client({ connectionString: install.databaseUrl });
    await c.connect();
    try {
      return (await c.query(sql)).rows as Array<Record<string, unknown>>;
    } finally {
      await c.end();
    }
  };
  const articlesOf = async (install: Install) => (await query(install, articleSql)).map((r) => `${r.portal}|${r.document_id}|${r.slug}|${r.title}|${r.published_at ? 'published' : 'draft'}`).sort();
  const countsOf = async (install: Install) => {
    const out: Record<string, number> = {};
    for (const [uid, sql] of Object.entries(countSql)) out[uid] = Number((await query(install, sql))[0]!.n);
    return out;
  };
  const hashes = (dir: string) => Object.fromEntries(readdirSync(dir).filter((n) => !n.startsWith('.')).sort().map((n) => [n, createHash('sha256').update(readFileSync(path.join(dir, n))).digest('hex')]));

  /** The reader store one portal's public server opens in an install. */
  const storeOf = (install: Pick<Install, 'readerDb' | 'redisPrefix'>, code: string, primary: boolean): ReaderStore => {
    const sub = primary ? '' : `portal:${code}:`;
    if (reader === 'redis') return openRedisStore(REDIS_URL, `${install.redisPrefix}${sub}`);
    const file = primary ? install.readerDb : path.join(path.dirname(install.readerDb), 'portals', code, 'reader.db');
    mkdirSync(path.dirname(file), { recursive: true });
    return openSqliteStore(file);
  };
  /** A live release as the publisher leaves one. */
  const liveRelease = (root: string, name: string, text: string) => {
    mkdirSync(path.join(root, 'releases', name, 'client'), { recursive: true });
    writeFileSync(path.join(root, 'releases', name, 'client', 'index.html'), `<!doctype html><title>${text}</title>`);
    writeFileSync(path.join(root, 'releases', name, 'release.json'), '{}');
    activate(root, name);
  };
  /** Starts an install's CMS as its own process (`strapi start`), for its REST and admin API. */
  const running = (install: Install) => startCmsProcess({ ...process.env, DATABASE_URL: '', ...install.env }, install.env.CMS_URL!);
  const adminToken = async (install: Install) => {
    const creds = readFileSync(path.join(install.dataDir, 'admin-credentials.txt'), 'utf8');
    const login = await request(`${install.env.CMS_URL}/admin/login`, { method: 'POST', body: { email: /email: (.*)/.exec(creds)![1], password: /password: (.*)/.exec(creds)![1] } });
    expect(login.status).toBe(200);
    return login.body.data.token as string;
  };
  const tokenOf = (install: Install, code: string) => readFileSync(path.resolve(install.dataDir, readPortalRegistry(install.dataDir)!.portals.find((p) => p.code === code)!.tokenFile!), 'utf8').trim();

  let sourceInstall: Install;
  let sourceArticles: string[];
  let sourceCounts: Record<string, number>;
  let sourceUploads: Record<string, string>;
  let whole: BackupManifest;
  let communeArticles: string[];
  const wholeDir = path.join(work, 'backup-all');
  const communeDir = path.join(work, 'backup-phu-lam');
  const primaryDir = path.join(work, 'backup-xa-tan-hoa');
  let restored: Install;

  beforeAll(async () => {
    sourceInstall = await newInstall('source');
    source = await startCms(database);
    const strapi = source.strapi;
    await seedDemoContent(strapi, { portals: true, log: () => undefined });
    // The SQL that reads every article row with its portal, and every owned type's rows.
    const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as { tableName: string; attributes: Record<string, { joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }> };
    const portalTable = meta('api::portal.portal').tableName;
    const link = meta(ARTICLE).attributes.portal!.joinTable!;
    const articles = meta(ARTICLE).tableName;
    articleSql = `SELECT a.document_id, a.slug, a.title, a.published_at, p.slug AS portal FROM ${articles} a LEFT JOIN ${link.name} l ON l.${link.joinColumn.name} = a.id LEFT JOIN ${portalTable} p ON p.id = l.${link.inverseJoinColumn.name}`;
    countSql = Object.fromEntries([...Object.keys(strapi.contentTypes).filter((u) => u.startsWith('api::') && u !== 'api::site-setting.site-setting'), 'plugin::upload.file'].map((uid) => [uid, `SELECT COUNT(*) AS n FROM ${meta(uid).tableName}`]));

    const places: InstallPlaces = { dataDir: source.dataDir, buildTokenFile: path.join(source.dataDir, 'build-token'), uploadsDir: source.uploadsDir, releasesDir: sourceInstall.releasesDir, reader: { readerDb: sourceInstall.readerDb, ...(reader === 'redis' ? { redisUrl: REDIS_URL, redisPrefix: sourceInstall.redisPrefix } : {}) } };
    // Readers have visited and rated on two portals; two portals have a live release.
    const primary = storeOf(sourceInstall, 'xa-tan-hoa', true);
    const commune = storeOf(sourceInstall, 'phu-lam', false);
    for (const visitor of ['a', 'b', 'c']) await primary.recordVisit(visitor);
    await primary.vote('bai-a', 'a', 5);
    await commune.recordVisit('z');
    await commune.vote('bai-z', 'z', 4);
    await commune.vote('bai-z', 'y', 2);
    await primary.close();
    await commune.close();
    liveRelease(sourceInstall.releasesDir, '20261201T080000Z-aaaa', 'Tân Hòa');
    liveRelease(path.join(sourceInstall.releasesDir, 'portals', 'phu-lam'), '20261201T080100Z-bbbb', 'Phú Lâm');

    const rows = (await strapi.db.connection.raw(articleSql)) as unknown;
    sourceArticles = (Array.isArray(rows) ? rows : (rows as { rows: Array<Record<string, unknown>> }).rows).map((r: Record<string, unknown>) => `${r.portal}|${r.document_id}|${r.slug}|${r.title}|${r.published_at ? 'published' : 'draft'}`).sort();
    sourceCounts = {};
    for (const uid of Object.keys(countSql)) sourceCounts[uid] = await strapi.db.query(uid as never).count();
    sourceUploads = hashes(source.uploadsDir);
    whole = await createBackup(strapi, places, { out: wholeDir });
    await createBackup(strapi, places, { out: communeDir, portal: 'phu-lam' });
    await createBackup(strapi, places, { out: primaryDir, portal: 'xa-tan-hoa' });
    communeArticles = sourceArticles.filter((a) => a.startsWith('phu-lam|'));
    await source.close();
    source = null;
  }, 300_000);

  afterAll(async () => {
    await source?.close();
    rmSync(work, { recursive: true, force: true });
    if (database === 'postgres') for (const db of databases) await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${db}`));
    if (reader === 'redis') {
      const redis = new (await import('ioredis')).Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });

  test('a whole backup says what it holds: three portals, their rows, media files, reader data and live releases', () => {
    expect(whole.scope).toBe('install');
    expect(whole.portals.map((p) => p.code)).toEqual(['xa-tan-hoa', 'lam-giang', 'phu-lam']);
    expect(whole.rows[ARTICLE]).toBe(sourceCounts[ARTICLE]);
    expect(whole.uploads).toBe(Object.keys(sourceUploads).length);
    expect(whole.uploads).toBeGreaterThan(0);
    expect(whole.portals.find((p) => p.code === 'phu-lam')).toMatchObject({ parent: 'lam-giang', release: '20261201T080100Z-bbbb', reader: expect.any(String) });
    expect(whole.portals.find((p) => p.code === 'lam-giang')?.release).toBeNull();
  });

  test('npm run restore brings the whole install back into an empty one: every entry (drafts too, same documentId and slug), media file, reader count and live release', async () => {
    restored = await newInstall('restored');
    const run = await command(restored, ['restore', wholeDir]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('restored the install');
    expect(await articlesOf(restored)).toEqual(sourceArticles);
    expect(await countsOf(restored)).toEqual(sourceCounts);
    expect(hashes(restored.uploadsDir)).toEqual(sourceUploads);
    const registry = readPortalRegistry(restored.dataDir)!;
    expect(registry.portals.map((p) => [p.code, p.parent, p.primary])).toEqual([['xa-tan-hoa', 'lam-giang', true], ['lam-giang', null, false], ['phu-lam', 'lam-giang', false]]);
    // No role is left for the first start's placeholder portal, which the restore replaced.
    expect(await query(restored, `SELECT id FROM admin_roles WHERE code = 'cong-portal-cong-thong-tin-dien-tu'`)).toEqual([]);
    // Reader data and live releases, where this install's public server reads them.
    const primary = storeOf(restored, 'xa-tan-hoa', true);
    const commune = storeOf(restored, 'phu-lam', false);
    expect((await primary.visitCounts()).total).toBe(3);
    expect(await primary.rating('bai-a')).toEqual({ count: 1, sum: 5 });
    expect(await commune.rating('bai-z')).toEqual({ count: 2, sum: 6 });
    expect((await commune.vote('bai-z', 'z', 1)).accepted).toBe(false); // the votes came back, not only the sums
    await primary.close();
    await commune.close();
    expect(currentRelease(restored.releasesDir)).toBe('20261201T080000Z-aaaa');
    expect(readFileSync(path.join(restored.releasesDir, 'portals', 'phu-lam', 'current', 'client', 'index.html'), 'utf8')).toContain('Phú Lâm');
  }, 300_000);

  test('the restored install serves its content: its build tokens read each portal\'s published entries; a restore refuses while the CMS runs, over content, or from the wrong backup', async () => {
    const stop = await running(restored);
    try {
      const published = sourceArticles.find((a) => a.startsWith('xa-tan-hoa|') && a.endsWith('|published'))!.split('|');
      const answer = await request(`${restored.env.CMS_URL}/api/articles?filters[slug][$eq]=${encodeURIComponent(published[2]!)}`, { token: readFileSync(path.join(restored.dataDir, 'build-token'), 'utf8').trim() });
      expect(answer.status).toBe(200);
      expect(answer.body.data.map((a: { documentId: string }) => a.documentId)).toEqual([published[1]]);
      const theirs = await request(`${restored.env.CMS_URL}/api/articles?pagination[pageSize]=100`, { token: tokenOf(restored, 'phu-lam') });
      expect(theirs.body.data.length).toBe(communeArticles.filter((a) => a.endsWith('|published')).length);
      const busy = await command(restored, ['restore', communeDir]);
      expect(busy.code).toBe(1);
      expect(busy.out).toMatch(/the CMS answers at .*stop it/);
    } finally {
      await stop();
    }
    const over = await command(restored, ['restore', wholeDir]);
    expect(over.code).toBe(2);
    expect(over.out).toMatch(/already has content.*--force/);
    const wrong = await command(restored, ['restore', wholeDir, '--portal', 'phu-lam']);
    expect(wrong.code).toBe(2);
    expect(wrong.out).toContain('npm run backup -- --portal phu-lam');
    const notBackup = await command(restored, ['restore', work]);
    expect(notBackup.out).toMatch(/is not a Cổng backup/);
    expect(await articlesOf(restored)).toEqual(sourceArticles);
  }, 300_000);

  test('one commune restored over an install that changed: its entries are back as they were, the other portals keep their changes', async () => {
    const gone = communeArticles[0]!.split('|')[1]!;
    const stop = await running(restored);
    let renamed: string;
    try {
      // Since the backup, editors deleted a Phú Lâm article and renamed a Tân Hòa one (in the admin).
      const token = await adminToken(restored);
      const cm = `${restored.env.CMS_URL}/content-manager/collection-types/${ARTICLE}`;
      expect((await request(`${cm}/${gone}`, { method: 'DELETE', token })).status).toBe(200);
      renamed = sourceArticles.find((a) => a.startsWith('xa-tan-hoa|'))!.split('|')[1]!;
      expect((await request(`${cm}/${renamed}`, { method: 'PUT', token, body: { title: 'Tiêu đề sửa sau khi sao lưu' } })).status).toBe(200);
    } finally {
      await stop();
    }
    const changed = await articlesOf(restored);
    expect(changed.filter((a) => a.startsWith('phu-lam|'))).not.toEqual(communeArticles);
    const othersBefore = changed.filter((a) => !a.startsWith('phu-lam|'));
    expect(othersBefore.join('\n')).toContain('Tiêu đề sửa sau khi sao lưu');

    const run = await command(restored, ['restore', communeDir, '--portal', 'phu-lam']);
    expect(run.code, run.out).toBe(0);
    const after = await articlesOf(restored);
    expect(after.filter((a) => a.startsWith('phu-lam|'))).toEqual(communeArticles);
    expect(after.filter((a) => !a.startsWith('phu-lam|'))).toEqual(othersBefore);
    expect(await countsOf(restored)).toEqual(sourceCounts);
    // Still under its province; its token reads its entries again.
    const registry = readPortalRegistry(restored.dataDir)!;
    expect(registry.portals.find((p) => p.code === 'phu-lam')).toMatchObject({ parent: 'lam-giang', enabled: true, primary: false });
    const stop2 = await running(restored);
    try {
      const theirs = await request(`${restored.env.CMS_URL}/api/articles?pagination[pageSize]=100`, { token: tokenOf(restored, 'phu-lam') });
      expect(theirs.body.data.map((a: { documentId: string }) => a.documentId)).toContain(gone);
    } finally {
      await stop2();
    }
  }, 300_000);

  test('a portal restore that fails (a backup from another schema) changes nothing: the portal keeps its entries and files', async () => {
    // The commune's backup, its archive's article schema altered as a backup of another version would be.
    const other = path.join(work, 'backup-other-version');
    cpSync(communeDir, other, { recursive: true });
    const unpacked = path.join(work, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', path.join(other, 'strapi.tar.gz'), '-C', unpacked]);
    const schemas = path.join(unpacked, 'schemas', readdirSync(path.join(unpacked, 'schemas'))[0]!);
    writeFileSync(schemas, readFileSync(schemas, 'utf8').split('\n').map((line) => {
      if (!line.includes('"api::article.article"')) return line;
      const schema = JSON.parse(line) as { attributes: Record<string, unknown> };
      schema.attributes.oldField = { type: 'string' };
      return JSON.stringify(schema);
    }).join('\n'));
    execFileSync('tar', ['-czf', path.join(other, 'strapi.tar.gz'), '-C', unpacked, '.']);
    const before = await articlesOf(restored);
    const uploads = hashes(restored.uploadsDir);
    const run = await command(restored, ['restore', other]);
    expect(run.code, run.out).toBe(1);
    expect(run.out).toContain('nothing was changed');
    expect(await articlesOf(restored)).toEqual(before);
    expect(await countsOf(restored)).toEqual(sourceCounts);
    expect(hashes(restored.uploadsDir)).toEqual(uploads);
  }, 300_000);

  test('the first portal is not restored alone beside others (it would lose its place as the primary): the operator is told what to do, nothing changes', async () => {
    const before = await articlesOf(restored);
    const run = await command(restored, ['restore', primaryDir]);
    expect(run.code, run.out).toBe(2);
    expect(run.out).toContain("xa-tan-hoa is this install's first portal");
    expect(run.out).toContain('restore the whole install');
    expect(await articlesOf(restored)).toEqual(before);
    expect(readPortalRegistry(restored.dataDir)!.portals.map((p) => [p.code, p.primary])).toEqual([['xa-tan-hoa', true], ['lam-giang', false], ['phu-lam', false]]);
  }, 300_000);

  test('a commune\'s backup into an empty install: it becomes that install\'s only portal, with its entries, reader data and live release', async () => {
    const own = await newInstall('own');
    const run = await command(own, ['restore', communeDir]);
    expect(run.code, run.out).toBe(0);
    expect(await articlesOf(own)).toEqual(communeArticles);
    const registry = readPortalRegistry(own.dataDir)!;
    expect(registry.portals.map((p) => [p.code, p.primary])).toEqual([['phu-lam', true]]);
    const store = storeOf(own, 'phu-lam', true);
    expect(await store.rating('bai-z')).toEqual({ count: 2, sum: 6 });
    await store.close();
    expect(currentRelease(own.releasesDir)).toBe('20261201T080100Z-bbbb');
    expect(existsSync(path.join(own.releasesDir, 'portals'))).toBe(false);
  }, 300_000);
}

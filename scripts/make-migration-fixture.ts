/**
 * `npx tsx scripts/make-migration-fixture.ts [--commit SHA]`: remakes tests/fixtures/pre-portals,
 * the databases of an install from before portals (issue 14) that the upgrade test starts today's
 * CMS on. Checks the old commit out in a temporary git worktree (its node_modules hard-linked from
 * this one: the dependencies did not change), runs its `npm run seed` on a fresh SQLite data folder
 * and on a fresh PostgreSQL database (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test,
 * whose server also holds the temporary database), dumps both (`sqlite.sql.gz`, `postgres.sql.gz`,
 * plain SQL) and writes `fixture.json`: what the old install held, which the test compares with.
 * Needs git, pg_dump (of the server's version or newer) and a machine where `npm run seed` works.
 */
import './lib/require-node.ts';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PORTAL_FIELD } from '../content-types/src/define.ts';
import { contentTypes } from '../content-types/src/model.ts';
import { dumpSqlite, withoutPsqlCommands } from './lib/sql-dump.ts';
import { rootDir } from './lib/cms.ts';
import type { FixtureCounts, FixtureSettings, PrePortalsFixture } from '../tests/helpers/pre-portals-fixture.ts';

/** The last commit before portals (e0fd1b9 introduced them). */
const DEFAULT_COMMIT = '58a1d9a';
/** The old install's first admin: a fixed test account, so the dumps hold no generated secret of it. */
const ADMIN = { email: 'quantri@cong.test', password: 'Thu-nghiem-2026' };
const outDir = path.join(rootDir, 'tests', 'fixtures', 'pre-portals');
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const { values } = parseArgs({ options: { commit: { type: 'string', default: DEFAULT_COMMIT } } });
const commit = execFileSync('git', ['rev-parse', '--verify', `${values.commit}^{commit}`], { cwd: rootDir, encoding: 'utf8' }).trim();
const log = (m: string) => console.log(`[fixture] ${m}`);

type Query = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** The tables of the types that belong to portals today (the portal type itself is new). */
const ownedTypes = contentTypes.filter((t) => PORTAL_FIELD in t.attributes);
const tableOf = (pluralName: string) => pluralName.replace(/-/g, '_');
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

async function countsOf(query: Query): Promise<FixtureCounts> {
  const counts: FixtureCounts = {};
  for (const type of ownedTypes) {
    const [row] = await query(`SELECT COUNT(*) AS rows, COUNT(published_at) AS published FROM ${tableOf(type.pluralName)}`);
    counts[type.uid] = { rows: Number(row!.rows), published: Number(row!.published) };
  }
  const [files] = await query('SELECT COUNT(*) AS rows FROM files');
  counts['plugin::upload.file'] = { rows: Number(files!.rows), published: Number(files!.rows) };
  const [settings] = await query('SELECT COUNT(*) AS rows, COUNT(published_at) AS published FROM site_settings');
  counts['api::site-setting.site-setting'] = { rows: Number(settings!.rows), published: Number(settings!.published) };
  return counts;
}

/** "Cấu hình cổng" as the old install stored it: its fields, menus and pictures. */
async function settingsOf(query: Query): Promise<FixtureSettings> {
  const rows = await query('SELECT * FROM site_settings');
  if (rows.length !== 1) throw new Error(`the old install has ${rows.length} rows of "Cấu hình cổng", expected 1`);
  const system = new Set(['id', 'document_id', 'created_at', 'updated_at', 'published_at', 'created_by_id', 'updated_by_id', 'locale']);
  const fields = Object.fromEntries(
    Object.entries(rows[0]!)
      .filter(([k]) => !system.has(k))
      .map(([k, v]) => [camel(k), v ?? null] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  ) as Record<string, string | null>;
  const menus: FixtureSettings['menus'] = {};
  for (const item of await query(
    `SELECT c.field, m.label, m.url FROM site_settings_cmps c JOIN components_navigation_menu_items m ON m.id = c.cmp_id
     WHERE c.component_type = 'navigation.menu-item' ORDER BY c.field, c."order"`,
  )) {
    (menus[String(item.field)] ??= []).push({ label: String(item.label), url: String(item.url) });
  }
  const media: FixtureSettings['media'] = {};
  for (const file of await query(
    `SELECT r.field, f.name FROM files_related_mph r JOIN files f ON f.id = r.file_id WHERE r.related_type = 'api::site-setting.site-setting' ORDER BY r.field`,
  )) {
    media[String(file.field)] = String(file.name);
  }
  return { fields, menus, media };
}

async function sampleArticle(query: Query): Promise<{ documentId: string; slug: string; title: string }> {
  const [row] = await query('SELECT document_id, slug, title FROM articles WHERE published_at IS NOT NULL ORDER BY id LIMIT 1');
  if (!row) throw new Error('the old install has no published article');
  return { documentId: String(row.document_id), slug: String(row.slug), title: String(row.title) };
}

async function describeDatabase(query: Query) {
  return { counts: await countsOf(query), settings: await settingsOf(query), article: await sampleArticle(query) };
}

const work = mkdtempSync(path.join(tmpdir(), 'cong-pre-portals-'));
const oldTree = path.join(work, 'old');
const dbName = `cong_pre_portals_${process.pid}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const withAdmin = async (sql: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

try {
  log(`checking out ${commit} in ${oldTree}`);
  execFileSync('git', ['worktree', 'add', '--detach', oldTree, commit], { cwd: rootDir, stdio: 'inherit' });
  execFileSync('cp', ['-al', path.join(rootDir, 'node_modules'), path.join(oldTree, 'node_modules')]);
  execFileSync('npm', ['run', 'build', '-w', 'content-types'], { cwd: oldTree, stdio: 'inherit' });
  const emptyEnv = path.join(work, 'empty.env');
  writeFileSync(emptyEnv, '');

  /** `npm run seed` of the old commit on a fresh data folder; returns the folder. */
  const seed = (name: string, extra: Record<string, string>): string => {
    const dataDir = path.join(work, name);
    const publicDir = path.join(work, `${name}-public`);
    mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
    const env: NodeJS.ProcessEnv = { ...process.env, CONG_ENV_FILE: emptyEnv, CMS_DATA_DIR: dataDir, CMS_PUBLIC_DIR: publicDir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...extra };
    delete env.NODE_ENV;
    if (!extra.DATABASE_URL) delete env.DATABASE_URL;
    log(`seeding the demo with ${commit.slice(0, 7)} into ${extra.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`);
    execFileSync('npm', ['run', 'seed'], { cwd: oldTree, env, stdio: 'inherit' });
    return dataDir;
  };

  const sqliteFile = path.join(seed('sqlite', {}), 'cms.db');
  const sqliteDb = new Database(sqliteFile, { readonly: true });
  const sqlite = await describeDatabase(async (sql, params = []) => sqliteDb.prepare(sql).all(...params) as Array<Record<string, unknown>>);
  sqliteDb.close();
  writeFileSync(path.join(outDir, 'sqlite.sql.gz'), gzipSync(dumpSqlite(sqliteFile), { level: 9 }));

  await withAdmin(`CREATE DATABASE ${dbName}`);
  seed('postgres', { DATABASE_URL: dbUrl });
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const postgres = await describeDatabase(async (sql, params = []) => {
    let n = 0;
    return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows;
  });
  await client.end();
  const dump = execFileSync('pg_dump', ['--no-owner', '--no-privileges', '--inserts', '--dbname', dbUrl], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  writeFileSync(path.join(outDir, 'postgres.sql.gz'), gzipSync(withoutPsqlCommands(dump), { level: 9 }));

  if (JSON.stringify(sqlite.counts) !== JSON.stringify(postgres.counts)) throw new Error(`the two seeds differ:\n${JSON.stringify({ sqlite: sqlite.counts, postgres: postgres.counts }, null, 2)}`);
  if (JSON.stringify(sqlite.settings) !== JSON.stringify(postgres.settings)) throw new Error(`the two seeds stored different settings:\n${JSON.stringify({ sqlite: sqlite.settings, postgres: postgres.settings }, null, 2)}`);
  const fixture: PrePortalsFixture = {
    commit,
    admin: ADMIN,
    counts: sqlite.counts,
    settings: sqlite.settings,
    article: { sqlite: sqlite.article, postgres: postgres.article },
  };
  writeFileSync(path.join(outDir, 'fixture.json'), `${JSON.stringify(fixture, null, 2)}\n`);
  log(`wrote ${outDir}: counts per type (rows, of them published):`);
  for (const [uid, c] of Object.entries(fixture.counts)) console.log(`| \`${uid}\` | ${c.rows} | ${c.published} |`);
} finally {
  await withAdmin(`DROP DATABASE IF EXISTS ${dbName}`).catch((error: unknown) => console.error(`[fixture] could not drop ${dbName}:`, error));
  execFileSync('git', ['worktree', 'remove', '--force', oldTree], { cwd: rootDir, stdio: 'inherit' });
  rmSync(work, { recursive: true, force: true });
}

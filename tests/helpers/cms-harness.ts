/**
 * Boots the real CMS in this test process on a fresh database (a temp SQLite file, or a
 * PostgreSQL database created for the run and dropped afterwards) and serves it on a free port.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { Core } from '@strapi/strapi';
import { closeStrapi, loadStrapi } from '../../scripts/lib/cms.ts';

/** Where the tests find PostgreSQL (trust auth on the development machines and CI). */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface CmsHarness {
  strapi: Core.Strapi;
  /** Base URL of the running CMS, e.g. http://127.0.0.1:40123 */
  url: string;
  dataDir: string;
  /** Where this CMS's upload provider writes (`<dataDir>/public/uploads`, never cms/public/uploads). */
  uploadsDir: string;
  /** The read-only build token the bootstrap handed off. */
  buildToken: string;
  /** The public server's token for sending comments. */
  commentToken: string;
  /** The question token's key (create questions only). */
  questionToken: string;
  /** The public server's token for the draft preview (the only one that may read drafts). */
  previewToken: string;
  close(): Promise<void>;
}

/** True when PostgreSQL answers at POSTGRES_ADMIN_URL. */
export async function isPostgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface StartOptions {
  /** Extra environment for this CMS (set before it loads its configuration). */
  env?: Record<string, string>;
  /** Runs on the fresh data folder before the CMS starts (e.g. to leave files it must fix). */
  beforeBoot?: (dataDir: string) => void;
  /**
   * Fills the fresh, empty database before the CMS starts on it (e.g. with a dump made by an older
   * version, to test an upgrade): the SQLite file the CMS will open, or the PostgreSQL database's URL.
   */
  initDatabase?: (target: { client: 'sqlite'; file: string } | { client: 'postgres'; url: string }) => void | Promise<void>;
}

const readKey = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim() : '');

/** Starts the CMS on `database`; the caller must `close()` it. */
export async function startCms(database: 'sqlite' | 'postgres', options: StartOptions = {}): Promise<CmsHarness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cong-cms-test-'));
  options.beforeBoot?.(dataDir);
  Object.assign(process.env, options.env);
  process.env.CMS_DATA_DIR = dataDir;
  // Uploads go to the test's folder (Strapi's local provider writes to <public dir>/uploads, which must exist).
  const uploadsDir = path.join(dataDir, 'public', 'uploads');
  mkdirSync(uploadsDir, { recursive: true, mode: 0o700 });
  process.env.CMS_PUBLIC_DIR = path.dirname(uploadsDir);
  process.env.NODE_ENV = 'test';
  delete process.env.DATABASE_URL;
  let dropDatabase = async () => {};
  if (database === 'postgres') {
    const name = `cong_test_${process.pid}_${Date.now().toString(36)}`;
    await withAdminClient((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    dropDatabase = () => withAdminClient(async (c) => {
      await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
    });
  }
  let strapi: Core.Strapi;
  try {
    // The same file cms/config/database.ts opens in the data folder.
    await options.initDatabase?.(database === 'postgres' ? { client: 'postgres', url: process.env.DATABASE_URL! } : { client: 'sqlite', file: path.join(dataDir, 'cms.db') });
    strapi = await loadStrapi();
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  // strapi.server.listen mounts the routes first (the raw httpServer would answer 404 everywhere).
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    uploadsDir,
    buildToken: readFileSync(path.join(dataDir, 'build-token'), 'utf8').trim(),
    commentToken: readFileSync(path.join(dataDir, 'comment-token'), 'utf8').trim(),
    questionToken: readFileSync(path.join(dataDir, 'question-token'), 'utf8').trim(),
    previewToken: readKey(path.join(dataDir, 'preview-token')),
    async close() {
      await closeStrapi(strapi);
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

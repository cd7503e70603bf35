/**
 * The databases of an install from before portals (tests/fixtures/pre-portals, made by
 * scripts/make-migration-fixture.ts) and what they held when they were made.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPostgres, loadSqlite, readSqlGz } from '../../scripts/lib/sql-dump.ts';

/** Rows of a type (drafts and published versions count apart) and how many of them are published. */
export type FixtureCounts = Record<string, { rows: number; published: number }>;

/** "Cấu hình cổng" of the old install. */
export interface FixtureSettings {
  /** Its scalar fields, by attribute name. */
  fields: Record<string, string | null>;
  /** Its repeatable menus (mainMenu, serviceLinks), in order. */
  menus: Record<string, Array<{ label: string; url: string }>>;
  /** Its pictures (emblem, mapImage): the file's name. */
  media: Record<string, string>;
}

export interface PrePortalsFixture {
  /** The commit whose `npm run seed` made the databases. */
  commit: string;
  /** The old install's first admin (a fixed test account). */
  admin: { email: string; password: string };
  /** Per type, by uid, the same in both databases. */
  counts: FixtureCounts;
  settings: FixtureSettings;
  /** The first published article of each database (document ids differ between the two). */
  article: Record<'sqlite' | 'postgres', { documentId: string; slug: string; title: string }>;
}

export const fixtureDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pre-portals');

export const readPrePortalsFixture = (): PrePortalsFixture => JSON.parse(readFileSync(path.join(fixtureDir, 'fixture.json'), 'utf8')) as PrePortalsFixture;

/** Fills a fresh database with the old install's (an initDatabase of the CMS harness). */
export async function loadPrePortalsDatabase(target: { client: 'sqlite'; file: string } | { client: 'postgres'; url: string }): Promise<void> {
  if (target.client === 'sqlite') loadSqlite(target.file, readSqlGz(path.join(fixtureDir, 'sqlite.sql.gz')));
  else await loadPostgres(target.url, readSqlGz(path.join(fixtureDir, 'postgres.sql.gz')));
}

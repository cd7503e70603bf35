/**
 * Plain-SQL dumps of a CMS database and loading them into a fresh one: the upgrade test's fixtures
 * (tests/fixtures/pre-portals, made by scripts/make-migration-fixture.ts).
 */
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';

function sqliteLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot dump the number ${value}`);
    return String(value);
  }
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** The SQL text that recreates the SQLite database `file` (what `sqlite3 file .dump` prints). */
export function dumpSqlite(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.defaultSafeIntegers(true);
  try {
    const out = ['PRAGMA foreign_keys=OFF;', 'BEGIN TRANSACTION;'];
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as Array<{ name: string; sql: string }>;
    const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
    for (const { name, sql } of tables) {
      out.push(`${sql};`);
      for (const row of db.prepare(`SELECT * FROM ${quote(name)}`).raw().iterate() as Iterable<unknown[]>) {
        out.push(`INSERT INTO ${quote(name)} VALUES(${row.map(sqliteLiteral).join(',')});`);
      }
    }
    const hasSequence = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get();
    if (hasSequence) {
      out.push('DELETE FROM sqlite_sequence;');
      for (const row of db.prepare('SELECT name, seq FROM sqlite_sequence').raw().iterate() as Iterable<unknown[]>) {
        out.push(`INSERT INTO sqlite_sequence VALUES(${row.map(sqliteLiteral).join(',')});`);
      }
    }
    const rest = db.prepare("SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger', 'view') AND sql IS NOT NULL ORDER BY rowid").all() as Array<{ sql: string }>;
    for (const { sql } of rest) out.push(`${sql};`);
    out.push('COMMIT;', '');
    return out.join('\n');
  } finally {
    db.close();
  }
}

/** The text of a `.sql.gz` file. */
export const readSqlGz = (file: string): string => gunzipSync(readFileSync(file)).toString('utf8');

/** Creates the SQLite database `file` from a dump. */
export function loadSqlite(file: string, sql: string): void {
  const db = new Database(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/**
 * `pg_dump` output without psql's meta-commands (`\restrict` … `\unrestrict`, printed by pg_dump
 * since 15.14/16.10/17.6), so that any client can run it; made with `--inserts` (no COPY … FROM stdin).
 */
export const withoutPsqlCommands = (sql: string): string => sql.split('\n').filter((line) => !line.startsWith('\\')).join('\n');

/** Runs a plain-SQL PostgreSQL dump (`pg_dump --inserts`) in the database at `url`. */
export async function loadPostgres(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(withoutPsqlCommands(sql));
  } finally {
    await client.end();
  }
}

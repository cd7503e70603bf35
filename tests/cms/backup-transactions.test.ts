import { describe, expect, test } from 'vitest';
import type { Core } from '@strapi/strapi';
import { watchTransactions } from '../../scripts/backup/strapi-data.ts';

/** A database whose transactions commit only when the test says so (as Strapi's import's does, after it returned). */
function slowDatabase() {
  const commits: Array<() => void> = [];
  const db = {
    committed: 0,
    async transaction(cb: (trx: unknown) => Promise<unknown>) {
      const result = await cb({});
      await new Promise<void>((resolve) => commits.push(resolve));
      db.committed += 1;
      return result;
    },
  };
  return { strapi: { db } as unknown as Core.Strapi, db, commits };
}

describe('backup: the import waits for its transaction to commit', () => {
  test('a transaction opened (and not awaited) during the import is committed before the wait ends; the database is left as it was', async () => {
    const { strapi, db, commits } = slowDatabase();
    const prototypeLess = db.transaction;
    const committed = watchTransactions(strapi);
    // What Strapi's createTransaction does: opens it, never awaits it.
    void (strapi.db as unknown as typeof db).transaction(async () => 'rows');
    let waited = false;
    const wait = committed().then(() => { waited = true; });
    await new Promise((resolve) => setImmediate(resolve));
    expect(waited).toBe(false);
    expect(commits).toHaveLength(1);
    commits[0]!();
    await wait;
    expect(db.committed).toBe(1);
    expect(db.transaction).toBe(prototypeLess);
  });

  test('a transaction that rolls back (a failed import) ends the wait too', async () => {
    const db = { async transaction(cb: () => Promise<unknown>) { return cb(); } };
    const committed = watchTransactions({ db } as unknown as Core.Strapi);
    await expect(db.transaction(async () => { throw new Error('schema differs'); })).rejects.toThrow('schema differs');
    await committed();
  });
});

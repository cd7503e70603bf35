import { chmodSync, existsSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { makePrivate, prepareSqliteFile, privatizeUploads, securePrivateFiles } from '../../cms/src/lib/file-modes';
import { parsePublisherEnvironment } from '../../scripts/publisher/config';

/** Paths whose chmod fails as on a folder another user owns (the tests may run as root, where chmod never fails). */
const foreign = vi.hoisted(() => new Set<string>());
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const chmodSync: typeof fs.chmodSync = (target, mode) => {
    if (foreign.has(String(target))) {
      throw Object.assign(new Error(`EPERM: operation not permitted, chmod '${String(target)}'`), { code: 'EPERM', syscall: 'chmod', path: String(target) });
    }
    return fs.chmodSync(target, mode);
  };
  return { ...fs, chmodSync, default: { ...fs, chmodSync } };
});

// The CMS takes the shared pieces from the built package (CommonJS, outside the mock above): use
// the model's source here, whose node:fs is the mocked one.
vi.mock('@cong/content-types', async () => await import('../../content-types/src/index'));

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'cong-modes-'));

describe('file modes (issue 10 build 6)', () => {
  test('creates a missing SQLite file 600 in a 700 folder', () => {
    const db = path.join(tempDir(), 'data', 'cms.db');
    prepareSqliteFile(db);
    expect(existsSync(db)).toBe(true);
    expect(statSync(db).size).toBe(0); // an empty file is an empty SQLite database
    expect(mode(db)).toBe('600');
    expect(mode(path.dirname(db))).toBe('700');
  });

  test('tightens an existing database and its journals', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const db = path.join(dir, 'cms.db');
    for (const file of [db, `${db}-wal`, `${db}-shm`]) writeFileSync(file, 'x', { mode: 0o644 });
    prepareSqliteFile(db);
    for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(mode(file), file).toBe('600');
    expect(mode(dir)).toBe('700');
  });

  test('makes a folder private; only its own files unless recursive; links left alone', () => {
    const dir = tempDir();
    const outside = path.join(tempDir(), 'outside.txt');
    writeFileSync(outside, 'x', { mode: 0o644 });
    mkdirSync(path.join(dir, 'sub'), { mode: 0o755 });
    writeFileSync(path.join(dir, 'secret'), 'x', { mode: 0o644 });
    writeFileSync(path.join(dir, 'sub', 'nested'), 'x', { mode: 0o644 });
    symlinkSync(outside, path.join(dir, 'link'));
    chmodSync(dir, 0o755);
    makePrivate(dir, { recursive: false });
    expect([mode(dir), mode(path.join(dir, 'secret')), mode(path.join(dir, 'sub')), mode(outside)]).toEqual(['700', '600', '755', '644']);
    makePrivate(dir, { recursive: true });
    expect([mode(path.join(dir, 'sub')), mode(path.join(dir, 'sub', 'nested')), mode(outside)]).toEqual(['700', '600', '644']);
  });

  test('tightens the files of an upload, its formats included, and ignores other providers', () => {
    const dir = tempDir();
    for (const name of ['a.jpg', 'thumbnail_a.jpg']) writeFileSync(path.join(dir, name), 'x', { mode: 0o644 });
    privatizeUploads(dir, ['/uploads/a.jpg', '/uploads/thumbnail_a.jpg', 'https://cdn.example/a.jpg', null]);
    expect([mode(path.join(dir, 'a.jpg')), mode(path.join(dir, 'thumbnail_a.jpg'))]).toEqual(['600', '600']);
  });

  test('npm start generates the local webhook and preview secrets into a private data folder', () => {
    const dataDir = path.join(tempDir(), 'data');
    parsePublisherEnvironment({}, tempDir(), dataDir, false);
    expect(mode(dataDir)).toBe('700');
    expect([mode(path.join(dataDir, 'webhook-secret')), mode(path.join(dataDir, 'preview-secret'))]).toEqual(['600', '600']);
  });

  test('a folder the CMS user may not change stops the start with a message naming the variable and what to do', () => {
    const base = tempDir();
    const dataDir = path.join(base, 'data');
    const uploadsDir = path.join(base, 'uploads');
    mkdirSync(dataDir, { mode: 0o755 });
    mkdirSync(uploadsDir, { mode: 0o755 });
    writeFileSync(path.join(dataDir, 'secrets.json'), '{}', { mode: 0o644 });
    const sqliteFile = path.join(dataDir, 'cms.db');
    const attempt = () => securePrivateFiles({ dataDir, uploadsDir, sqliteFile });

    foreign.add(dataDir);
    try {
      expect(attempt).toThrow(/CMS_DATA_DIR/);
      expect(attempt).toThrow(new RegExp(`${dataDir}.*EPERM.*chown \\S+ '${dataDir}'`, 's'));
    } finally {
      foreign.clear();
    }
    foreign.add(path.join(dataDir, 'secrets.json'));
    try {
      expect(attempt).toThrow(/CMS_DATA_DIR/);
    } finally {
      foreign.clear();
    }
    foreign.add(uploadsDir);
    try {
      expect(attempt).toThrow(new RegExp(`uploads folder ${uploadsDir}.*EPERM.*chown`, 's'));
    } finally {
      foreign.clear();
    }
    attempt();
    expect([mode(dataDir), mode(path.join(dataDir, 'secrets.json')), mode(sqliteFile), mode(uploadsDir)]).toEqual(['700', '600', '600', '700']);
  });
});

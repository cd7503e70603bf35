/**
 * `npm run rollback -- --portal <code>` (issue 14): rolls back that portal's releases only; without
 * it, the primary portal (RELEASES_DIR), as before portals existed; an unknown code is refused
 * with the codes there are.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { activate, currentRelease, isHeld, RELEASE_MANIFEST } from '../../scripts/publisher/releases';
import { rootDir } from '../helpers/site-build';

let releasesDir: string;
const portalDir = (code: string) => path.join(releasesDir, 'portals', code);

/** Two finished releases in `root`, the newer live. */
function twoReleases(root: string): void {
  for (const name of ['20261201T010000Z-aaaa', '20261201T020000Z-bbbb']) {
    mkdirSync(path.join(root, 'releases', name, 'client'), { recursive: true });
    writeFileSync(path.join(root, 'releases', name, RELEASE_MANIFEST), '{}');
  }
  activate(root, '20261201T020000Z-bbbb');
}

function rollback(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts', 'rollback.ts'), ...args], {
    cwd: rootDir, env: { ...process.env, RELEASES_DIR: releasesDir }, encoding: 'utf8',
  });
}

beforeEach(() => {
  releasesDir = mkdtempSync(path.join(tmpdir(), 'cong-rollback-'));
  const portal = (code: string, primary: boolean) => ({ code, name: code, level: 'Xã, phường, đặc khu', parent: null, domains: [`${code}.localhost`], enabled: true, primary });
  writeFileSync(path.join(releasesDir, 'portals.json'), JSON.stringify({ portals: [portal('lam-giang', true), portal('xa-tan-hoa', false)] }));
  twoReleases(releasesDir);
  twoReleases(portalDir('xa-tan-hoa'));
});

afterEach(() => rmSync(releasesDir, { recursive: true, force: true }));

describe('npm run rollback -- --portal', () => {
  test('rolls back and holds the named portal only', () => {
    const run = rollback(['--portal', 'xa-tan-hoa']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('rolled back portal xa-tan-hoa from 20261201T020000Z-bbbb to 20261201T010000Z-aaaa');
    expect(currentRelease(portalDir('xa-tan-hoa'))).toBe('20261201T010000Z-aaaa');
    expect(isHeld(portalDir('xa-tan-hoa'))).toBe(true);
    expect(currentRelease(releasesDir)).toBe('20261201T020000Z-bbbb');
    expect(isHeld(releasesDir)).toBe(false);
  });

  test('without --portal: the primary portal, in RELEASES_DIR', () => {
    const run = rollback([]);
    expect(run.status, run.stderr).toBe(0);
    expect(currentRelease(releasesDir)).toBe('20261201T010000Z-aaaa');
    expect(currentRelease(portalDir('xa-tan-hoa'))).toBe('20261201T020000Z-bbbb');
  });

  test('an unknown portal is refused with the codes there are, and nothing changes', () => {
    const run = rollback(['--portal', 'xa-khong-co']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--portal xa-khong-co: no portal with this code (Mã cổng); the portals are: lam-giang, xa-tan-hoa');
    expect(currentRelease(releasesDir)).toBe('20261201T020000Z-bbbb');
    expect(currentRelease(portalDir('xa-tan-hoa'))).toBe('20261201T020000Z-bbbb');
  });
});

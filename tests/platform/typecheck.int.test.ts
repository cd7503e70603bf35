/**
 * `npm run typecheck` passes: TypeScript strict over scripts/ and tests/, the CMS, and the site's
 * .astro components and pages through `astro check` (issue 11, item 6). Run as a test so a type
 * error fails CI like any other finding.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { rootDir } from '../../scripts/lib/cms';

describe('types', () => {
  test('the whole project type-checks, the .astro files included', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['run', '--silent', 'typecheck'], { cwd: rootDir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' } });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output.slice(-4000)).toBe(0);
    // astro check ran over the site's components and pages, not only tsc over plain .ts files.
    expect(output).toMatch(/Getting diagnostics for Astro files in .*site/);
    expect(output).toMatch(/Result \(\d+ files\):\s*\n- 0 errors/);
  }, 600_000);
});

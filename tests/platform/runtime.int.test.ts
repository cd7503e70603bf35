/**
 * Every process of the portal runs on the supported Node.js (24 LTS from the registry where the
 * machine's own is older): the tests themselves (and the CMS they boot in-process), `node` as npm
 * scripts find it, the CMS as `npm start` spawns it. An older Node is refused with a message
 * that says what to do. The site build and the on-demand worker are checked in
 * tests/site/build.int.test.ts, the publisher's child builds in publisher-process.int.test.ts.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isSupportedNode, MIN_NODE_VERSION, unsupportedNodeMessage } from '../../content-types/src/runtime';
import { cmsDir, rootDir, strapiArgs } from '../../scripts/lib/cms';
import { freePort } from '../helpers/net';
import { expectedNodeVersion } from '../helpers/runtime';

const expected = expectedNodeVersion();
const dataDir = mkdtempSync(path.join(tmpdir(), 'cong-runtime-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('runtime', () => {
  test('the supported floor is Astro 7\'s, and the expected Node meets it', () => {
    expect(MIN_NODE_VERSION).toBe('22.12.0');
    expect(isSupportedNode('v20.20.2')).toBe(false);
    expect(isSupportedNode('v22.11.0')).toBe(false);
    expect(isSupportedNode('v22.12.0')).toBe(true);
    expect(isSupportedNode('v24.22.3')).toBe(true);
    expect(isSupportedNode(expected)).toBe(true);
  });

  test('the tests and the CMS they boot in-process run on it', () => {
    expect(process.version).toBe(expected);
  });

  test('`node` on the PATH npm gives its scripts is it', () => {
    expect(execFileSync('node', ['-p', 'process.version'], { encoding: 'utf8' }).trim()).toBe(expected);
  });

  test('the CMS, spawned as `npm start` spawns it, runs on it', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, strapiArgs('start'), {
      cwd: cmsDir,
      env: { ...process.env, NODE_ENV: 'test', CMS_LOG_LEVEL: 'info', CMS_DATA_DIR: dataDir, CMS_PORT: String(port), PUBLISHER_URL: '', SEED_DEMO_CONTENT: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    try {
      const line = await new Promise<string>((resolve, reject) => {
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const found = /Cổng CMS on Node\.js (v[\d.]+)/.exec(output);
          if (found) resolve(found[1]!);
        };
        child.stdout!.on('data', read);
        child.stderr!.on('data', read);
        child.on('exit', (code) => reject(new Error(`the CMS exited (${code}) before naming its Node.js:\n${output}`)));
      });
      expect(line).toBe(expected);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
  }, 60_000);

  test('an older Node is refused with a message that says what to do', () => {
    const message = unsupportedNodeMessage('npm start', 'v20.20.2', '/usr/bin/node')!;
    expect(message).toContain('needs Node.js 22.12.0 or newer');
    expect(message).toContain('runs on v20.20.2 (/usr/bin/node)');
    expect(message).toContain('npm ci');
    expect(unsupportedNodeMessage('npm start', expected)).toBeUndefined();
  });

  // Where the machine's own Node is older (these machines: 20), a script called directly with it stops before loading anything.
  const system = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p) && !isSupportedNode(spawnSync(p, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim()));
  test.skipIf(!system)('`npm start`\'s script run directly on an older system Node stops at once with that message', () => {
    const run = spawnSync(system!, ['--import', 'tsx', path.join(rootDir, 'scripts', 'start.ts')], { cwd: rootDir, encoding: 'utf8', env: { ...process.env, CMS_PORT: '1' }, timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\[cong\] Cổng \(.*start\.ts\) needs Node\.js 22\.12\.0 or newer \(24 LTS recommended\), but runs on v20/);
  });
});

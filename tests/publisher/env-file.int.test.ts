/**
 * One way to configure (issue 11, item 3): the commands read their variables from the env file
 * (the root .env; here a temporary file named by CONG_ENV_FILE, never the repository's), check
 * only what they need, and name a wrong variable with the file it was set in. The publisher
 * process finds a real CMS at the CMS_PORT written in the file.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { waitUntil } from '../helpers/conditions';
import { freePort } from '../helpers/net';
import { rootDir } from '../helpers/site-build';

/** This process's environment without the variables the commands read: the env file must provide them. */
function baseEnv(envFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, CONG_ENV_FILE: envFile };
  return env;
}

/** An env file in a temporary folder. */
function envFile(lines: Record<string, string | number>): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cong-envfile-')), '.env');
  writeFileSync(file, `${Object.entries(lines).map(([k, v]) => `${k}=${v}`).join('\n')}\n`);
  return file;
}

interface Run {
  output: () => string;
  exited: Promise<number | null>;
  kill: () => void;
}

function run(script: string, file: string): Run {
  // Its own process group: a command that starts children (npm start: Strapi) is stopped whole.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts', script)], { cwd: rootDir, env: baseEnv(file), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const kill = () => {
    try {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone already
    }
  };
  return { output: () => output, exited, kill };
}

const running: Run[] = [];
const folders: string[] = [];
afterAll(() => {
  for (const r of running) r.kill();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe('commands read the env file', () => {
  test('nginx-config: SITE_PORT and RELEASES_DIR from the file, no secret needed even in production', async () => {
    const file = envFile({ SITE_PORT: 4999, RELEASES_DIR: '/srv/cong/releases', NODE_ENV: 'production' });
    const nginx = run('nginx-config.ts', file);
    expect(await nginx.exited, nginx.output()).toBe(0);
    expect(nginx.output()).toContain('127.0.0.1:4999');
    expect(nginx.output()).toContain('root /srv/cong/releases/current/client;');
  });

  test('a wrong value in the file stops the command, naming the variable, the value, the rule and the file', async () => {
    const file = envFile({ SITE_PORT: 99999 });
    const nginx = run('nginx-config.ts', file);
    expect(await nginx.exited).toBe(2);
    expect(nginx.output()).toContain(`- SITE_PORT must be between 1 and 65535 (got "99999") (as set in ${file})`);
  });

  test('npm run public serves RELEASES_DIR/current on the SITE_PORT of the file', async () => {
    const releases = mkdtempSync(path.join(tmpdir(), 'cong-public-releases-'));
    folders.push(releases);
    mkdirSync(path.join(releases, 'releases', 'r1', 'client'), { recursive: true });
    writeFileSync(path.join(releases, 'releases', 'r1', 'client', 'index.html'), '<!doctype html><title>Cổng</title><p>Xin chào</p>');
    symlinkSync(path.join('releases', 'r1'), path.join(releases, 'current'));
    const port = await freePort();
    const file = envFile({ SITE_PORT: port, RELEASES_DIR: releases, READER_DB: path.join(releases, 'reader.db') });
    const server = run('public/main.ts', file);
    running.push(server);
    await waitUntil(async () => {
      if (server.output().includes('[public] ') && /Invalid|error/i.test(server.output())) throw new Error(server.output());
      const res = await fetch(`http://127.0.0.1:${port}/`).catch(() => null);
      return res?.status === 200 ? true : `no answer yet: ${server.output()}`;
    }, { what: 'the public server answers on SITE_PORT', timeoutMs: 30_000 });
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('Xin chào');
    expect(server.output()).toContain(`serving ${path.join(releases, 'current')} on http://127.0.0.1:${port}/`);
  });
});

describe('npm start in production', () => {
  test('refuses to start with missing, example or demo secrets, naming each', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cong-demo-data-'));
    folders.push(dataDir);
    // A demo run generated this webhook secret; copying it into production is refused.
    writeFileSync(path.join(dataDir, 'webhook-secret'), 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
    const file = envFile({ NODE_ENV: 'production', CMS_DATA_DIR: dataDir, APP_KEYS: 'toBeModified1,toBeModified2', WEBHOOK_SECRET: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' });
    const start = run('start.ts', file);
    running.push(start);
    expect(await start.exited).toBe(2);
    const output = start.output();
    expect(output).toContain('NODE_ENV=production: npm start refuses to start with missing, example or demo secrets');
    expect(output).toContain('- APP_KEYS is an example value, not a secret');
    expect(output).toContain('- API_TOKEN_SALT is not set');
    expect(output).toContain(`- WEBHOOK_SECRET is the demo secret generated into ${dataDir}`);
    expect(output).toContain('- PREVIEW_SECRET is not set');
    expect(output).not.toContain('building the CMS');
  });
});

describe('the publisher and the public server alone, in production (review of issue 11)', () => {
  test('each refuses an example or demo value of the secrets it uses, naming them', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cong-demo-data-'));
    folders.push(dataDir);
    writeFileSync(path.join(dataDir, 'preview-secret'), 'f0e1d2c3b4a5968778695a4b3c2d1e0f');
    const file = envFile({ NODE_ENV: 'production', CMS_DATA_DIR: dataDir, WEBHOOK_SECRET: 'xxxxxxxxxxxxxxxxxxxxxxxx', PREVIEW_SECRET: 'f0e1d2c3b4a5968778695a4b3c2d1e0f', SITE_PORT: await freePort(), PUBLISHER_PORT: await freePort() });
    for (const script of ['publisher/main.ts', 'public/main.ts']) {
      const command = run(script, file);
      running.push(command);
      expect(await command.exited, script).toBe(2);
      expect(command.output(), script).toContain('refusing to start in production');
      expect(command.output(), script).toContain(`PREVIEW_SECRET is the demo secret generated into ${dataDir}`);
      if (script.startsWith('publisher')) expect(command.output()).toContain('WEBHOOK_SECRET is an example value, not a secret');
    }
  });
});

describe('the publisher process and a real CMS', () => {
  let cms: CmsHarness;
  beforeAll(async () => {
    cms = await startCms('sqlite');
  }, 120_000);
  afterAll(async () => {
    await cms?.close();
  });

  test('reaches the CMS at the CMS_PORT written in the file, with the token of the file', async () => {
    const publisherPort = await freePort();
    mkdirSync(path.join(rootDir, 'site', '.builds'), { recursive: true });
    const releases = mkdtempSync(path.join(rootDir, 'site', '.builds', 'env-file-'));
    folders.push(releases);
    const file = envFile({
      CMS_PORT: new URL(cms.url).port,
      CMS_TOKEN: cms.buildToken,
      PUBLISHER_PORT: publisherPort,
      RELEASES_DIR: releases,
      WEBHOOK_SECRET: 'env-file-test-webhook-secret-0123456789',
      PREVIEW_SECRET: 'env-file-test-preview-secret-0123456789',
      // Reconciliation runs at start; the build it schedules waits longer than this test.
      BUILD_QUIET_MS: 600_000,
      BUILD_MAX_WAIT_MS: 600_000,
    });
    const publisher = run('publisher/main.ts', file);
    running.push(publisher);
    let status: { lastReconciliation: { result: string } | null } | null = null;
    await waitUntil(async () => {
      if (publisher.output().includes('Invalid')) throw new Error(publisher.output());
      const res = await fetch(`http://127.0.0.1:${publisherPort}/status`).catch(() => null);
      status = res?.status === 200 ? ((await res.json()) as typeof status) : null;
      return status?.lastReconciliation ? true : `no reconciliation yet: ${publisher.output()}`;
    }, { what: 'the publisher has compared the CMS with its releases', timeoutMs: 60_000 });
    // Fingerprinting the CMS worked: it was reached at CMS_PORT, with the file's token.
    expect(status!.lastReconciliation!.result).toBe('stale: build scheduled');
  });
});

/**
 * The shared env helper every process reads its variables with (content-types/src/env.ts): the
 * root .env under the real environment, an older install's cms/.env under both, and messages
 * that name the variable, what is wrong and where it was set.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  cmsDataDirOf,
  cmsUrlOf,
  ConfigError,
  findRepoRoot,
  isPlaceholderSecret,
  loadEnvFiles,
  parseEnv,
  portVar,
  productionSecretProblems,
  reachableUrl,
  resetLoadedEnv,
  type RawEnv,
} from '../../content-types/src/env';

/** A repository-like folder with a root .env and, optionally, an older install's cms/.env. */
function repo(rootEnv: string | null, cmsEnv: string | null = null): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cong-envfile-'));
  mkdirSync(path.join(dir, 'cms'));
  if (rootEnv !== null) writeFileSync(path.join(dir, '.env'), rootEnv);
  if (cmsEnv !== null) writeFileSync(path.join(dir, 'cms', '.env'), cmsEnv);
  return dir;
}

beforeEach(() => resetLoadedEnv());

describe('loadEnvFiles', () => {
  test('reads the root .env; a real variable wins over the file', () => {
    const env: RawEnv = { SITE_PORT: '5000' };
    const loaded = loadEnvFiles(repo('CMS_PORT=8080\nSITE_PORT=4321\n# a comment\nSITE_URL="https://xatanhoa.gov.vn"\n'), env);
    expect(env).toMatchObject({ CMS_PORT: '8080', SITE_PORT: '5000', SITE_URL: 'https://xatanhoa.gov.vn' });
    expect(loaded.fromFiles.sort()).toEqual(['CMS_PORT', 'SITE_URL']);
  });

  test('reads an older install\'s cms/.env under the root .env', () => {
    const env: RawEnv = {};
    const root = repo('CMS_PORT=8080\n', 'CMS_PORT=9090\nDATABASE_URL=postgres://u:p@h:5432/d\n');
    expect(loadEnvFiles(root, env).files).toEqual([path.join(root, '.env'), path.join(root, 'cms', '.env')]);
    expect(env).toMatchObject({ CMS_PORT: '8080', DATABASE_URL: 'postgres://u:p@h:5432/d' });
  });

  test('the root .env wins over cms/.env also when Strapi loaded cms/.env into the environment first', () => {
    // `strapi start` in cms/ runs dotenv on cms/.env before the CMS's configuration reads anything.
    const env: RawEnv = { CMS_PORT: '9090', ADMIN_EMAIL: 'a@b.vn' };
    loadEnvFiles(repo('CMS_PORT=8080\n', 'CMS_PORT=9090\n'), env);
    expect(env.CMS_PORT).toBe('8080');
    expect(env.ADMIN_EMAIL).toBe('a@b.vn');
  });

  test('a process started by one that already read the files keeps what it was given', () => {
    const env: RawEnv = { CMS_PORT: '9090', CONG_ENV_LOADED: '1' };
    loadEnvFiles(repo('CMS_PORT=8080\n', 'CMS_PORT=9090\n'), env);
    expect(env.CMS_PORT).toBe('9090');
  });

  test('CONG_ENV_FILE names the only file read; a missing one is an error naming it', () => {
    const root = repo('CMS_PORT=8080\n', 'SITE_PORT=1\n');
    const other = path.join(root, 'other.env');
    writeFileSync(other, 'CMS_PORT=7070\n');
    const env: RawEnv = { CONG_ENV_FILE: other };
    loadEnvFiles(root, env);
    expect(env.CMS_PORT).toBe('7070');
    expect(env.SITE_PORT).toBeUndefined();
    expect(() => loadEnvFiles(root, { CONG_ENV_FILE: path.join(root, 'missing.env') })).toThrow(/CONG_ENV_FILE names .*missing\.env, which does not exist/);
  });

  test('no file at all is fine: the defaults apply', () => {
    const env: RawEnv = {};
    expect(loadEnvFiles(repo(null), env)).toEqual({ files: [], fromFiles: [] });
  });
});

describe('parseEnv', () => {
  const Schema = z.object({ CMS_PORT: portVar('CMS_PORT', 1337), API_TOKEN_SALT: z.string().min(16, 'API_TOKEN_SALT is too short').optional() });

  test('names the variable, the wrong value, what is wrong and the file it was set in', () => {
    const env: RawEnv = {};
    const root = repo('CMS_PORT=80800\n');
    loadEnvFiles(root, env);
    let error: unknown;
    try {
      parseEnv(Schema, env, 'CMS environment');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      `Invalid CMS environment (set these in the root .env or the process environment):\n- CMS_PORT must be between 1 and 65535 (got "80800") (as set in ${path.join(root, '.env')})`,
    );
  });

  test('never prints a secret\'s value', () => {
    expect(() => parseEnv(Schema, { API_TOKEN_SALT: 'short-salt' }, 'CMS environment')).toThrow(/- API_TOKEN_SALT is too short$/);
  });

  test('empty values count as unset', () => {
    expect(parseEnv(Schema, { CMS_PORT: '' }, 'x').CMS_PORT).toBe(1337);
  });
});

describe('where the CMS is', () => {
  test('CMS_PORT moves the URL every process calls the CMS at; CMS_URL wins', () => {
    expect(cmsUrlOf({})).toBe('http://127.0.0.1:1337');
    expect(cmsUrlOf({ CMS_PORT: '8080' })).toBe('http://127.0.0.1:8080');
    expect(cmsUrlOf({ CMS_HOST: '0.0.0.0', CMS_PORT: '8080' })).toBe('http://127.0.0.1:8080');
    expect(cmsUrlOf({ CMS_URL: 'https://cms.xatanhoa.gov.vn/', CMS_PORT: '8080' })).toBe('https://cms.xatanhoa.gov.vn');
    expect(() => cmsUrlOf({ CMS_PORT: 'http' })).toThrow(/CMS_PORT must be a port number/);
  });

  test('reachableUrl reaches a wildcard listener on loopback and brackets IPv6', () => {
    expect(reachableUrl('::', 4321)).toBe('http://[::1]:4321');
    expect(reachableUrl('10.0.0.5', 4400)).toBe('http://10.0.0.5:4400');
  });

  test('a relative CMS_DATA_DIR is the repository root\'s, whatever the working folder', () => {
    expect(cmsDataDirOf({}, '/srv/cong')).toBe('/srv/cong/cms/data');
    expect(cmsDataDirOf({ CMS_DATA_DIR: 'var/cms' }, '/srv/cong')).toBe('/srv/cong/var/cms');
    expect(cmsDataDirOf({ CMS_DATA_DIR: '/var/lib/cong' }, '/srv/cong')).toBe('/var/lib/cong');
  });

  test('findRepoRoot finds the workspace root from any folder inside it', () => {
    const root = findRepoRoot(path.join(import.meta.dirname, '..', '..', 'cms', 'src'));
    expect(path.basename(path.join(root, 'cms'))).toBe('cms');
    expect(root).toBe(path.resolve(import.meta.dirname, '..', '..'));
  });
});

describe('production secrets', () => {
  const own = {
    APP_KEYS: 'k9Vd2mQ7pLx4zR8sT1uW,h3Jf6nB0cY5eG2aK7oP',
    API_TOKEN_SALT: 'S2dF8gH1jK4lZ7xC0vB3n',
    ADMIN_JWT_SECRET: 'Q5wE9rT2yU6iO0pA3sD7f',
    TRANSFER_TOKEN_SALT: 'G4hJ8kL1zX5cV9bN2mQ6w',
    JWT_SECRET: 'E7rT1yU5iO9pA2sD6fG0h',
    ENCRYPTION_KEY: 'J3kL7zX0cV4bN8mQ1wE5r',
    WEBHOOK_SECRET: 'T9yU3iO7pA0sD4fG8hJ2k',
    PREVIEW_SECRET: 'L6zX1cV5bN9mQ3wE7rT0y',
  };

  test('none when every secret is set and its own', () => {
    expect(productionSecretProblems(own, mkdtempSync(path.join(tmpdir(), 'cong-data-')))).toEqual([]);
  });

  test('names each missing, example or demo secret', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cong-data-'));
    // What a demo run of npm start generated.
    writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify({ JWT_SECRET: own.JWT_SECRET }));
    writeFileSync(path.join(dataDir, 'webhook-secret'), own.WEBHOOK_SECRET);
    const { PREVIEW_SECRET: _missing, ...rest } = own;
    const problems = productionSecretProblems({ ...rest, APP_KEYS: 'toBeModified1,toBeModified2', ENCRYPTION_KEY: 'x'.repeat(16) }, dataDir);
    expect(problems).toEqual([
      'APP_KEYS is an example value, not a secret: generate one with `openssl rand -base64 32`',
      `JWT_SECRET is the demo secret generated into ${dataDir}: generate one with \`openssl rand -base64 32\``,
      'ENCRYPTION_KEY is an example value, not a secret: generate one with `openssl rand -base64 32`',
      `WEBHOOK_SECRET is the demo secret generated into ${dataDir}: generate one with \`openssl rand -base64 32\``,
      'PREVIEW_SECRET is not set: generate one with `openssl rand -base64 32` and give the same value to the CMS, the publisher and the public server',
    ]);
  });

  test('isPlaceholderSecret', () => {
    for (const value of ['toBeModified', 'tobemodified2', 'changeme', 'xxxxxxxxxxxxxxxx', 'a,b']) expect(isPlaceholderSecret(value)).toBe(true);
    expect(isPlaceholderSecret('k9Vd2mQ7pLx4zR8sT1uW')).toBe(false);
  });
});

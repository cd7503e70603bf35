import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, parseEnvironment, resolveSecrets, SECRET_NAMES, strapiLogLevel } from '../../cms/src/lib/environment';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'cong-env-'));
// Real-looking values: one character repeated is an example value, refused in production.
const key = () => randomBytes(24).toString('base64');
const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, n === 'APP_KEYS' ? `${key()},${key()}` : key()]));

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnvironment', () => {
  test('returns the embedded defaults when nothing is set', () => {
    const dir = tempDir();
    const env = parseEnvironment({}, dir);
    expect(env.CMS_PORT).toBe(1337);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toBe(dir);
    expect(env.buildTokenFile).toBe(path.join(dir, 'build-token'));
  });

  test('treats empty values as unset', () => {
    expect(parseEnvironment({ CMS_PORT: '', DATABASE_URL: '' }, tempDir()).CMS_PORT).toBe(1337);
  });

  test('names CMS_LOG_LEVEL when it is not a log level', () => {
    expect(() => parseEnvironment({ CMS_LOG_LEVEL: 'loud' }, tempDir())).toThrow(/CMS_LOG_LEVEL must be one of error, warn, info, http/);
    expect(parseEnvironment({ CMS_LOG_LEVEL: 'debug' }, tempDir()).CMS_LOG_LEVEL).toBe('debug');
  });

  test('names CMS_PORT when it is not a port', () => {
    expect(errorOf(() => parseEnvironment({ CMS_PORT: 'abc' }, tempDir())).message).toContain('CMS_PORT must be a port number');
    expect(errorOf(() => parseEnvironment({ CMS_PORT: '70000' }, tempDir())).message).toContain('CMS_PORT must be between 1 and 65535');
  });

  test('names DATABASE_URL when it is not a PostgreSQL URL', () => {
    const message = errorOf(() => parseEnvironment({ DATABASE_URL: 'mysql://x@y/z' }, tempDir())).message;
    expect(message).toContain('DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database');
    expect(message).toMatch(/^Invalid CMS environment \(set these in the root \.env or the process environment\):/);
  });

  test('asks for both admin variables together', () => {
    expect(errorOf(() => parseEnvironment({ ADMIN_EMAIL: 'a@b.vn' }, tempDir())).message).toContain(
      'ADMIN_EMAIL and ADMIN_PASSWORD go together',
    );
  });

  test('refuses a weak ADMIN_PASSWORD with the rule it breaks', () => {
    const message = errorOf(() => parseEnvironment({ ADMIN_EMAIL: 'a@b.vn', ADMIN_PASSWORD: 'abcdefgh1' }, tempDir())).message;
    expect(message).toContain('ADMIN_PASSWORD must contain an uppercase letter');
  });

  test('requires every secret in production, naming each one', () => {
    const message = errorOf(() => parseEnvironment({ NODE_ENV: 'production' }, tempDir())).message;
    for (const name of SECRET_NAMES) expect(message).toContain(`${name} is required when NODE_ENV=production`);
  });

  test('refuses an example value for a secret in production (issue 11, item 3)', () => {
    const message = errorOf(() => parseEnvironment({ NODE_ENV: 'production', ...secrets, JWT_SECRET: 'toBeModified' }, tempDir())).message;
    expect(message).toContain('JWT_SECRET is an example value, not a secret (NODE_ENV=production)');
  });

  test('never fills the demo portal by itself in production (issue 11, item 3)', () => {
    const message = errorOf(() => parseEnvironment({ NODE_ENV: 'production', ...secrets, SEED_DEMO_CONTENT: 'true' }, tempDir())).message;
    expect(message).toContain('SEED_DEMO_CONTENT must not be set when NODE_ENV=production');
    expect(parseEnvironment({ SEED_DEMO_CONTENT: 'true' }, tempDir()).SEED_DEMO_CONTENT).toBe(true);
  });

  test('a relative CMS_DATA_DIR is the repository root\'s, as for every other process (issue 11, item 3)', () => {
    const root = tempDir();
    const env = parseEnvironment({ CMS_DATA_DIR: 'var/cms' }, path.join(root, 'cms', 'data'), root);
    expect(env.dataDir).toBe(path.join(root, 'var', 'cms'));
    expect(env.buildTokenFile).toBe(path.join(root, 'var', 'cms', 'build-token'));
  });

  test('logs no line per request unless CMS_LOG_LEVEL asks (issue 11, item 4)', () => {
    expect(strapiLogLevel(parseEnvironment({}, tempDir()))).toBe('info');
    expect(strapiLogLevel(parseEnvironment({ CMS_LOG_LEVEL: 'http' }, tempDir()))).toBe('http');
    expect(strapiLogLevel(parseEnvironment({ NODE_ENV: 'test' }, tempDir()))).toBe('warn');
    expect(parseEnvironment({}, tempDir()).CMS_STARTUP_MESSAGE).toBe(true);
    expect(parseEnvironment({ CMS_STARTUP_MESSAGE: 'false' }, tempDir()).CMS_STARTUP_MESSAGE).toBe(false);
  });

  test('accepts production with every secret set', () => {
    const env = parseEnvironment({ NODE_ENV: 'production', ...secrets }, tempDir());
    expect(resolveSecrets(env)).toEqual(secrets);
  });

  test('allows cross-origin calls from the admin\'s own origin only, plus CORS_ORIGINS (issue 10 finding 7)', () => {
    expect(parseEnvironment({}, tempDir()).corsOrigins).toEqual(['http://127.0.0.1:1337', 'http://localhost:1337']);
    expect(parseEnvironment({ CMS_PUBLIC_URL: 'https://cms.xatanhoa.gov.vn/admin' }, tempDir()).corsOrigins).toEqual(['https://cms.xatanhoa.gov.vn']);
    expect(parseEnvironment({ CMS_HOST: '10.0.0.5', CMS_PORT: '8080' }, tempDir()).corsOrigins).toEqual(['http://10.0.0.5:8080']);
    const listed = parseEnvironment({ CMS_PUBLIC_URL: 'https://cms.xatanhoa.gov.vn', CORS_ORIGINS: ' https://bientap.xatanhoa.gov.vn, http://10.0.0.9:8080/ ' }, tempDir());
    expect(listed.corsOrigins).toEqual(['https://cms.xatanhoa.gov.vn', 'https://bientap.xatanhoa.gov.vn', 'http://10.0.0.9:8080']);
  });

  test('names CORS_ORIGINS and the entry that is not an origin', () => {
    for (const bad of ['*', 'bientap.xatanhoa.gov.vn', 'https://a.vn/path', 'ftp://a.vn', 'https://a.vn,null']) {
      const message = errorOf(() => parseEnvironment({ CORS_ORIGINS: bad }, tempDir())).message;
      expect(message, bad).toContain('CORS_ORIGINS must be a comma-separated list of origins');
    }
    expect(errorOf(() => parseEnvironment({ CORS_ORIGINS: 'https://ok.vn,https://a.vn/x' }, tempDir())).message).toContain('"https://a.vn/x" is not one');
  });

  test('hands the preview token off beside the others unless PREVIEW_TOKEN_FILE moves it', () => {
    const dir = tempDir();
    expect(parseEnvironment({}, dir).previewTokenFile).toBe(path.join(dir, 'preview-token'));
    expect(parseEnvironment({ PREVIEW_TOKEN_FILE: '/run/cong/preview-token' }, dir).previewTokenFile).toBe('/run/cong/preview-token');
  });

  test('names a secret that is too short', () => {
    expect(errorOf(() => parseEnvironment({ JWT_SECRET: 'short' }, tempDir())).message).toContain('JWT_SECRET is too short');
  });
});

describe('resolveSecrets', () => {
  test('generates missing local secrets once into a private file and reuses them', () => {
    const dir = tempDir();
    const first = resolveSecrets(parseEnvironment({}, dir));
    const file = path.join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const name of SECRET_NAMES) expect(first[name].length).toBeGreaterThanOrEqual(16);
    expect(first.APP_KEYS.split(',')).toHaveLength(2);
    const second = resolveSecrets(parseEnvironment({}, dir));
    expect(second).toEqual(first);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
  });

  test('lets the environment override a stored secret', () => {
    const dir = tempDir();
    resolveSecrets(parseEnvironment({}, dir));
    const given = 'g'.repeat(32);
    expect(resolveSecrets(parseEnvironment({ JWT_SECRET: given }, dir)).JWT_SECRET).toBe(given);
  });

  test('explains a corrupt secrets file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'secrets.json'), '{oops');
    expect(errorOf(() => resolveSecrets(parseEnvironment({}, dir))).message).toContain('secrets.json is not valid JSON');
  });
});

/**
 * The site build reads the root .env like every process (issue 11, item 3): CMS_PORT written there
 * is where the build calls the CMS; SITE_URL and the token come from it too. CONG_ENV_FILE points
 * it at a temporary file, never the repository's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseSiteEnvironment, SiteConfigError } from '../../site/src/lib/site-env';

test('CMS_PORT, SITE_URL and the token from the env file; the real environment wins', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cong-site-envfile-'));
  writeFileSync(path.join(dir, 'build-token'), 'a-build-token-from-the-cms-0123456789\n');
  writeFileSync(path.join(dir, '.env'), `CMS_PORT=8080\nSITE_URL=https://xatanhoa.gov.vn/\nCMS_TOKEN_FILE=${path.join(dir, 'build-token')}\nSITE_PORT=4999\n`);
  process.env.CONG_ENV_FILE = path.join(dir, '.env');
  for (const name of ['CMS_PORT', 'CMS_URL', 'CMS_HOST', 'SITE_URL', 'CMS_TOKEN', 'CMS_TOKEN_FILE']) delete process.env[name];
  process.env.SITE_PORT = '5000';
  expect(parseSiteEnvironment(process.env)).toEqual({ cmsUrl: 'http://127.0.0.1:8080', token: 'a-build-token-from-the-cms-0123456789', siteUrl: 'https://xatanhoa.gov.vn' });
  expect(process.env.SITE_PORT).toBe('5000');
});

test('a wrong CMS_PORT is a SiteConfigError naming it', () => {
  expect(() => parseSiteEnvironment({ CMS_PORT: 'eighty', CMS_TOKEN: 'x'.repeat(20) })).toThrow(SiteConfigError);
  expect(() => parseSiteEnvironment({ CMS_PORT: 'eighty', CMS_TOKEN: 'x'.repeat(20) })).toThrow(/CMS_PORT must be a port number \(got "eighty"\)/);
});

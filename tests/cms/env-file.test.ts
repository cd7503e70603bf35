/**
 * The CMS reads the root .env like every process (issue 11, item 3): CMS_PORT=8080 written in the
 * file is where Strapi listens. CONG_ENV_FILE points it at a temporary file, never the repository's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';

test('CMS_PORT in the env file is where the CMS listens, and CORS follows it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cong-cms-envfile-'));
  writeFileSync(path.join(dir, '.env'), `CMS_PORT=8080\nCMS_DATA_DIR=${path.join(dir, 'data')}\n`);
  process.env.CONG_ENV_FILE = path.join(dir, '.env');
  delete process.env.CMS_PORT;
  delete process.env.CMS_DATA_DIR;
  const { default: server } = await import('../../cms/config/server');
  const { loadEnvironment } = await import('../../cms/src/lib/environment');
  expect(server().port).toBe(8080);
  expect(loadEnvironment().dataDir).toBe(path.join(dir, 'data'));
  expect(loadEnvironment().corsOrigins).toEqual(['http://127.0.0.1:8080', 'http://localhost:8080']);
});

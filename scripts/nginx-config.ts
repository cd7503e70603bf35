/**
 * `npm run nginx-config -- [--server-name NAME] [--listen 80] [--no-brotli]`: prints the nginx
 * configuration for this installation (RELEASES_DIR, SITE_HOST, SITE_PORT from the environment).
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rootDir } from './lib/cms.ts';
import { nginxSiteConfig } from './nginx/config.ts';
import { parsePublisherEnvironment } from './publisher/config.ts';

const { values } = parseArgs({
  options: {
    'server-name': { type: 'string', default: 'localhost' },
    listen: { type: 'string', default: '80' },
    'no-brotli': { type: 'boolean', default: false },
  },
});
try {
  const env = parsePublisherEnvironment({ RELEASES_DIR: process.env.RELEASES_DIR, SITE_HOST: process.env.SITE_HOST, SITE_PORT: process.env.SITE_PORT, WEBHOOK_SECRET: 'x'.repeat(16), PREVIEW_SECRET: 'x'.repeat(16) }, rootDir, path.join(rootDir, 'cms', 'data'), false);
  const host = env.SITE_HOST === '0.0.0.0' ? '127.0.0.1' : env.SITE_HOST;
  process.stdout.write(nginxSiteConfig({ serverName: values['server-name']!, listen: values.listen!, releasesDir: env.releasesDir, upstream: `${host}:${env.SITE_PORT}`, brotli: !values['no-brotli'] }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

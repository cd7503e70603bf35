/**
 * `npm run release`: one build-and-deploy now, without the publisher running: builds the site
 * from the CMS (CMS_URL, CMS_TOKEN or CMS_TOKEN_FILE, SITE_URL) into a new release under
 * RELEASES_DIR, checks it, pre-compresses it and switches `current` to it. The GitHub Actions
 * publish workflow runs this, then ships `$RELEASES_DIR/current/client`.
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import path from 'node:path';
import { parseSiteEnvironment } from '../site/src/lib/site-env.ts';
import { cmsDir, rootDir } from './lib/cms.ts';
import { parsePublisherEnvironment } from './publisher/config.ts';
import { deploy } from './publisher/deploy.ts';

try {
  const pub = parsePublisherEnvironment({ RELEASES_DIR: process.env.RELEASES_DIR, RELEASES_KEEP: process.env.RELEASES_KEEP, WEBHOOK_SECRET: 'x'.repeat(16), PREVIEW_SECRET: 'x'.repeat(16) }, rootDir, path.join(cmsDir, 'data'), false);
  const site = parseSiteEnvironment(process.env);
  const result = await deploy({
    root: pub.releasesDir,
    keep: pub.RELEASES_KEEP,
    cmsUrl: site.cmsUrl,
    token: site.token,
    siteUrl: site.siteUrl,
    log: (m) => console.log(`[cong] ${m}`),
  });
  console.log(`[cong] release ${result.release} is live in ${path.join(pub.releasesDir, 'current')} (${result.seconds.toFixed(1)} s)`);
} catch (error) {
  console.error(`[cong] release failed: ${(error as Error).message}`);
  process.exit(1);
}

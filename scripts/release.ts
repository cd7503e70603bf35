/**
 * `npm run release`: one build-and-deploy now, without the publisher running: builds the site
 * from the CMS (CMS_URL or CMS_HOST/CMS_PORT, CMS_TOKEN or CMS_TOKEN_FILE, SITE_URL) into a new release under
 * RELEASES_DIR, checks it, pre-compresses it and switches `current` to it. The GitHub Actions
 * publish workflow runs this, then ships `$RELEASES_DIR/current/client`.
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import './lib/load-env.ts';
import path from 'node:path';
import { parseBuildEnvironment } from '../content-types/src/build-env.ts';
import { rootDir } from './lib/cms.ts';
import { parseReleasesEnvironment } from './publisher/config.ts';
import { deploy } from './publisher/deploy.ts';

try {
  // Where the releases go and the site build's variables; no publisher secret is needed here.
  const pub = parseReleasesEnvironment(process.env, rootDir);
  const site = parseBuildEnvironment(process.env, rootDir);
  const result = await deploy({
    root: pub.releasesDir,
    keep: pub.keep,
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

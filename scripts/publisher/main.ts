/**
 * `npm run publisher`: the publisher alone, for a server where the CMS and the public server run
 * as their own services (`npm start` runs all three in one). Reads CMS_URL (else CMS_HOST and
 * CMS_PORT), CMS_TOKEN or
 * CMS_TOKEN_FILE, SITE_URL and the publisher's variables (README, "Publishing"). Stops on
 * SIGTERM/SIGINT; work still pending is built at the next start.
 */
import '../lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import '../lib/load-env.ts';
import { cmsDataDirOf, productionSecretProblems } from '../../content-types/src/env.ts';
import { parseBuildEnvironment } from '../../content-types/src/build-env.ts';
import { rootDir } from '../lib/cms.ts';
import { parsePublisherEnvironment, publisherConfig } from './config.ts';
import { startPublisher } from './publisher.ts';

const log = (message: string) => console.log(`[publisher] ${message}`);
let publisher;
try {
  if (process.env.NODE_ENV === 'production') {
    const problems = productionSecretProblems(process.env, cmsDataDirOf(process.env, rootDir), ['WEBHOOK_SECRET', 'PREVIEW_SECRET']);
    if (problems.length > 0) throw new Error(`refusing to start in production:\n- ${problems.join('\n- ')}`);
  }
  const env = parsePublisherEnvironment(process.env, rootDir, cmsDataDirOf(process.env, rootDir), process.env.NODE_ENV === 'production');
  // A service's log: each build's steps too (npm start shows only the one-line summary); all of it is also in RELEASES_DIR/build.log.
  // The portals come from the CMS's registry in its data dir (none there: one portal, as before).
  const registryDir = cmsDataDirOf(process.env, rootDir);
  publisher = await startPublisher(publisherConfig(env, { ...parseBuildEnvironment(process.env, rootDir), registryDir }, log));
  log(`listening on ${publisher.url} (portals: ${publisher.portals().join(', ') || 'none enabled'}; releases in ${env.releasesDir}${env.github ? `; forwarding to GitHub Actions, ${env.github.repository}` : ''})`);
} catch (error) {
  console.error(`[publisher] ${(error as Error).message}`);
  process.exit(2);
}
const started = publisher;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log('stopping');
    void started.close().then(() => process.exit(0));
  });
}

/**
 * `npm run publisher`: the publisher alone, for a server where the CMS and the public server run
 * as their own services (`npm start` runs all three in one). Reads CMS_URL, CMS_TOKEN or
 * CMS_TOKEN_FILE, SITE_URL and the publisher's variables (README, "Publishing"). Stops on
 * SIGTERM/SIGINT; work still pending is built at the next start.
 */
import path from 'node:path';
import { parseSiteEnvironment } from '../../site/src/lib/site-env.ts';
import { cmsDir, rootDir } from '../lib/cms.ts';
import { parsePublisherEnvironment } from './config.ts';
import { startPublisher } from './publisher.ts';

const log = (message: string) => console.log(`[publisher] ${message}`);
let publisher;
try {
  const env = parsePublisherEnvironment(process.env, rootDir, path.join(cmsDir, 'data'), process.env.NODE_ENV === 'production');
  const site = parseSiteEnvironment(process.env);
  publisher = await startPublisher({
    host: env.PUBLISHER_HOST,
    port: env.PUBLISHER_PORT,
    secret: env.webhookSecret,
    statusToken: env.STATUS_TOKEN,
    root: env.releasesDir,
    keep: env.RELEASES_KEEP,
    cmsUrl: site.cmsUrl,
    token: site.token,
    siteUrl: site.siteUrl,
    quietMs: env.BUILD_QUIET_MS,
    maxWaitMs: env.BUILD_MAX_WAIT_MS,
    reconcileMs: env.RECONCILE_INTERVAL_MS,
    github: env.github,
    log,
  });
  log(`listening on ${publisher.url} (releases in ${env.releasesDir}${env.github ? `; forwarding to GitHub Actions, ${env.github.repository}` : ''})`);
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

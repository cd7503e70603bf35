/**
 * `npm run public`: the public server alone (static files of RELEASES_DIR/current and the on-demand
 * routes), with the environment `npm start` gives it, for a server where the CMS and the publisher
 * run as their own services, or behind nginx. Reads SITE_HOST/SITE_PORT, RELEASES_DIR, the CMS's
 * address (CMS_URL, else CMS_HOST/CMS_PORT), READER_DB or REDIS_URL, PREVIEW_SECRET, TRUSTED_PROXY
 * and the on-demand limits (README). Stops on SIGTERM/SIGINT.
 */
import '../lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import '../lib/load-env.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmsDataDirOf, cmsUrlOf, generatedSecrets, productionSecretProblems, reachableUrl } from '../../content-types/src/env.ts';
import { parseReleasesEnvironment, parseSiteAddress } from '../publisher/config.ts';
import { onDemandEnvironment, parsePublicServerEnvironment } from './config.ts';
import { createPublicServer } from './server.ts';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (message: string) => console.log(`[public] ${message}`);
let server: ReturnType<typeof createPublicServer>;
try {
  const { releasesDir } = parseReleasesEnvironment(process.env, rootDir);
  const address = parseSiteAddress(process.env);
  const options = parsePublicServerEnvironment(process.env);
  const dataDir = cmsDataDirOf(process.env, rootDir);
  if (process.env.NODE_ENV === 'production') {
    const problems = productionSecretProblems(process.env, dataDir, ['PREVIEW_SECRET']);
    if (problems.length > 0) throw new Error(`refusing to start in production:\n- ${problems.join('\n- ')}`);
  }
  // The preview secret the CMS signs with: given, or (not in production) the one `npm start` generated.
  const previewSecret = process.env.PREVIEW_SECRET || (process.env.NODE_ENV === 'production' ? undefined : generatedSecrets(dataDir).PREVIEW_SECRET);
  server = createPublicServer(releasesDir, { ...options, log, env: onDemandEnvironment(process.env, { rootDir, dataDir, cmsUrl: cmsUrlOf(process.env), previewSecret }) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.SITE_PORT, address.SITE_HOST, resolve);
  });
  log(`serving ${path.join(releasesDir, 'current')} on ${reachableUrl(address.SITE_HOST, address.SITE_PORT)}/${previewSecret ? '' : ' (no draft preview: PREVIEW_SECRET is not set)'}`);
} catch (error) {
  console.error(`[public] ${(error as Error).message}`);
  process.exit(2);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log('stopping');
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

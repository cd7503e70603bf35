/**
 * `npm run rollback`: makes the release before the live one live again, and holds it there
 * (reconciliation does not rebuild) until the next publish. The public server picks it up at once.
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import './lib/load-env.ts';
import { rootDir } from './lib/cms.ts';
import { parseReleasesEnvironment } from './publisher/config.ts';
import { currentRelease, rollback } from './publisher/releases.ts';

try {
  // Only where the releases are: a rollback needs no secret.
  const env = parseReleasesEnvironment(process.env, rootDir);
  const from = currentRelease(env.releasesDir);
  const to = rollback(env.releasesDir);
  console.log(`[cong] rolled back from ${from} to ${to} (${env.releasesDir}); the next publish builds a new release`);
} catch (error) {
  console.error(`[cong] rollback failed: ${(error as Error).message}`);
  process.exit(1);
}

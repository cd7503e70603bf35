/**
 * `npm run rollback [-- --portal <code>]`: makes the release before the live one live again, and
 * holds it there (reconciliation does not rebuild) until the next publish. The public server
 * picks it up at once. `--portal` names the portal (its Mã cổng) of an install with several
 * (RELEASES_DIR/portals.json, written by the publisher); without it, the primary portal.
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import './lib/load-env.ts';
import { parseArgs } from 'node:util';
import { rootDir } from './lib/cms.ts';
import { parseReleasesEnvironment, portalReleasesRoot } from './publisher/config.ts';
import { currentRelease, rollback } from './publisher/releases.ts';

try {
  const { values } = parseArgs({ options: { portal: { type: 'string' } }, allowPositionals: false });
  // Only where the releases are: a rollback needs no secret.
  const env = parseReleasesEnvironment(process.env, rootDir);
  const root = portalReleasesRoot(env.releasesDir, values.portal);
  const from = currentRelease(root);
  const to = rollback(root);
  console.log(`[cong] rolled back${values.portal ? ` portal ${values.portal}` : ''} from ${from} to ${to} (${root}); the next publish builds a new release`);
} catch (error) {
  console.error(`[cong] rollback failed: ${(error as Error).message}`);
  process.exit(1);
}

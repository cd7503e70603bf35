/**
 * `npm run seed [-- --articles N] [-- --documents N] [-- --one-portal]`: fills the CMS with the demo portal
 * and the demo's other portals (the province Lam Giang, the commune Phú Lâm; not with --one-portal)
 * (idempotent), with N published articles and/or documents (văn bản) in all when asked
 * (generated ones beyond the demo's own). Webhooks stay
 * quiet: the publisher's reconciliation picks the new content up in one build.
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import { parseArgs } from 'node:util';
import { seedDemoContent } from '../cms/src/seed/index.ts';
import { closeStrapi, loadStrapi } from './lib/cms.ts';

const { values } = parseArgs({ options: { articles: { type: 'string' }, documents: { type: 'string' }, 'one-portal': { type: 'boolean' } } });
function count(name: 'articles' | 'documents'): number | undefined {
  const raw = values[name];
  const n = raw === undefined ? undefined : Number(raw);
  if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 1_000_000)) {
    console.error(`--${name} must be a whole number between 0 and 1000000 (got "${raw}")`);
    process.exit(2);
  }
  return n;
}
const articles = count('articles');
const documents = count('documents');

const strapi = await loadStrapi();
try {
  await seedDemoContent(strapi, { articles, documents, portals: !values['one-portal'], log: (m) => console.log(`[seed] ${m}`) });
} catch (error) {
  console.error('[seed] failed; nothing was marked done, run it again after fixing the cause:', error);
  process.exitCode = 1;
} finally {
  await closeStrapi(strapi);
}
// Strapi's providers (telemetry, sessions) keep timers alive: leave once the work is done.
process.exit(process.exitCode ?? 0);

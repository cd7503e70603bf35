/**
 * `npm run release [-- --portal <code>]`: one build-and-deploy now, without the publisher
 * running: builds the site from the CMS (CMS_URL or CMS_HOST/CMS_PORT, CMS_TOKEN or
 * CMS_TOKEN_FILE, SITE_URL) into a new release under RELEASES_DIR, checks it, pre-compresses it
 * and switches `current` to it. The GitHub Actions publish workflow runs this, then ships
 * `$RELEASES_DIR/current/client`.
 *
 * `--portal` builds one portal of an install with several (the CMS data dir's portals.json):
 * into its root (RELEASES_DIR/portals/<code>/, the primary's RELEASES_DIR), with SITE_PORTAL set,
 * its own build token (its tokenFile, unless CMS_TOKEN is set) and its public URL.
 *
 * Like a publish, it renders only the pages whose content changed when the live release allows
 * (issue 15, the fast path: scripts/publisher/fast/); `--full` always runs `astro build`.
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import './lib/load-env.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseBuildEnvironment } from '../content-types/src/build-env.ts';
import { cmsDataDirOf } from '../content-types/src/env.ts';
import { hasChildPortals, portalRoot, portalUrl } from '../content-types/src/portals.ts';
import { rootDir } from './lib/cms.ts';
import { findPortal, parseReleasesEnvironment } from './publisher/config.ts';
import { deploy } from './publisher/deploy.ts';

try {
  const { values } = parseArgs({ options: { portal: { type: 'string' }, full: { type: 'boolean' } }, allowPositionals: false });
  // Where the releases go and the site build's variables; no publisher secret is needed here.
  const pub = parseReleasesEnvironment(process.env, rootDir);
  const site = parseBuildEnvironment(process.env, rootDir);
  let root = pub.releasesDir;
  let { token, siteUrl } = site;
  let sharedNewsOf: string | undefined;
  if (values.portal) {
    const dataDir = cmsDataDirOf(process.env, rootDir);
    const { portal, portals } = findPortal(values.portal, [dataDir, pub.releasesDir]);
    if (hasChildPortals(portals, portal.code)) sharedNewsOf = portal.code;
    root = portalRoot(pub.releasesDir, portal);
    if (!portal.primary) siteUrl = portalUrl(portal, site.siteUrl).replace(/\/+$/, '');
    if (!process.env.CMS_TOKEN && portal.tokenFile) token = readFileSync(path.resolve(dataDir, portal.tokenFile), 'utf8').trim();
  }
  const result = await deploy({
    root,
    keep: pub.keep,
    cmsUrl: site.cmsUrl,
    token,
    siteUrl,
    portal: values.portal ?? site.portal,
    sharedNewsOf,
    full: values.full === true,
    fullReason: 'asked for (--full)',
    fastWorkerIdleMs: 0, // one publish: its worker ends with it
    log: (m) => console.log(`[cong] ${m}`),
  });
  const how = result.path === 'fast' ? `fast path: ${result.pages?.rendered ?? 0} pages rendered` : `full build: ${result.why}`;
  console.log(`[cong] release ${result.release}${values.portal ? ` of portal ${values.portal}` : ''} is live in ${path.join(root, 'current')} (${result.seconds.toFixed(1)} s; ${how})`);
} catch (error) {
  console.error(`[cong] release failed: ${(error as Error).message}`);
  process.exit(1);
}

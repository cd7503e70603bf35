/**
 * `npm start`: the whole portal on its embedded defaults, with demo content on a new database
 * (not in production): the CMS (Strapi on CMS_PORT, SQLite in cms/data/), the publisher
 * (PUBLISHER_PORT: webhook → build → new release → atomic switch) and the public server
 * (SITE_PORT) serving the live release. Every variable comes from the environment or the root
 * `.env` (scripts/lib/load-env.ts) and is checked before anything starts. Strapi runs in its own
 * process group; Ctrl-C stops everything. The summary with the addresses is printed last.
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import './lib/load-env.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cmsDataDirOf, envFilePaths, productionSecretProblems, reachableUrl } from '../content-types/src/env.ts';
import { parseEnvironment as parseCmsEnvironment } from '../cms/src/lib/environment.ts';
import { buildCmsWithAdmin, cmsDir, rootDir, strapiArgs } from './lib/cms.ts';
import { waitForHealth } from './lib/health.ts';
import { parsePublisherEnvironment, publisherConfig } from './publisher/config.ts';
import { startPublisher, type Publisher } from './publisher/publisher.ts';
import { onDemandEnvironment, parsePublicServerEnvironment } from './public/config.ts';
import { createPublicServer } from './public/server.ts';
import { portalUrl, readPortalRegistry } from '../content-types/src/portals.ts';

const log = (message: string) => console.log(`[cong] ${message}`);
const nodePath = process.execPath.startsWith(rootDir + path.sep) ? path.relative(rootDir, process.execPath) : process.execPath;
log(`Node.js ${process.version} (${nodePath}): the CMS, the site builds and the on-demand routes run on it`);
const production = process.env.NODE_ENV === 'production';
let cmsEnv: ReturnType<typeof parseCmsEnvironment>;
let pub: ReturnType<typeof parsePublisherEnvironment>;
let publicEnv: ReturnType<typeof parsePublicServerEnvironment>;
try {
  // Every process's variables are checked now, not after the CMS has started; in production the
  // secrets first, all of them in one message.
  if (production) {
    const problems = productionSecretProblems(process.env, cmsDataDirOf(process.env, rootDir));
    if (problems.length > 0) {
      throw new Error(`NODE_ENV=production: npm start refuses to start with missing, example or demo secrets (set each in the root .env or the environment):\n${problems.map((p) => `- ${p}`).join('\n')}`);
    }
  }
  cmsEnv = parseCmsEnvironment(process.env, path.join(cmsDir, 'data'), rootDir);
  pub = parsePublisherEnvironment(process.env, rootDir, cmsEnv.dataDir, production);
  publicEnv = parsePublicServerEnvironment(process.env);
} catch (error) {
  console.error(`[cong] ${(error as Error).message}`);
  process.exit(2);
}
const cmsUrl = reachableUrl(cmsEnv.CMS_HOST, cmsEnv.CMS_PORT);
const siteUrl = (process.env.SITE_URL || reachableUrl(pub.SITE_HOST, pub.SITE_PORT)).replace(/\/+$/, '');
const publisherUrl = reachableUrl(pub.PUBLISHER_HOST, pub.PUBLISHER_PORT);

try {
  buildCmsWithAdmin(log, { quiet: true });
} catch {
  console.error('[cong] building the CMS failed: see the output above');
  process.exit(1);
}

const children: ChildProcess[] = [];
const closers: Array<() => Promise<void>> = [];
let stopping = false;

/** Stops every child's process group (npm/strapi spawn grandchildren) and exits. */
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  for (const close of closers) void close().catch(() => undefined);
  const deadline = setTimeout(() => {
    for (const child of children) if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    process.exit(code);
  }, 10_000);
  deadline.unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r))))).then(() => process.exit(code));
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const cms = spawn(process.execPath, strapiArgs('start'), {
  cwd: cmsDir,
  env: {
    ...process.env,
    // The demo portal on a new database, never in production (cms/src/seed/when.ts); `npm run seed` adds it on purpose.
    ...(production ? {} : { SEED_DEMO_CONTENT: process.env.SEED_DEMO_CONTENT || 'true' }),
    // The summary below says where everything is: not Strapi's own table too.
    CMS_STARTUP_MESSAGE: process.env.CMS_STARTUP_MESSAGE || 'false',
    // Strapi loads ENV_PATH itself: the file this process read (it adds nothing to what is passed here).
    ENV_PATH: process.env.ENV_PATH || envFilePaths(rootDir)[0],
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    PUBLISHER_URL: process.env.PUBLISHER_URL ?? publisherUrl,
    WEBHOOK_SECRET: pub.webhookSecret,
    PREVIEW_SECRET: pub.previewSecret,
    PREVIEW_URL: process.env.PREVIEW_URL ?? siteUrl,
  },
  stdio: 'inherit',
  detached: true, // own process group, so Ctrl-C stops Strapi and nothing lingers
});
children.push(cms);
cms.on('exit', (code) => {
  if (!stopping) {
    console.error(`[cong] the CMS exited (code ${code}); stopping`);
    stopAll(code ?? 1);
  }
});

if (await waitForHealth(cmsUrl, { timeoutMs: 300_000, giveUp: () => stopping })) {
  const tokenFile = process.env.CMS_TOKEN_FILE ? path.resolve(rootDir, process.env.CMS_TOKEN_FILE) : cmsEnv.buildTokenFile;
  let publisher: Publisher | undefined;
  try {
    const token = process.env.CMS_TOKEN || readFileSync(tokenFile, 'utf8').trim();
    // One line per build (result and timings); its steps and the whole astro output go to RELEASES_DIR/build.log.
    // Every portal the CMS's registry (its data dir's portals.json) lists: each its own releases, fairly sharing PUBLISH_CONCURRENCY builds.
    publisher = await startPublisher({ ...publisherConfig(pub, { cmsUrl, token, siteUrl, registryDir: cmsEnv.dataDir }, (m) => log(`publisher: ${m}`)), progress: () => undefined });
    const started = publisher;
    closers.push(() => started.close());
    // The on-demand routes: reader data (SQLite file, or Redis with REDIS_URL), and the draft preview's way to the CMS.
    const server = createPublicServer(pub.releasesDir, {
      ...publicEnv,
      // With several portals (RELEASES_DIR/portals.json), the primary portal answers this host too.
      siteUrl,
      log: (m) => log(`public server: ${m}`),
      // The same as `npm run public` gives them (scripts/public/config.ts).
      env: onDemandEnvironment(process.env, { rootDir, dataDir: cmsEnv.dataDir, cmsUrl, previewSecret: pub.previewSecret }),
    });
    await new Promise<void>((resolve) => server.listen(pub.SITE_PORT, pub.SITE_HOST, resolve));
    closers.push(() => new Promise((r) => server.close(() => r())));
  } catch (error) {
    console.error(`[cong] could not start the publisher or the public server: ${(error as Error).message}`);
    stopAll(1);
  }
  if (publisher && !stopping) {
    log('building the first release if the live one is missing or stale…');
    await publisher.reconcile();
    // A failing first build is retried with backoff: print the URLs anyway after two minutes.
    await Promise.race([publisher.idle(), new Promise((r) => setTimeout(r, 120_000).unref())]);
    const last = publisher.lastBuild();
    if (last?.result === 'failure') console.error(`[cong] the first build failed (${last.error}); see ${publisherUrl}/status`);
    const credentials = path.join(cmsEnv.dataDir, 'admin-credentials.txt');
    // Each enabled portal at its own address (the first also at SITE_URL), when there are several.
    const portals = (readPortalRegistry(cmsEnv.dataDir)?.portals ?? []).filter((p) => p.enabled);
    const portalLines =
      portals.length > 1
        ? portals.map((p) => `    ${p.primary ? `${siteUrl}/ and ${portalUrl({ ...p, primary: false }, siteUrl)}` : portalUrl(p, siteUrl)}  ${p.name}\n`).join('')
        : '';
    console.log(`
  Cổng is running (Ctrl-C stops everything)
    Public portal:           ${siteUrl}/
${portalLines ? `  Portals (by host name: *.localhost reaches this machine in a browser):\n${portalLines}` : ''}    CMS admin (Vietnamese):  ${cmsUrl}/admin
    CMS content API:         ${cmsUrl}/api
    Publisher status:        ${publisherUrl}/status
${existsSync(credentials) ? `    First admin's sign-in:   ${path.relative(process.cwd(), credentials)}\n` : ''}  Every publish in the admin is live on the portal a few seconds later.
`);
  }
} else if (!stopping) {
  console.error(`[cong] the CMS did not answer at ${cmsUrl}/_health within 5 minutes; stopping`);
  stopAll(1);
}

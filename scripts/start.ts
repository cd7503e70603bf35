/**
 * `npm start`: the whole portal on its embedded defaults, with demo content on the first run:
 * the CMS (Strapi on CMS_PORT, SQLite in cms/data/), then the public site built from what it
 * publishes and served on SITE_PORT. Each runs in its own process group; Ctrl-C stops all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildCmsWithAdmin, cmsDir, rootDir } from './lib/cms.ts';
import { buildSite, serveSite, siteDir } from './lib/site.ts';

const log = (message: string) => console.log(`[cong] ${message}`);
const port = Number(process.env.CMS_PORT ?? 1337);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`[cong] CMS_PORT must be a port number between 1 and 65535 (got "${process.env.CMS_PORT}")`);
  process.exit(2);
}
const host = process.env.CMS_HOST ?? '127.0.0.1';
const cmsUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
const sitePort = Number(process.env.SITE_PORT ?? 4321);
if (!Number.isInteger(sitePort) || sitePort < 1 || sitePort > 65535 || sitePort === port) {
  console.error(`[cong] SITE_PORT must be a port number between 1 and 65535, other than CMS_PORT (got "${process.env.SITE_PORT}")`);
  process.exit(2);
}
const siteHost = process.env.SITE_HOST ?? '127.0.0.1';
const siteUrl = process.env.SITE_URL ?? `http://${siteHost === '0.0.0.0' ? '127.0.0.1' : siteHost}:${sitePort}`;

try {
  buildCmsWithAdmin(log);
} catch {
  console.error('[cong] building the CMS failed: see the output above');
  process.exit(1);
}

const children: ChildProcess[] = [];
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
  const deadline = setTimeout(() => {
    for (const child of children) if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    process.exit(code);
  }, 10_000);
  deadline.unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r))))).then(() => process.exit(code));
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const cms = spawn(process.execPath, [path.join(rootDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
  cwd: cmsDir,
  env: { ...process.env, SEED_DEMO_CONTENT: 'true', NODE_ENV: process.env.NODE_ENV ?? 'development' },
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

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !stopping) {
    try {
      const res = await fetch(`${url}/_health`);
      if (res.status === 204) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

if (await waitForHealth(cmsUrl, 300_000)) {
  log('building the public site from the CMS…');
  try {
    const seconds = await buildSite({ CMS_URL: cmsUrl, SITE_URL: siteUrl }, (m) => log(m));
    log(`site built in ${seconds.toFixed(1)} s`);
  } catch (error) {
    console.error(`[cong] ${(error as Error).message}`);
    stopAll(1);
  }
  if (!stopping) {
    const site = serveSite(path.join(siteDir, 'dist'), siteHost, sitePort);
    children.push(site);
    site.on('exit', (code) => {
      if (!stopping) {
        console.error(`[cong] the site server exited (code ${code}); stopping`);
        stopAll(code ?? 1);
      }
    });
    const credentials = path.join(cmsDir, 'data', 'admin-credentials.txt');
    console.log(`
  Cổng is running (Ctrl-C stops everything)
    Public portal:           ${siteUrl}/
    CMS admin (Vietnamese):  ${cmsUrl}/admin
    CMS content API:         ${cmsUrl}/api
${existsSync(credentials) ? `    First admin's sign-in:   ${path.relative(process.cwd(), credentials)}\n` : ''}`);
  }
} else if (!stopping) {
  console.error(`[cong] the CMS did not answer at ${cmsUrl}/_health within 5 minutes; stopping`);
  stopAll(1);
}

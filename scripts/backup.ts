/**
 * `npm run backup [-- --portal <code>] [--out <folder>]` and
 * `npm run restore -- <folder> [--portal <code>] [--force]` (issue 14): the install's content
 * (Strapi's own export), media files, reader data and live releases, for every portal or one
 * (scripts/backup/index.ts). Boots the CMS in this process, as `npm run portal` does; a restore
 * needs the CMS, the publisher and the public server stopped (it replaces what they hold open).
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import './lib/load-env.ts';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cmsUrlOf } from '../content-types/src/env.ts';
import { loadEnvironment } from '../cms/src/lib/environment.ts';
import { BackupInputError, createBackup, restoreBackup, type InstallPlaces } from './backup/index.ts';
import { closeStrapi, loadStrapi, rootDir } from './lib/cms.ts';
import { parseReleasesEnvironment } from './publisher/config.ts';

const command = process.argv[2];
const USAGE = `usage: npm run backup [-- --portal code] [--out folder]
       npm run restore -- folder [--portal code] [--force]`;

function fail(message: string, code = 2): never {
  console.error(`[cong] ${message}\n${USAGE}`);
  process.exit(code);
}

let values: { portal?: string; out?: string; force?: boolean };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    args: process.argv.slice(3),
    allowPositionals: command === 'restore',
    strict: true,
    options: { portal: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  }));
  if (command === 'backup' && values.force) throw new Error('--force is an option of npm run restore');
  if (command === 'restore' && values.out) throw new Error('--out is an option of npm run backup');
} catch (error) {
  fail((error as Error).message);
}
if (command !== 'backup' && command !== 'restore') fail(`unknown command "${command ?? ''}"`);
if (command === 'restore' && positionals.length !== 1) fail('name the backup folder to restore (the one `npm run backup` printed)');

/** Whether the CMS answers: a restore under a running CMS would be undone by its caches and syncs. */
async function cmsRunning(): Promise<string | null> {
  const url = cmsUrlOf(process.env);
  try {
    const res = await fetch(`${url}/_health`, { signal: AbortSignal.timeout(1500) });
    return res.status < 500 ? url : null;
  } catch {
    return null;
  }
}

if (command === 'restore') {
  const running = await cmsRunning();
  if (running) fail(`the CMS answers at ${running}: stop it (and the publisher and public server: npm start, or their services) before a restore`, 1);
}

const strapi = await loadStrapi();
// Hẹn giờ đăng runs in the CMS, not while a backup reads or a restore writes.
strapi.cron.destroy();
const cmsEnv = loadEnvironment();
const places: InstallPlaces = {
  dataDir: cmsEnv.dataDir,
  buildTokenFile: cmsEnv.buildTokenFile,
  uploadsDir: path.join(strapi.dirs.static.public, 'uploads'),
  releasesDir: parseReleasesEnvironment(process.env, rootDir).releasesDir,
  reader: {
    readerDb: path.resolve(rootDir, process.env.READER_DB || path.join('data', 'reader.db')),
    ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    ...(process.env.REDIS_PREFIX ? { redisPrefix: process.env.REDIS_PREFIX } : {}),
  },
};
const warn = (m: string) => console.warn(`[cong] warning: ${m}`);
try {
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const out = path.resolve(values.out ?? path.join(rootDir, 'backups', `cong-${values.portal ?? 'all'}-${stamp}`));
    const manifest = await createBackup(strapi, places, { out, portal: values.portal, warn });
    const entries = Object.values(manifest.rows).reduce((a, b) => a + b, 0);
    console.log(`[cong] backed up ${manifest.scope === 'portal' ? `the portal ${manifest.portal}` : `the install (${manifest.portals.length} portal${manifest.portals.length === 1 ? '' : 's'})`}: ${entries} rows, ${manifest.uploads} media files, ${manifest.portals.filter((p) => p.release).length} live release(s), ${manifest.portals.filter((p) => p.reader).length} reader store(s)`);
    console.log(`[cong] in ${out}`);
  } else {
    const dir = path.resolve(positionals[0]!);
    const { manifest, rows } = await restoreBackup(strapi, places, { dir, portal: values.portal, force: values.force, warn });
    const entries = Object.values(rows).reduce((a, b) => a + b, 0);
    console.log(`[cong] restored ${manifest.scope === 'portal' ? `the portal ${manifest.portal}` : 'the install'} from ${dir} (made ${manifest.createdAt}): ${entries} rows now; start the CMS and the publisher (the next publish builds from the restored content)`);
  }
} catch (error) {
  if (error instanceof BackupInputError) console.error(`[cong] ${error.message}`);
  else console.error(`[cong] ${command} failed:`, error);
  process.exitCode = error instanceof BackupInputError ? 2 : 1;
} finally {
  await closeStrapi(strapi);
}
// Strapi's providers (telemetry, sessions) keep timers alive: leave once the work is done.
process.exit(process.exitCode ?? 0);

/**
 * Loading the Strapi app of cms/ from scripts and tests: build it when its sources changed,
 * boot it in-process, and close it without killing the host process.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import { envFilePaths, loadEnvFiles } from '../../content-types/src/env.ts';

/** The repository root. */
export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The Strapi app. */
export const cmsDir = path.join(rootDir, 'cms');
const distDir = path.join(cmsDir, 'dist');
/**
 * A package's CLI file, to run with this process's Node.js (`process.execPath`), not through its
 * shebang: the `node` on PATH may be an older system Node when a script is called outside npm.
 */
const packageFile = (file: string): string => path.join(rootDir, 'node_modules', file);

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** A hash of everything that goes into the CMS build (sources, config, the model). */
export function cmsSourceHash(includeAdmin: boolean): string {
  const hash = createHash('sha256');
  const roots = [path.join(cmsDir, 'src'), path.join(cmsDir, 'config'), path.join(rootDir, 'content-types', 'src')];
  const files = roots.flatMap((r) => [...walk(r)]).filter((f) => includeAdmin || !f.includes(`${path.sep}admin${path.sep}`));
  for (const file of [...files, path.join(cmsDir, 'package.json'), path.join(cmsDir, 'tsconfig.json')].sort()) {
    hash.update(path.relative(rootDir, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

const stampFile = (kind: 'server' | 'admin') => path.join(distDir, `.cong-${kind}-stamp`);
const isFresh = (kind: 'server' | 'admin', hash: string) => existsSync(stampFile(kind)) && readFileSync(stampFile(kind), 'utf8') === hash;

/** `strapi …`, as arguments to this process's Node.js. */
export const strapiArgs = (...args: string[]): string[] => [packageFile('@strapi/strapi/bin/strapi.js'), ...args];

/** Compiles the CMS server code (TypeScript → cms/dist) unless it is up to date. */
export function buildCmsServer(): void {
  const hash = cmsSourceHash(false);
  if (isFresh('server', hash)) return;
  execFileSync(process.execPath, [packageFile('typescript/bin/tsc'), '-p', path.join(cmsDir, 'tsconfig.json')], { stdio: 'inherit' });
  writeFileSync(stampFile('server'), hash);
}

/**
 * Builds the CMS server and the admin panel (`strapi build`, ~30 s) unless up to date. `quiet`:
 * Strapi's build output (progress, bundler warnings) is printed only when the build fails, and a
 * line says how long it took.
 */
export function buildCmsWithAdmin(log: (m: string) => void, options: { quiet?: boolean } = {}): void {
  const hash = cmsSourceHash(true);
  if (isFresh('admin', hash) && existsSync(path.join(distDir, 'build', 'index.html'))) return;
  log('building the CMS and its admin panel (first start or sources changed, ~30-60 s)…');
  const started = performance.now();
  // The build loads the config: keep the caller's NODE_ENV so local secrets apply there.
  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' };
  try {
    execFileSync(process.execPath, strapiArgs('build', '--minify'), { cwd: cmsDir, stdio: options.quiet ? 'pipe' : 'inherit', env, maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    if (options.quiet) process.stderr.write(`${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
    throw error;
  }
  if (options.quiet) log(`built the CMS and its admin panel in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  writeFileSync(stampFile('admin'), hash);
  writeFileSync(stampFile('server'), cmsSourceHash(false));
}

/** Boots the CMS in this process (no HTTP listener). Set CMS_DATA_DIR / DATABASE_URL first. */
export async function loadStrapi(): Promise<Core.Strapi> {
  buildCmsServer();
  // The root .env (or CONG_ENV_FILE's file; an older install's cms/.env too), as every process reads it.
  loadEnvFiles(rootDir);
  // Strapi loads ENV_PATH (else the cwd's .env) itself: the same file, which adds nothing now.
  process.env.ENV_PATH ??= envFilePaths(rootDir)[0];
  // '@strapi/strapi' fails as ESM inside vitest ("Directory import lodash/fp"): load it as CommonJS.
  const requireCjs = createRequire(import.meta.url);
  const { createStrapi } = requireCjs('@strapi/strapi') as typeof import('@strapi/strapi');
  const app = createStrapi({ appDir: cmsDir, distDir });
  await app.load();
  return app;
}

/**
 * Stops an in-process Strapi. Not `strapi.destroy()`: it calls process.removeAllListeners(),
 * which kills a test worker.
 */
export async function closeStrapi(app: Core.Strapi): Promise<void> {
  await app.runPluginsLifecycles('destroy');
  app.cron.destroy();
  await app.server.destroy();
  app.eventHub.destroy();
  await app.db.destroy();
}

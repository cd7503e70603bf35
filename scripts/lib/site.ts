/**
 * Building the public site from scripts and tests: `astro build` against a running CMS.
 */
import { spawn } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { rootDir } from './cms.ts';

/** The site's folder. */
export const siteDir = path.join(rootDir, 'site');

/** `astro build` of the site, as arguments to this process's Node.js (Astro 6 moved its CLI to bin/astro.mjs). */
export const astroBuildArgs = (): string[] => [path.join(rootDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', siteDir];

/** A failed `astro build`; `output` holds everything it printed. */
export class SiteBuildError extends Error {
  override name = 'SiteBuildError';
  constructor(message: string, readonly output: string) {
    super(message);
  }
}

/**
 * Where a build into `out` is written first: one fixed folder beside it. Astro writes the output
 * folder's absolute path into its image module (`astro:assets`), and the incremental build's
 * page hashes cover that module: building each release in a folder of its own would render every
 * page again. So every release is built in the same place and then moved to its own folder.
 */
export function stagingDir(out: string): string {
  return path.join(path.dirname(path.resolve(out)), '.building');
}

/**
 * Runs `astro build` into env.SITE_OUT_DIR (through stagingDir()); resolves with its duration in
 * seconds and its output, rejects with a SiteBuildError and leaves SITE_OUT_DIR as it was.
 */
export function buildSite(env: NodeJS.ProcessEnv, log: (m: string) => void = () => {}, onSpawn?: (pid: number) => void): Promise<{ seconds: number; output: string }> {
  const started = performance.now();
  const out = env.SITE_OUT_DIR;
  const staging = out ? stagingDir(out) : undefined;
  // A build that was killed leaves its staging folder: start clean.
  if (staging) rmSync(staging, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, astroBuildArgs(), {
      // NO_COLOR: the output goes to logs and /status, not a terminal (Astro colours it under CI=true).
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env, ...(staging ? { SITE_OUT_DIR: staging } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) onSpawn?.(child.pid);
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (/\[(cong-|build\] (Complete|✓))|articles:|error/i.test(line)) log(line.trim());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => {
      if (code === 0) {
        if (out && staging) {
          rmSync(out, { recursive: true, force: true });
          renameSync(staging, out);
        }
        resolve({ seconds: (performance.now() - started) / 1000, output });
      } else {
        if (staging) rmSync(staging, { recursive: true, force: true });
        reject(new SiteBuildError(`astro build failed (exit ${code}):\n${output.split('\n').slice(-30).join('\n')}`, output));
      }
    });
  });
}

/**
 * Building the public site from scripts and tests: `astro build` against a running CMS.
 */
import { spawn } from 'node:child_process';
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

/** Runs `astro build`; resolves with its duration in seconds and its output, rejects with a SiteBuildError. */
export function buildSite(env: NodeJS.ProcessEnv, log: (m: string) => void = () => {}, onSpawn?: (pid: number) => void): Promise<{ seconds: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, astroBuildArgs(), {
      // NO_COLOR: the output goes to logs and /status, not a terminal (Astro colours it under CI=true).
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
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
      if (code === 0) resolve({ seconds: (performance.now() - started) / 1000, output });
      else reject(new SiteBuildError(`astro build failed (exit ${code}):\n${output.split('\n').slice(-30).join('\n')}`, output));
    });
  });
}

/**
 * Building and serving the public site from scripts: `astro build` against a running CMS, then
 * the built Node server (static pages plus the on-demand routes of later features).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { rootDir } from './cms.ts';

/** The site's folder. */
export const siteDir = path.join(rootDir, 'site');

/** Runs `astro build`; resolves with its duration in seconds, rejects on failure. */
export function buildSite(env: NodeJS.ProcessEnv, log: (m: string) => void = () => {}): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(rootDir, 'node_modules', 'astro', 'astro.js'), 'build', '--root', siteDir], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (/\[(cong-|build\] (Complete|✓))|articles:|error/i.test(line)) log(line.trim());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => {
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`astro build failed (exit ${code}):\n${output.split('\n').slice(-30).join('\n')}`));
    });
  });
}

/** Starts the built site's server on `port`; the caller stops it. */
export function serveSite(outDir: string, host: string, port: number): ChildProcess {
  return spawn(process.execPath, [path.join(outDir, 'server', 'entry.mjs')], {
    env: { ...process.env, HOST: host, PORT: String(port) },
    stdio: 'inherit',
    detached: true,
  });
}

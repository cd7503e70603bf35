/**
 * Runs Debian's nginx in the foreground with a private prefix (pid, logs, temp folders in a temp
 * directory) around a generated site configuration: for the tests and the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nginxSiteConfig, type NginxSiteOptions } from './config.ts';

export const NGINX_BINARY = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** Whether this machine has nginx, and its brotli_static module. */
export function nginxAvailable(): { nginx: boolean; brotli: boolean } {
  return { nginx: existsSync(NGINX_BINARY), brotli: existsSync(BROTLI_MODULE) };
}

export interface RunningNginx {
  url: string;
  config: string;
  stop(): Promise<void>;
}

export interface StartNginxOptions {
  port: number;
  releasesDir: string;
  upstream: string;
  workers?: number;
  /** Also serve https on 127.0.0.1:`tls.port` with this certificate (plain http then redirects to it). */
  tls?: { port: number; certificate: string; key: string };
  /** limit_req of the on-demand routes (default: the shipped one; null: none, for the benchmark). */
  onDemandLimit?: NginxSiteOptions['onDemandLimit'];
  /**
   * Tests only: take the client address from this request header when the connection comes from
   * loopback (nginx's realip module), so that a test can be a reader at any address, IPv6 included.
   */
  clientAddressHeader?: string;
  /** Several portals (scripts/nginx/config.ts `nginxPortals`): one server block each and a default server. */
  portals?: NginxSiteOptions['portals'];
}

/** Starts nginx on 127.0.0.1:`port` for `releasesDir`, proxying to `upstream`; resolves once it answers. */
export async function startNginx(options: StartNginxOptions): Promise<RunningNginx> {
  const header = options.clientAddressHeader;
  if (header !== undefined && !/^[A-Za-z0-9-]+$/.test(header)) throw new Error(`clientAddressHeader must be a header name (got ${JSON.stringify(header)})`);
  const { brotli } = nginxAvailable();
  const prefix = mkdtempSync(path.join(tmpdir(), 'cong-nginx-'));
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(prefix, dir));
  const site = nginxSiteConfig({
    serverName: 'localhost',
    listen: `127.0.0.1:${options.port}`,
    releasesDir: options.releasesDir,
    upstream: options.upstream,
    brotli,
    ...(options.tls ? { tls: { certificate: options.tls.certificate, key: options.tls.key, listen: `127.0.0.1:${options.tls.port}` } } : {}),
    ...(options.onDemandLimit !== undefined ? { onDemandLimit: options.onDemandLimit } : {}),
    ...(options.portals ? { portals: options.portals } : {}),
  });
  writeFileSync(path.join(prefix, 'cong.conf'), site);
  const realIp = header ? `    set_real_ip_from 127.0.0.0/8;\n    real_ip_header ${header};\n` : '';
  const main = `${brotli ? `load_module ${BROTLI_MODULE};\n` : ''}${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes ${options.workers ?? 1};
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    types { application/wasm wasm; }
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    access_log off;
    client_body_temp_path ${prefix}/body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
${realIp}    include ${prefix}/cong.conf;
}
`;
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(conf, main);
  const child: ChildProcess = spawn(NGINX_BINARY, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGQUIT');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) break;
    try {
      // Any answer will do (with TLS, plain http answers with a redirect to https).
      await fetch(`${url}/robots.txt`, { redirect: 'manual' });
      return { url, config: site, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const log = existsSync(path.join(prefix, 'error.log')) ? readFileSync(path.join(prefix, 'error.log'), 'utf8') : '';
  await stop();
  throw new Error(`nginx did not start: ${stderr}${log}`);
}

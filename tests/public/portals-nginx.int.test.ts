/**
 * Issue 14: `npm run nginx-config` with several portals: one server block per enabled portal (its
 * domains, its own live release, its on-demand routes through the public server with the Host
 * kept) and a default server answering any other host with the Vietnamese unknown-host page;
 * without a registry, or with a single portal in it, the output is today's. Checked with `nginx -t`
 * and against Debian's nginx in front of the public server.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { portalRoot, writePortalRegistry, type PortalInfo } from '../../content-types/src/portals';
import { nginxPortals } from '../../scripts/nginx/config';
import { NGINX_BINARY, nginxAvailable, startNginx, type RunningNginx } from '../../scripts/nginx/run';
import { SECURITY_HEADERS } from '../../scripts/public/headers';
import { createPublicServer } from '../../scripts/public/server';
import { UNKNOWN_HOST_CSP } from '../../scripts/public/unknown-host';
import { activate } from '../../scripts/publisher/releases';
import { freePort, listen } from '../helpers/net';
import { makeRelease, rawRequest } from '../helpers/releases';
import { rootDir } from '../helpers/site-build';

const available = nginxAvailable();
if (!available.nginx && process.env.CI) throw new Error('nginx is missing: .ci/run installs Debian\'s nginx');

const PRIMARY: PortalInfo = { code: 'lam-giang', name: 'Ủy ban nhân dân tỉnh Lâm Giang', level: 'Tỉnh, thành phố', parent: null, domains: ['lamgiang.gov.vn'], enabled: true, primary: true };
const TAN_HOA: PortalInfo = { code: 'xa-tan-hoa', name: 'Ủy ban nhân dân xã Tân Hòa', level: 'Xã, phường, đặc khu', parent: 'lam-giang', domains: ['tanhoa.lamgiang.gov.vn', 'xa-tan-hoa.localhost'], enabled: true, primary: false };
const DONG_SON: PortalInfo = { code: 'xa-dong-son', name: 'Ủy ban nhân dân xã Đông Sơn', level: 'Xã, phường, đặc khu', parent: 'lam-giang', domains: ['dongson.lamgiang.gov.vn'], enabled: false, primary: false };

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** `npm run nginx-config` with RELEASES_DIR = `releasesDir`. */
function generate(releasesDir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts', 'nginx-config.ts'), ...args], {
    cwd: rootDir,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, RELEASES_DIR: releasesDir, SITE_HOST: '127.0.0.1', SITE_PORT: '4321', SITE_URL: 'https://cong.lamgiang.gov.vn' },
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** `nginx -t` on a site configuration inside a minimal main configuration. */
function nginxTest(site: string): { status: number | null; output: string } {
  const prefix = tempDir('cong-nginx-t-');
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(prefix, dir));
  writeFileSync(path.join(prefix, 'cong.conf'), site);
  const brotli = available.brotli ? 'load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\n' : '';
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `${brotli}pid ${prefix}/nginx.pid;\nerror_log ${prefix}/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  client_body_temp_path ${prefix}/body;\n  proxy_temp_path ${prefix}/proxy;\n  fastcgi_temp_path ${prefix}/fastcgi;\n  uwsgi_temp_path ${prefix}/uwsgi;\n  scgi_temp_path ${prefix}/scgi;\n  include ${prefix}/cong.conf;\n}\n`,
  );
  const run = spawnSync(NGINX_BINARY, ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const serverNames = (config: string) => [...config.matchAll(/^\s*server_name ([^;]+);/gm)].map((m) => m[1]);
const roots = (config: string) => [...config.matchAll(/^\s*root ([^;]+);/gm)].map((m) => m[1]);

describe('npm run nginx-config with several portals', () => {
  test('without a registry, or with a single portal in it, writes what it wrote before portals', () => {
    const releases = tempDir('cong-nginx-portals-');
    const before = generate(releases, '--server-name', 'lamgiang.gov.vn');
    expect(serverNames(before)).toEqual(['lamgiang.gov.vn']);
    expect(roots(before)).toEqual([`${releases}/current/client`]);
    expect(before).not.toContain('default_server');
    writePortalRegistry(releases, { portals: [PRIMARY] });
    expect(generate(releases, '--server-name', 'lamgiang.gov.vn')).toBe(before);
  }, 60_000);

  test('with only the primary portal left enabled, a disabled portal\'s host names go to the unknown-host server, not to the primary', () => {
    const releases = tempDir('cong-nginx-portals-');
    writePortalRegistry(releases, { portals: [PRIMARY, DONG_SON] });
    const config = generate(releases, '--server-name', 'lamgiang.gov.vn');
    expect(serverNames(config)).toEqual(['lamgiang.gov.vn cong.lamgiang.gov.vn', '_']);
    expect(roots(config)).toEqual([`${releases}/current/client`]);
    expect(config).not.toContain('dongson');
    expect(config).toMatch(/listen 80 default_server;/);
    expect(config).toContain('Không tìm thấy cổng thông tin');
    if (available.nginx) {
      const checked = nginxTest(config);
      expect(checked.status, checked.output).toBe(0);
    }
    // None enabled: refused, naming what to do.
    writePortalRegistry(releases, { portals: [{ ...PRIMARY, enabled: false }, DONG_SON] });
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts', 'nginx-config.ts')], { cwd: rootDir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, RELEASES_DIR: releases } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('has no enabled portal: enable one in the CMS');
  }, 60_000);

  test('writes one server block per enabled portal and a default server for any other host, valid for nginx -t', () => {
    const releases = tempDir('cong-nginx-portals-');
    writePortalRegistry(releases, { portals: [PRIMARY, TAN_HOA, DONG_SON] });
    const config = generate(releases);
    // The primary portal also answers --server-name (localhost by default) and SITE_URL's host.
    expect(serverNames(config)).toEqual(['lamgiang.gov.vn localhost cong.lamgiang.gov.vn', 'tanhoa.lamgiang.gov.vn xa-tan-hoa.localhost', '_']);
    expect(roots(config)).toEqual([`${releases}/current/client`, `${portalRoot(releases, TAN_HOA)}/current/client`]);
    expect(config).not.toContain('dongson');
    expect(config).toMatch(/listen 80 default_server;/);
    expect(config).toContain('return 404 "<!doctype html><html lang=\'vi\'>');
    expect(config).toContain('Không tìm thấy cổng thông tin');
    if (available.nginx) {
      const checked = nginxTest(config);
      expect(checked.status, checked.output).toBe(0);
      expect(checked.output).toMatch(/test is successful/);
    }
    // With TLS: every portal over https, plain http redirecting, unknown hosts answered on both.
    const certificate = path.join(releases, 'cert.pem');
    const key = path.join(releases, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=lamgiang.gov.vn', '-days', '1', '-keyout', key, '-out', certificate], { stdio: 'ignore' });
    const tls = generate(releases, '--tls-cert', certificate, '--tls-key', key);
    expect(serverNames(tls)).toEqual(['lamgiang.gov.vn localhost cong.lamgiang.gov.vn tanhoa.lamgiang.gov.vn xa-tan-hoa.localhost', 'lamgiang.gov.vn localhost cong.lamgiang.gov.vn', 'tanhoa.lamgiang.gov.vn xa-tan-hoa.localhost', '_', '_']);
    expect(tls).toMatch(/listen 443 ssl default_server;/);
    expect(tls).toMatch(/listen 80 default_server;/);
    if (available.nginx) {
      const checked = nginxTest(tls);
      expect(checked.status, checked.output).toBe(0);
    }
  }, 60_000);

  test('refuses a portal without a domain, naming it and what to do', () => {
    expect(nginxPortals('/srv/releases', { portals: [PRIMARY, { ...TAN_HOA, domains: [] }] }, [])).toEqual([
      { code: 'lam-giang', serverNames: ['lamgiang.gov.vn'], releasesDir: '/srv/releases' },
      { code: 'xa-tan-hoa', serverNames: [], releasesDir: '/srv/releases/portals/xa-tan-hoa' },
    ]);
    const releases = tempDir('cong-nginx-portals-');
    writePortalRegistry(releases, { portals: [PRIMARY, { ...TAN_HOA, domains: [] }] });
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts', 'nginx-config.ts')], { cwd: rootDir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, RELEASES_DIR: releases } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/portal xa-tan-hoa has no domain: give it one in the CMS/);
  }, 60_000);
});

describe.skipIf(!available.nginx)('nginx in front of the public server, by host name', () => {
  let root: string;
  let server: ReturnType<typeof createPublicServer>;
  let nginx: RunningNginx;
  let port: number;

  beforeAll(async () => {
    root = tempDir('cong-nginx-portals-live-');
    activate(root, await makeRelease(root, 'Lâm Giang', 1));
    const commune = portalRoot(root, TAN_HOA);
    mkdirSync(commune, { recursive: true });
    activate(commune, await makeRelease(commune, 'Tân Hòa', 2));
    writePortalRegistry(root, { portals: [PRIMARY, TAN_HOA, DONG_SON] });
    server = createPublicServer(root, { graceMs: 200, trustedProxies: ['127.0.0.1'] });
    const upstream = (await listen(server)).replace('http://', '');
    port = await freePort();
    nginx = await startNginx({ port, releasesDir: root, upstream, portals: nginxPortals(root, { portals: [PRIMARY, TAN_HOA, DONG_SON] }, ['localhost']) });
  }, 30_000);

  afterAll(async () => {
    await nginx?.stop();
    await new Promise((r) => server?.close(r));
  });

  test('serves each portal\'s pages from its own release, and its on-demand routes through the public server', async () => {
    const title = async (host: string, target = '/') => /<title>([^<]*)<\/title>/.exec((await rawRequest(port, target, { host })).body.toString())?.[1];
    expect(await title('lamgiang.gov.vn')).toBe('Lâm Giang');
    expect(await title('localhost')).toBe('Lâm Giang');
    expect(await title('tanhoa.lamgiang.gov.vn')).toBe('Tân Hòa');
    expect(await title(`xa-tan-hoa.localhost:${port}`)).toBe('Tân Hòa');
    expect((await rawRequest(port, '/tin-tuc/bai-a/', { host: 'tanhoa.lamgiang.gov.vn' })).body.toString()).toContain('Bài A (Tân Hòa)');
    // The public server is reached with the Host kept: it answers with the commune's worker.
    const health = await rawRequest(port, '/api/health/', { host: 'tanhoa.lamgiang.gov.vn' });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString())).toMatchObject({ label: 'Tân Hòa', client: '127.0.0.1' });
    expect(JSON.parse((await rawRequest(port, '/api/health/', { host: 'lamgiang.gov.vn' })).body.toString()).label).toBe('Lâm Giang');
  });

  test('answers an unknown host, and a disabled portal\'s, with the Vietnamese page, 404, never cached', async () => {
    for (const host of ['khong-ton-tai.gov.vn', 'dongson.lamgiang.gov.vn', '127.0.0.2']) {
      for (const target of ['/', '/tin-tuc/bai-a/', '/api/health/']) {
        const res = await rawRequest(port, target, { host });
        expect(res.status, `${host}${target}`).toBe(404);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['cache-control']).toBe('no-store');
        for (const [name, value] of Object.entries({ ...SECURITY_HEADERS, 'content-security-policy': UNKNOWN_HOST_CSP })) expect(res.headers[name], name).toBe(value);
        expect(res.body.toString()).toContain('<h1>Không tìm thấy cổng thông tin</h1>');
        expect(res.body.toString()).not.toContain('Lâm Giang');
      }
    }
  });
});

/**
 * The nginx configuration for production: nginx serves the live release's files straight from
 * disk (with the .br/.gz files written at build time) and passes only what is not a file — the
 * on-demand routes, and unknown addresses for the 404 page — to the public server on loopback.
 * The `current` link is followed on every open (no open_file_cache), so a release switch is seen
 * by the next request, without a reload.
 *
 * Headers: nginx adds the security headers of scripts/public/headers.ts (one source for both
 * servers) to the answers it makes itself, and none to the public server's answers, which carry
 * their own (the draft preview sets its own frame-ancestors). nginx's add_header is inherited
 * from the server block only by a location that has no add_header of its own, so the headers
 * are written into each location that sends files, and the server blocks have none. With TLS,
 * HSTS is added everywhere on the https server, the public server's answers included. nginx's own
 * error answers (a bad request, a body over the limit, the public server down or too slow, a
 * missing asset) go through error_page to one internal location that adds them too, with a short
 * Vietnamese text.
 *
 * Several portals (issue 14): with `portals` (the enabled ones when RELEASES_DIR/portals.json lists two or more),
 * one server block per portal (its host names as server_name, its own live release as root, its
 * on-demand routes passed to the same public server with the Host kept, which picks the portal),
 * and a default server that answers any other host with the standalone Vietnamese page of
 * scripts/public/unknown-host.ts (status 404, never cached).
 */
import { isAbsolute } from 'node:path';
import { portalRoot, type PortalRegistry } from '../../content-types/src/portals.ts';
import { SECURITY_HEADERS, SVG_CSP } from '../public/headers.ts';
import { UNKNOWN_HOST_CSP, unknownHostPage } from '../public/unknown-host.ts';

export interface NginxTlsOptions {
  /** Absolute path of the certificate chain (e.g. /etc/letsencrypt/live/NAME/fullchain.pem). */
  certificate: string;
  /** Absolute path of its private key. */
  key: string;
  /** listen directive of the https server, e.g. "443" or "127.0.0.1:8443". */
  listen: string;
}

export interface NginxSiteOptions {
  /** server_name, e.g. "xatanhoa.gov.vn www.xatanhoa.gov.vn". */
  serverName: string;
  /** listen directive of the plain http server, e.g. "80" or "127.0.0.1:8080" (with TLS: only redirects). */
  listen: string;
  /** Absolute path of the publisher's releases folder (RELEASES_DIR). */
  releasesDir: string;
  /** The public server (SITE_HOST:SITE_PORT). */
  upstream: string;
  /** Emit `brotli_static on` (Debian: libnginx-mod-http-brotli-static). */
  brotli: boolean;
  /** Serve https with this certificate; plain http then redirects to it. */
  tls?: NginxTlsOptions;
  /**
   * limit_req on the on-demand routes, per client address: requests per second and the burst
   * answered at once above it (429 beyond). Default DEFAULT_ONDEMAND_LIMIT; null only for the
   * benchmark, which measures the routes from one address.
   */
  onDemandLimit?: { rate: number; burst: number } | null;
  /**
   * Several portals: one server block each (`serverName` and `releasesDir` above are then not
   * used) and a default server for unknown hosts. Null or absent: one site, as before portals.
   */
  portals?: NginxPortal[] | null;
}

/** One portal's server block. */
export interface NginxPortal {
  code: string;
  /** Its host names (server_name), the main one first. */
  serverNames: string[];
  /** The folder holding its `current` release (content-types/src/portals.ts `portalRoot`). */
  releasesDir: string;
}

/**
 * The enabled portals' server blocks from the publisher's copy of the registry, or null to write
 * one site as before (no registry, or a single portal in it). With two or more portals, enabled
 * or not, there are blocks even when one is enabled: a disabled portal's host names go to the
 * unknown-host page, not to the primary portal. The primary portal also answers
 * `primaryNames` (the --server-name given and SITE_URL's host), as the public server does.
 */
export function nginxPortals(releasesDir: string, registry: PortalRegistry | null, primaryNames: string[]): NginxPortal[] | null {
  if (!registry || registry.portals.length < 2) return null;
  return registry.portals.filter((p) => p.enabled).map((p) => ({
    code: p.code,
    serverNames: [...new Set([...p.domains, ...(p.primary ? primaryNames : [])])],
    releasesDir: portalRoot(releasesDir, p),
  }));
}

export const DEFAULT_ONDEMAND_LIMIT = { rate: 10, burst: 20 };

/** Time a client has to send its request headers, and between two reads of its body. */
const CLIENT_TIMEOUT = '10s';
const HTML_CACHE = 'public, max-age=0, must-revalidate';
const HSTS = 'max-age=31536000; includeSubDomains';
/** Mozilla's "intermediate" ciphers for TLS 1.2 without DHE (which needs a dhparam file); TLS 1.3's are OpenSSL's. */
const TLS12_CIPHERS = 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305';
const BUSY_TEXT = 'Quá nhiều yêu cầu từ địa chỉ của bạn, vui lòng thử lại sau giây lát.';
/** Largest request body in KB, checked against Content-Length before reading and as a chunked body arrives. */
const MAX_BODY_KB = 64;
/** The internal location of nginx's own error answers (an exact URI: a named location cannot answer a request whose line was never parsed). */
const ERROR_URI = '/.cong-error';
/** nginx's own error answers, by status (494: headers too large, 497: plain http to the https port; both sent as 400). */
const ERROR_TEXTS: Array<[number, string]> = [
  [400, 'Yêu cầu không hợp lệ.'],
  [403, 'Không được phép truy cập địa chỉ này.'],
  [404, 'Không tìm thấy nội dung này.'],
  [405, 'Địa chỉ này không nhận phương thức yêu cầu đó.'],
  [413, `Nội dung gửi lên quá lớn (tối đa ${MAX_BODY_KB} KB).`],
  [414, 'Địa chỉ yêu cầu quá dài.'],
  [494, 'Phần đầu của yêu cầu quá lớn.'],
  [497, 'Yêu cầu không hợp lệ: cổng này chỉ nhận https.'],
  [500, 'Máy chủ gặp lỗi, vui lòng thử lại sau.'],
  [502, 'Cổng thông tin tạm thời không trả lời được, vui lòng thử lại sau ít phút.'],
  [503, 'Cổng thông tin tạm thời không trả lời được, vui lòng thử lại sau ít phút.'],
  [504, 'Cổng thông tin tạm thời không trả lời được, vui lòng thử lại sau ít phút.'],
];
const ERROR_DEFAULT_TEXT = 'Không thể xử lý yêu cầu này.';

/** One group of an IPv6 address as nginx writes it in $remote_addr (lowercase, no leading zeros). */
const H = '[0-9a-f]{1,4}';
/**
 * The limit_req key of a client: an IPv4 address as itself, an IPv6 address by its /64 (one
 * subscriber's network: a reader there has 2^64 addresses to pick from). $remote_addr is the
 * compressed text form, whose "::" (the longest run of two or more zero groups, the first of equal
 * ones) may fall inside the first four groups, so each place it can be in gets its pattern and the
 * key is the four groups written out. Checked in this order; an address with a dotted IPv4 tail
 * (::ffff:a.b.c.d) matches none and keeps its own address.
 */
const IPV6_PREFIX_KEYS: Array<[string, string]> = [
  [`^(${H}:${H}:${H}:${H}):`, '$1'],
  [`^(${H}:${H}:${H})::`, '$1:0'],
  [`^(${H}:${H})::`, '$1:0:0'],
  [`^(${H})::(${H}):${H}:${H}:${H}:${H}$`, '$1:0:0:$2'],
  [`^(${H})::`, '$1:0:0:0'],
  [`^::(${H}):(${H}):${H}:${H}:${H}:${H}$`, '0:0:$1:$2'],
  [`^::(${H}):${H}:${H}:${H}:${H}$`, '0:0:0:$1'],
  [`^::(${H}(:${H}){0,3})?$`, '0:0:0:0'],
];

/** "x-content-type-options" → "X-Content-Type-Options". */
const headerName = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash}${c.toUpperCase()}`);

/** An add_header value must not end nginx's quoted string nor read as a variable. */
function quoted(value: string): string {
  if (/["\\$\n]/.test(value)) throw new Error(`nginx config: the header value ${JSON.stringify(value)} cannot be written into nginx's add_header as it is`);
  return `"${value}"`;
}

const addHeaders = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => `add_header ${headerName(name)} ${quoted(value)} always;`);

/** Refuses what would break the configuration or inject directives into it, naming the option. */
function check(options: NginxSiteOptions): void {
  const plain = (option: string, value: string, example: string) => {
    if (!value.trim() || /[;{}"'\\$#\n]/.test(value)) throw new Error(`${option} must be ${example}, without ; { } quotes $ # or line breaks (got ${JSON.stringify(value)})`);
  };
  plain('--server-name', options.serverName, 'one or more host names separated by spaces, e.g. "xatanhoa.gov.vn www.xatanhoa.gov.vn"');
  if (options.portals?.length === 0) throw new Error('RELEASES_DIR/portals.json has no enabled portal: enable one in the CMS (Cổng → Đang hoạt động), then run the publisher so that it is rewritten');
  for (const portal of options.portals ?? []) {
    if (portal.serverNames.length === 0) throw new Error(`portal ${portal.code} has no domain: give it one in the CMS (Cổng → Tên miền), or disable it, then run the publisher so that RELEASES_DIR/portals.json is rewritten`);
    plain(`the domains of portal ${portal.code}`, portal.serverNames.join(' '), 'host names');
    plain(`the releases folder of portal ${portal.code}`, portal.releasesDir, 'an absolute path');
  }
  plain('--listen', options.listen, 'a port or address:port, e.g. 80');
  plain('RELEASES_DIR', options.releasesDir, 'an absolute path');
  plain('SITE_HOST/SITE_PORT', options.upstream, 'host:port');
  if (options.tls) {
    for (const [option, file] of [['--tls-cert', options.tls.certificate], ['--tls-key', options.tls.key]] as const) {
      if (!isAbsolute(file) || /\s/.test(file)) throw new Error(`${option} must be an absolute path without spaces (got ${JSON.stringify(file)}), e.g. /etc/letsencrypt/live/${options.serverName.split(' ')[0]}/${option === '--tls-cert' ? 'fullchain' : 'privkey'}.pem`);
      plain(option, file, 'an absolute path');
    }
    plain('--tls-listen', options.tls.listen, 'a port or address:port, e.g. 443');
  }
  const limit = options.onDemandLimit;
  if (limit && !(Number.isInteger(limit.rate) && limit.rate >= 1)) throw new Error(`--limit-rate must be a whole number of requests per second, at least 1 (got ${limit.rate})`);
  if (limit && !(Number.isInteger(limit.burst) && limit.burst >= 0)) throw new Error(`--limit-burst must be a whole number of requests, 0 or more (got ${limit.burst})`);
}

/**
 * The TRUSTED_PROXY the public server needs behind this nginx: every address nginx may connect to
 * it from, or null when that depends on the network. "localhost" is both 127.0.0.1 and ::1 on
 * most systems, and nginx then uses both; any 127.x address is reached from 127.0.0.1.
 */
function trustedProxyFor(upstream: string): string | null {
  const host = upstream.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (host === '::1') return '::1';
  if (host === 'localhost') return '127.0.0.1,::1';
  if (host.startsWith('127.')) return '127.0.0.1';
  return null;
}

/** The port a listen directive ("443", "127.0.0.1:8443", "[::]:443 ssl") listens on. */
const listenPort = (listen: string) => Number(/(?:^|:)(\d+)(?:\s|$)/.exec(listen)?.[1] ?? 443);

/** The `limit_req_zone`, `upstream` and `server` blocks, to include in nginx's `http` context. */
export function nginxSiteConfig(options: NginxSiteOptions): string {
  check(options);
  const limit = options.onDemandLimit === undefined ? DEFAULT_ONDEMAND_LIMIT : options.onDemandLimit;
  const tls = options.tls;
  const hsts: Record<string, string> = tls ? { 'strict-transport-security': HSTS } : {};
  const indent = (lines: string[], by: string) => lines.map((l) => `${by}${l}`).join('\n');
  /** For the locations whose answers nginx makes itself. */
  const own = indent(addHeaders({ ...SECURITY_HEADERS, ...hsts }), '        ');
  const svgHeaders = indent(addHeaders({ ...SECURITY_HEADERS, 'content-security-policy': `${SVG_CSP}; frame-ancestors 'none'`, ...hsts }), '        ');
  const errorHeaders = indent(addHeaders({ 'cache-control': 'no-store', ...SECURITY_HEADERS, ...hsts }), '        ');
  const compression = ['gzip_static on;', ...(options.brotli ? ['brotli_static on;'] : [])];
  const trusted = trustedProxyFor(options.upstream);
  const tlsPort = tls ? listenPort(tls.listen) : 443;

  const site = (serverName: string, releasesDir: string) => `    server_name ${serverName};

    root ${releasesDir}/current/client;
    index index.html;
    charset utf-8;
    absolute_redirect off;
    server_tokens off;
    disable_symlinks off;
    # No open_file_cache: "current" must be followed on every request to see a release switch.
    client_header_timeout ${CLIENT_TIMEOUT};
    client_body_timeout ${CLIENT_TIMEOUT};
    # Here, not in @public: nginx compares a declared Content-Length with the limit of the location
    # the request first matches (location /), before try_files passes it on.
    client_max_body_size ${MAX_BODY_KB}k;

    # nginx's own errors: a short text with the security headers (see ${ERROR_URI} below). Only at
    # this level, so that every location inherits them.
    error_page ${ERROR_TEXTS.map(([code]) => code).join(' ')} ${ERROR_URI};${limit ? '\n    error_page 429 @busy;' : ''}

    ${compression.join('\n    ')}
    gzip_vary on;
    # No add_header at this level: each location sets its own (see the top of this file).

    # Hashed build assets never change.
    location /_astro/ {
        ${compression.join('\n        ')}
        add_header Cache-Control "public, max-age=31536000, immutable" always;
${own}
        try_files $uri =404;
    }

    # SVG files (an editor's upload, the favicon) are documents that could run scripts: sandboxed.
    location ~* \\.svg$ {
        expires 1h;
${svgHeaders}
        try_files $uri @public;
    }

    # The search index's delta after fast publishes: rewritten by each one, revalidated on every visit.
    location /pagefind-delta/ {
        add_header Cache-Control "${HTML_CACHE}" always;
${own}
        try_files $uri @public;
    }

    # Pages, feeds and the sitemap are revalidated on every visit.
    location ~ \\.(html|xml|txt)$ {
        ${compression.join('\n        ')}
        add_header Cache-Control "${HTML_CACHE}" always;
${own}
        try_files $uri @public;
    }

    location / {
        expires 1h;
${own}
        try_files $uri $uri/ @public;
    }

    # On-demand routes (ratings, comments, statistics, preview, health) and unknown addresses.
    # The public server sets the security headers of its answers itself: none added here${tls ? ' but HSTS' : ''}.
    location @public {
${tls ? `        add_header Strict-Transport-Security "${HSTS}" always;\n` : ''}${
    limit
      ? `        limit_req zone=cong_ondemand burst=${limit.burst} nodelay;
        limit_req_status 429;
`
      : ''
  }        proxy_pass http://cong_public;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $http_host;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_read_timeout 60s;
    }

    # nginx's own error answers, with the status of the error ("error_page" without "=" keeps it,
    # whatever "return" says) and the text of $cong_error_text.
    location = ${ERROR_URI} {
        internal;
        default_type text/plain;
${errorHeaders}
        return 200 "$cong_error_text\\n";
    }
${
  limit
    ? `
    # An address over the on-demand limit.
    location @busy {
        default_type text/plain;
        add_header Retry-After 1 always;
        add_header Cache-Control "no-store" always;
${own}
        return 429 "${BUSY_TEXT}\\n";
    }
`
    : ''
}}
`;
  const portals = options.portals ?? null;
  /** Any other host: the unknown-host page (nginx answers it itself). */
  const unknownHost = (listen: string, https: boolean) => `# A host no enabled portal answers: the page of scripts/public/unknown-host.ts, 404, never cached.
server {
    listen ${listen} default_server;
    server_name _;
    server_tokens off;
    charset utf-8;
    location / {
        default_type text/html;
${indent(addHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex', ...SECURITY_HEADERS, 'content-security-policy': UNKNOWN_HOST_CSP, ...(https ? hsts : {}) }), '        ')}
        return 404 ${quoted(unknownHostPage())};
    }
}
`;

  const header = `# Cổng public portal — generated by \`npm run nginx-config\`; include it in nginx's http { } block.
${
    portals
      ? `# ${portals.length} portal${portals.length === 1 ? '' : 's'}, each served from <its releases folder>/current/client by its host names;
# any other host gets the "Không tìm thấy cổng thông tin" page. The public server (${options.upstream})
# answers the on-demand routes and the 404 pages, picking the portal by the Host kept below.
# Run \`npm run nginx-config\` again (and reload nginx) when a portal is added, disabled or renamed.`
      : `# nginx serves ${options.releasesDir}/current/client; the public server (${options.upstream})
# answers the on-demand routes and the 404 page.`
  } Files are pre-compressed at build time.
#
${
    trusted
      ? `# Run the public server with
#   TRUSTED_PROXY=${trusted}
# (${trusted.includes(',') ? 'nginx connects to it from either address' : 'the address nginx connects to it from'}): it then takes each reader's address from the
# X-Real-IP set below.`
      : `# Run the public server with TRUSTED_PROXY set to this nginx machine's address as the public server
# sees it: it then takes each reader's address from the X-Real-IP set below.`
  }
# Without it, every reader has nginx's address and shares one allowance of the per-address limits
# (votes, comments, captchas, statistics).
${tls ? `#\n# https with the certificate ${tls.certificate};\n# plain http redirects to it. HSTS tells browsers to use https only for a year, subdomains\n# included: serve every subdomain over https before deploying this.\n` : ''}`;

  const zone = limit
    ? `# On-demand routes: ${limit.rate} requests per second per client, bursts of ${limit.burst} answered at once, 429 beyond.
# A client is an IPv4 address, or an IPv6 /64 (one subscriber's network): the key of an IPv6
# address is its first four groups, written out from the compressed form nginx gives.
map $remote_addr $cong_limit_key {
    default $binary_remote_addr;
${IPV6_PREFIX_KEYS.map(([pattern, key]) => `    "~${pattern}" ${key};`).join('\n')}
}
limit_req_zone $cong_limit_key zone=cong_ondemand:10m rate=${limit.rate}r/s;

`
    : '';
  const errorTexts = `# The text of nginx's own error answers (location = ${ERROR_URI}), by status.
map $status $cong_error_text {
    default "${ERROR_DEFAULT_TEXT}";
${ERROR_TEXTS.map(([code, text]) => `    ${code} "${text}";`).join('\n')}
}

`;

  const upstream = `upstream cong_public {
    server ${options.upstream};
    keepalive 32;
}

`;

  if (!tls) {
    if (portals) {
      return `${header}
${zone}${errorTexts}${upstream}${portals.map((p) => `# Portal ${p.code}.
server {
    listen ${options.listen};
${site(p.serverNames.join(' '), p.releasesDir)}`).join('\n')}
${unknownHost(options.listen, false)}`;
    }
    return `${header}
${zone}${errorTexts}${upstream}server {
    listen ${options.listen};
${site(options.serverName, options.releasesDir)}`;
  }
  const tlsServer = (serverName: string, releasesDir: string) => `server {
    # nginx 1.25.1+ prefers "http2 on;" to the listen parameter (still accepted, with a warning).
    listen ${tls.listen} ssl http2;
    ssl_certificate ${tls.certificate};
    ssl_certificate_key ${tls.key};
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers ${TLS12_CIPHERS};
    ssl_prefer_server_ciphers off;
    ssl_session_cache shared:cong_tls:10m;
    ssl_session_timeout 1d;
    ssl_session_tickets off;
${site(serverName, releasesDir)}`;
  const allNames = portals ? portals.flatMap((p) => p.serverNames).join(' ') : options.serverName;

  return `${header}
${zone}${errorTexts}${upstream}# Plain http only redirects to https, on the host the reader asked for (in a location, so that
# an exact location added for certificate renewal, e.g. /.well-known/acme-challenge/, comes first).
server {
    listen ${options.listen};
    server_name ${allNames};
    server_tokens off;
${indent(addHeaders(SECURITY_HEADERS), '    ')}

    location / {
        return 301 https://$host${tlsPort === 443 ? '' : `:${tlsPort}`}$request_uri;
    }
}

${
  portals
    ? `${portals.map((p) => `# Portal ${p.code} (one certificate for every portal: a wildcard or one listing all their names).
${tlsServer(p.serverNames.join(' '), p.releasesDir)}`).join('\n')}
${unknownHost(options.listen, false)}
${unknownHost(`${tls.listen} ssl`, true).replace('    server_tokens off;', `    server_tokens off;\n    ssl_certificate ${tls.certificate};\n    ssl_certificate_key ${tls.key};`)}`
    : tlsServer(options.serverName, options.releasesDir)
}`;
}

/** The example shipped in deploy/nginx/cong.conf. */
export const EXAMPLE_OPTIONS: NginxSiteOptions = {
  serverName: 'cong.example.gov.vn',
  listen: '80',
  releasesDir: '/srv/cong/releases',
  upstream: '127.0.0.1:4321',
  brotli: true,
};

/**
 * `npm run nginx-config -- [--server-name NAME] [--listen 80] [--no-brotli]
 *   [--tls-cert PATH --tls-key PATH [--tls-listen 443]] [--limit-rate 10] [--limit-burst 20]`:
 * prints the nginx configuration for this installation (RELEASES_DIR, SITE_HOST, SITE_PORT from
 * the environment). With a certificate, the site is served over https and plain http redirects.
 *
 * Several portals: when RELEASES_DIR/portals.json (the publisher's copy of the registry) lists two
 * or more portals (enabled or not), one server block per enabled portal (its domains; the primary portal also
 * answers --server-name and SITE_URL's host) and a default server answering any other host with
 * the "Không tìm thấy cổng thông tin" page. Without it, one site as before.
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import './lib/load-env.ts';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { rootDir } from './lib/cms.ts';
import { readPortalRegistry } from '../content-types/src/portals.ts';
import { DEFAULT_ONDEMAND_LIMIT, nginxPortals, nginxSiteConfig } from './nginx/config.ts';
import { parseReleasesEnvironment, parseSiteAddress } from './publisher/config.ts';

try {
  const { values } = parseArgs({
    options: {
      'server-name': { type: 'string', default: 'localhost' },
      listen: { type: 'string', default: '80' },
      'no-brotli': { type: 'boolean', default: false },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-listen': { type: 'string', default: '443' },
      'limit-rate': { type: 'string', default: String(DEFAULT_ONDEMAND_LIMIT.rate) },
      'limit-burst': { type: 'string', default: String(DEFAULT_ONDEMAND_LIMIT.burst) },
    },
  });
  const cert = values['tls-cert'];
  const key = values['tls-key'];
  if ((cert === undefined) !== (key === undefined)) {
    throw new Error(`--tls-cert and --tls-key go together: give ${cert === undefined ? '--tls-cert (the certificate chain, e.g. /etc/letsencrypt/live/NAME/fullchain.pem)' : '--tls-key (its private key, e.g. /etc/letsencrypt/live/NAME/privkey.pem)'} too, or neither for plain http`);
  }
  // Only what the file names: where the releases are and where the public server listens.
  const { releasesDir } = parseReleasesEnvironment(process.env, rootDir);
  const env = parseSiteAddress(process.env);
  // A public server listening on every address is reached on loopback; nginx reads an IPv6 address in brackets.
  const host = env.SITE_HOST === '0.0.0.0' ? '127.0.0.1' : env.SITE_HOST === '::' ? '::1' : env.SITE_HOST;
  if (process.env.SITE_URL && !URL.canParse(process.env.SITE_URL)) throw new Error(`SITE_URL must be the public URL of the portal, e.g. https://xatanhoa.gov.vn (got ${JSON.stringify(process.env.SITE_URL)})`);
  const siteUrlHost = process.env.SITE_URL ? new URL(process.env.SITE_URL).hostname : undefined;
  const primaryNames = [...values['server-name']!.split(/\s+/).filter(Boolean), ...(siteUrlHost && !siteUrlHost.startsWith('[') ? [siteUrlHost] : [])];
  const portals = nginxPortals(releasesDir, readPortalRegistry(releasesDir), primaryNames);
  process.stdout.write(
    nginxSiteConfig({
      serverName: values['server-name']!,
      listen: values.listen!,
      releasesDir,
      upstream: `${isIP(host) === 6 ? `[${host}]` : host}:${env.SITE_PORT}`,
      brotli: !values['no-brotli'],
      ...(cert && key ? { tls: { certificate: cert, key, listen: values['tls-listen']! } } : {}),
      onDemandLimit: { rate: Number(values['limit-rate']), burst: Number(values['limit-burst']) },
      portals,
    }),
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

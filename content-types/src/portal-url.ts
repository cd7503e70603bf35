/**
 * A portal's public address (issue 14): `<SITE_URL's scheme>://<its first domain>[:<SITE_URL's
 * port>]/`, so one install's portals share a scheme and, on a demo machine, a port. Shared by the
 * CMS (links to a commune's article from its province), the publisher and the public server.
 */
import { parseDomains } from './portals';

/** The public URL (with a trailing slash) of a portal whose domains are `domains`, or null when it has none. */
export function portalSiteUrl(domains: string | readonly string[] | null | undefined, siteUrl: string): string | null {
  const [first] = typeof domains === 'string' || domains == null ? parseDomains(domains as string | null | undefined) : domains;
  if (!first) return null;
  const base = new URL(siteUrl);
  const host = first.includes(':') ? first : `${first}${base.port ? `:${base.port}` : ''}`;
  return `${base.protocol}//${host}/`;
}

/**
 * The cross-site request check of the on-demand routes (used by src/middleware.ts). Astro's own
 * check (security.checkOrigin) compares the Origin with the URL it rebuilds from
 * `security.allowedDomains`, which a portal installed under any name cannot know at build time;
 * this one compares the Origin a browser sends with the Host it addressed (nginx passes it
 * through). A browser always sends Origin on a cross-site POST; clients without one (curl,
 * monitoring) are not browsers a page could misuse.
 */

/** Methods that change nothing: never refused. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when a request that may change something comes from another site. */
export function isCrossSite(method: string, headers: Headers): boolean {
  if (SAFE.has(method)) return false;
  const origin = headers.get('origin');
  let crossSite = headers.get('sec-fetch-site') === 'cross-site';
  if (origin && origin !== 'null') {
    try {
      crossSite ||= new URL(origin).host !== headers.get('host');
    } catch {
      crossSite = true;
    }
  } else if (origin === 'null') crossSite = true;
  return crossSite;
}

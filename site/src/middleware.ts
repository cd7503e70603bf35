/**
 * Cross-site request check for the on-demand routes. Astro's own check (security.checkOrigin)
 * compares the Origin with the URL it rebuilds from `security.allowedDomains`, which a portal
 * installed under any name cannot know at build time; this one compares the Origin a browser
 * sends with the Host it addressed (nginx passes it through). A browser always sends Origin on a
 * cross-site POST; clients without one (curl, monitoring) are not browsers a page could misuse.
 */
import { defineMiddleware } from 'astro:middleware';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const onRequest = defineMiddleware((context, next) => {
  if (context.isPrerendered || SAFE.has(context.request.method)) return next();
  const { headers } = context.request;
  const origin = headers.get('origin');
  let crossSite = headers.get('sec-fetch-site') === 'cross-site';
  if (origin && origin !== 'null') {
    try {
      crossSite ||= new URL(origin).host !== headers.get('host');
    } catch {
      crossSite = true;
    }
  } else if (origin === 'null') crossSite = true;
  if (crossSite) {
    return new Response(JSON.stringify({ error: 'Yêu cầu từ trang web khác bị từ chối.' }), {
      status: 403,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  return next();
});

import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapFileKey, sitemapFiles, sitemapPages, urlsetXml, type SitemapEntry } from '../lib/sitemap';

/** /sitemap-<n>.xml: the sitemap's files once the portal has more than 50,000 addresses (none before; lib/sitemap.ts). */
export const getStaticPaths = (async () =>
  (sitemapFiles(await sitemapPages()) ?? []).map((entries, i) => ({ params: { n: String(i + 1) }, props: { entries }, cacheKey: sitemapFileKey(entries) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, props }) => new Response(urlsetXml(site!.href.replace(/\/$/, ''), (props as { entries: SitemapEntry[] }).entries), { headers: { 'content-type': 'application/xml; charset=utf-8' } });

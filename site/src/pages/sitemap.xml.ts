import type { APIRoute } from 'astro';
import { allPages, sitemapFiles, sitemapIndexXml, sitemapPages, urlsetXml } from '../lib/sitemap';

/** Every public page of the portal; past 50,000 addresses, the index of the sitemap's files (lib/sitemap.ts). */
export const GET: APIRoute = async ({ site }) => {
  const base = site!.href.replace(/\/$/, '');
  const pages = await sitemapPages();
  const files = sitemapFiles(pages);
  const xml = files ? sitemapIndexXml(base, files.length) : urlsetXml(base, allPages(pages));
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};

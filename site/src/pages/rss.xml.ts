import type { APIRoute } from 'astro';
import { getArticles, getSettings } from '../lib/content';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** RSS 2.0 feed of the 50 newest articles. */
export const GET: APIRoute = async ({ site }) => {
  const settings = await getSettings();
  const articles = (await getArticles()).slice(0, 50);
  const base = site!.href.replace(/\/$/, '');
  const items = articles
    .map(({ data: a }) => `    <item>
      <title>${escape(a.title)}</title>
      <link>${base}/tin-tuc/${a.slug}/</link>
      <guid isPermaLink="true">${base}/tin-tuc/${a.slug}/</guid>
      <pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate>
      ${a.category ? `<category>${escape(a.category.name)}</category>` : ''}
      <description>${escape(a.summary)}</description>
    </item>`)
    .join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escape(`Tin tức – ${settings.agencyName}`)}</title>
    <link>${base}/</link>
    <atom:link href="${base}/rss.xml" rel="self" type="application/rss+xml" />
    <description>${escape(`Tin tức mới nhất của ${settings.agencyName}`)}</description>
    <language>vi</language>
${items}
  </channel>
</rss>
`;
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};

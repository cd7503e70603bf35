/**
 * The sectors the question form offers, with their CMS documentIds: read by the on-demand route
 * that sends a question (server/release.ts `sectorId`), so a post can name only a sector this
 * release offers (the question token still reads sectors: Strapi links a relation only to a type the
 * token may read).
 */
import type { APIRoute } from 'astro';
import { getSectors } from '../../lib/content';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await getSectors()).map((s) => ({ slug: s.data.slug, name: s.data.name, id: s.id }))), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

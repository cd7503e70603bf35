/**
 * The compact index of every published document for the list page's combined filter and search
 * (src/lib/document-search.ts), loaded only when a reader uses them.
 */
import type { APIRoute } from 'astro';
import { getDocuments } from '../../lib/content';
import { getDocumentData } from '../../lib/document-data';
import { buildDocumentIndex } from '../../lib/documents';

export const GET: APIRoute = async () => {
  const { groups } = await getDocumentData();
  return new Response(JSON.stringify(buildDocumentIndex(await getDocuments(), groups)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

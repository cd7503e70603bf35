import type { APIRoute } from 'astro';
import { getSettings } from '../../lib/content';
import { licenceLine, publishedDatasets } from '../../lib/open-data';
import { schemaJson } from '../../lib/open-data-files';

/** /du-lieu-mo/schema.json: every dataset's fields, types and Vietnamese labels, from the model. */
export const GET: APIRoute = async ({ site }) =>
  new Response(schemaJson(await publishedDatasets(site!), licenceLine((await getSettings()).openDataLicence)), { headers: { 'content-type': 'application/json; charset=utf-8' } });

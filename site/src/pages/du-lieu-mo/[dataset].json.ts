import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetJson, datasetPaths } from '../../lib/open-data-files';

const site = new URL(import.meta.env.SITE);

export const getStaticPaths = (() => datasetPaths(site, (d, licence) => datasetJson(d, licence, site))) satisfies GetStaticPaths;

/** /du-lieu-mo/<dataset>.json */
export const GET: APIRoute = ({ props }) => new Response((props as { body: string }).body, { headers: { 'content-type': 'application/json; charset=utf-8' } });

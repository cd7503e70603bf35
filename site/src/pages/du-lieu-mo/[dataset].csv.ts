import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetCsv, datasetPaths, partsBody, type DatasetProps } from '../../lib/open-data-files';

const site = new URL(import.meta.env.SITE);

export const getStaticPaths = (() => datasetPaths('csv', site)) satisfies GetStaticPaths;

/** /du-lieu-mo/<dataset>.csv (UTF-8 with BOM, RFC 4180). */
export const GET: APIRoute = ({ props }) => new Response(partsBody(datasetCsv((props as DatasetProps).dataset)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });

import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetJson, datasetPaths, partsBody, type DatasetProps } from '../../lib/open-data-files';

const site = new URL(import.meta.env.SITE);

export const getStaticPaths = (() => datasetPaths('json', site)) satisfies GetStaticPaths;

/** /du-lieu-mo/<dataset>.json */
export const GET: APIRoute = ({ props }) => {
  const { dataset, licence } = props as DatasetProps;
  return new Response(partsBody(datasetJson(dataset, licence, site)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};

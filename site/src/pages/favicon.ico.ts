import type { APIRoute } from 'astro';
import { emblemPng, icoFromPngs } from '../lib/emblem';

/** For browsers and feed readers that ask for /favicon.ico whatever the page declares. */
export const GET: APIRoute = async () => {
  const images = await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await emblemPng(size) })));
  return new Response(new Uint8Array(icoFromPngs(images)), { headers: { 'content-type': 'image/x-icon' } });
};

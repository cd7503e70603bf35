/**
 * Astro's image endpoint (/_image) in a build, closed (see src/integrations/image-endpoint.ts):
 * every picture is made at build time, nothing is transformed at a request.
 */
import type { APIRoute } from 'astro';

export const prerender = false;

export const GET: APIRoute = () =>
  new Response('Không tìm thấy.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

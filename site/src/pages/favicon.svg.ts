import type { APIRoute } from 'astro';
import { faviconSvg } from '../lib/emblem';

export const GET: APIRoute = async () => new Response(await faviconSvg(), { headers: { 'content-type': 'image/svg+xml' } });

import type { APIRoute } from 'astro';
import { emblemSvg } from '../lib/emblem';

export const GET: APIRoute = () => new Response(emblemSvg(), { headers: { 'content-type': 'image/svg+xml' } });

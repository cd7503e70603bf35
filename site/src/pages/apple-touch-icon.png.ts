import type { APIRoute } from 'astro';
import { emblemPng } from '../lib/emblem';

/** A phone's home-screen icon: opaque (iOS fills transparency with black), 180 px. */
export const GET: APIRoute = async () => new Response(new Uint8Array(await emblemPng(180, '#c62828')), { headers: { 'content-type': 'image/png' } });

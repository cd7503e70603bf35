/**
 * On-demand health check of the public server (nginx and monitoring probe it): answers with the
 * live release's name, so an operator sees which release serves the on-demand routes.
 */
import type { APIRoute } from 'astro';

export const prerender = false;

export const GET: APIRoute = () =>
  new Response(JSON.stringify({ status: 'ok', release: process.env.CONG_RELEASE ?? null }), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

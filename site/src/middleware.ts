/**
 * Cross-site request check for the on-demand routes (the check itself: server/cross-site.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { isCrossSite } from './server/cross-site';

export const onRequest = defineMiddleware((context, next) => {
  if (context.isPrerendered || !isCrossSite(context.request.method, context.request.headers)) return next();
  return new Response(JSON.stringify({ error: 'Yêu cầu từ trang web khác bị từ chối.' }), {
    status: 403,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
});

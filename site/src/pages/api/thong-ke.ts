/**
 * Visit statistics for the sidebar of every page: POST counts this page view (one small request
 * from the page's script, so clients that do not run the page are not counted) and answers the
 * counters; GET only answers them. Visits are counted per visitor key with a 30-minute gap.
 */
import type { APIRoute } from 'astro';
import { readerStore } from '../../lib/reader/index.ts';
import { json, visitorKey } from '../../lib/reader/identity.ts';

export const prerender = false;

export const GET: APIRoute = async () => {
  try {
    return json(await readerStore().visitCounts());
  } catch (error) {
    console.error(`[thong-ke] reading the counters failed: ${(error as Error).message}`);
    return json({ error: 'Không đọc được số liệu thống kê.' }, 503);
  }
};

export const POST: APIRoute = async ({ request, cookies }) => {
  try {
    const store = readerStore();
    const visitor = visitorKey(await store.secret(), request, cookies);
    return json(await store.recordVisit(visitor));
  } catch (error) {
    console.error(`[thong-ke] counting a visit failed: ${(error as Error).message}`);
    return json({ error: 'Không ghi nhận được lượt truy cập.' }, 503);
  }
};

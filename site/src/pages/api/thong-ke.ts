/**
 * Visit statistics for the sidebar of every page: POST counts this page view (one small request
 * from the page's script, so clients that do not run the page are not counted) and answers the
 * counters; GET only answers them. Visits are counted per reader (signed cookie, or address and
 * browser) with a 30-minute gap, hashed with the key of the day; counting is limited per address
 * (STATS_LIMIT per 10 minutes): made-up cookies make no new visitors, and a client inventing
 * browsers counts at most that many.
 */
import type { APIRoute } from 'astro';
import { readerStore } from '../../server/reader-store.ts';
import { json, limitPerAddress, readerId, visitorOfDay } from '../../server/identity.ts';
import { envNumber } from '../../server/release.ts';

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
    const limit = await limitPerAddress(store, request, 'visit', envNumber('STATS_LIMIT', 300), 10 * 60 * 1000);
    if (!limit.allowed) {
      return json({ error: 'Quá nhiều lượt truy cập từ địa chỉ của bạn; lượt này không được tính.', ...(await store.visitCounts()) }, 429, { 'retry-after': String(limit.retryAfterSeconds) });
    }
    const now = Date.now();
    return json(await store.recordVisit(await visitorOfDay(store, readerId(request, cookies), now), now));
  } catch (error) {
    console.error(`[thong-ke] counting a visit failed: ${(error as Error).message}`);
    return json({ error: 'Không ghi nhận được lượt truy cập.' }, 503);
  }
};

/**
 * Article ratings (Đánh giá): GET ?bai=<slug> answers "N lượt đánh giá, trung bình X,Y"; POST
 * (bai, diem = 1..5) records one vote per reader per article. Called by the article page's
 * script (JSON), or as a plain form post without JavaScript (303 back to the article, to a
 * message shown by its anchor). One vote per reader (signed cookie, or address and browser when
 * there is no valid one); votes per address are limited (RATING_LIMIT per hour, and
 * RATING_PER_ADDRESS per article a day, whatever cookies or browsers it shows).
 */
import type { APIRoute } from 'astro';
import { formatDecimal, formatNumber } from '../../lib/format.ts';
import { readerStore } from '../../server/reader-store.ts';
import { json, limitPerAddress, readerId } from '../../server/identity.ts';
import { articleExists, envNumber } from '../../server/release.ts';

export const prerender = false;

function summary(count: number, sum: number) {
  const average = count === 0 ? 0 : Math.round((sum / count) * 10) / 10;
  return {
    count,
    average,
    text: count === 0 ? 'Chưa có lượt đánh giá.' : `${formatNumber(count)} lượt đánh giá, trung bình ${formatDecimal(average)}`,
  };
}

export const GET: APIRoute = async ({ url }) => {
  const slug = url.searchParams.get('bai') ?? '';
  if (!articleExists(slug)) return json({ error: 'Không tìm thấy bài viết.' }, 404);
  const { count, sum } = await readerStore().rating(slug);
  return json(summary(count, sum));
};

export const POST: APIRoute = async ({ request, cookies, redirect }) => {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  let slug = '';
  const answer = (status: number, anchor: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    wantsJson || !articleExists(slug) ? json(body, status, headers) : redirect(`/tin-tuc/${slug}/#${anchor}`, 303);

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json({ error: 'Yêu cầu không hợp lệ.' }, 400);
  }
  slug = String(form.get('bai') ?? '');
  if (!articleExists(slug)) return json({ error: 'Không tìm thấy bài viết để đánh giá.' }, 404);
  const stars = Number(form.get('diem'));
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) return answer(400, 'danh-gia-loi', { error: 'Vui lòng chọn từ 1 đến 5 sao.' });

  const store = readerStore();
  const limit = await limitPerAddress(store, request, 'rating', envNumber('RATING_LIMIT', 30), 60 * 60 * 1000);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return answer(429, 'danh-gia-qua-nhieu', { error: `Bạn đã gửi quá nhiều đánh giá. Vui lòng thử lại sau ${minutes} phút.` }, { 'retry-after': String(limit.retryAfterSeconds) });
  }
  // However many readers (cookies, browsers) one address shows, it gives an article at most
  // RATING_PER_ADDRESS votes a day: enough for a family or an office behind one address.
  const perArticle = await limitPerAddress(store, request, 'rating-article', envNumber('RATING_PER_ADDRESS', 5), 24 * 60 * 60 * 1000, slug);
  if (!perArticle.allowed) {
    return answer(429, 'danh-gia-qua-nhieu', { error: 'Địa chỉ mạng của bạn đã gửi đủ số lượt đánh giá cho bài viết này hôm nay.' }, { 'retry-after': String(perArticle.retryAfterSeconds) });
  }
  const result = await store.vote(slug, readerId(request, cookies), stars);
  if (!result.accepted) return answer(409, 'danh-gia-da-co', { error: 'Bạn đã đánh giá bài viết này rồi.', ...summary(result.count, result.sum) });
  return answer(200, 'danh-gia-cam-on', { accepted: true, message: 'Cảm ơn bạn đã đánh giá bài viết.', ...summary(result.count, result.sum) });
};

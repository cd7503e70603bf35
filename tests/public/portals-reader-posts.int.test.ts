/**
 * Issue 14: a comment or question sent on a portal's site is created in the real CMS in that
 * portal (the release's settings record carries the portal's documentId), with the public server's
 * own tokens; a comment is only taken for an article of that portal. Without a portal (a release
 * built before portals), the CMS's default (primary) portal, as before.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sendComment } from '../../site/src/server/comments';
import { sendQuestion } from '../../site/src/server/questions';
import { startCms, type CmsHarness } from '../helpers/cms-harness';

let cms: CmsHarness;
let primary: { documentId: string; slug: string };
let tanHoa: { documentId: string; slug: string };
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  cms = await startCms('sqlite');
  for (const name of ['CMS_URL', 'CMS_COMMENT_TOKEN', 'CMS_QUESTION_TOKEN']) saved[name] = process.env[name];
  process.env.CMS_URL = cms.url;
  process.env.CMS_COMMENT_TOKEN = cms.commentToken;
  process.env.CMS_QUESTION_TOKEN = cms.questionToken;
  const portals = cms.strapi.documents('api::portal.portal' as never) as unknown as {
    findMany(q: object): Promise<Array<{ documentId: string; slug: string }>>;
    create(q: object): Promise<{ documentId: string; slug: string }>;
  };
  [primary] = (await portals.findMany({ sort: 'id:asc' })) as [{ documentId: string; slug: string }];
  tanHoa = await portals.create({ data: { agencyName: 'Ủy ban nhân dân xã Tân Hòa', slug: 'xa-tan-hoa', level: 'Xã, phường, đặc khu', domains: 'tanhoa.lamgiang.gov.vn', enabled: true } });
  const articles = cms.strapi.documents('api::article.article');
  await articles.create({ data: { title: 'Tin của tỉnh', slug: 'tin-cua-tinh', body: 'Nội dung của tỉnh.' } as never, status: 'published' });
  await articles.create({ data: { title: 'Tin của xã Tân Hòa', slug: 'tin-cua-xa', body: 'Nội dung của xã.', portal: tanHoa.documentId } as never, status: 'published' });
});

afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await cms?.close();
});

/** The portal code of the newest draft of `uid` whose `field` is `value`. */
async function portalOf(uid: 'api::comment.comment' | 'api::question.question', field: string, value: string): Promise<string | undefined> {
  const found = (await cms.strapi.documents(uid).findMany({ status: 'draft', filters: { [field]: value }, populate: ['portal'] } as never)) as Array<{ portal?: { slug: string } }>;
  expect(found).toHaveLength(1);
  return found[0]!.portal?.slug;
}

describe('comments and questions sent on a portal\'s site', () => {
  test('a comment is created in the portal whose site it was sent on, for that portal\'s article only', async () => {
    expect(primary.slug).not.toBe('xa-tan-hoa');
    await sendComment({ slug: 'tin-cua-xa', name: 'Bạn đọc xã', email: '', content: 'Bình luận gửi trên cổng xã.', captcha: 'x' }, { documentId: tanHoa.documentId });
    expect(await portalOf('api::comment.comment', 'content', 'Bình luận gửi trên cổng xã.')).toBe('xa-tan-hoa');
    // The province's article is not the commune's: refused, nothing created.
    await expect(sendComment({ slug: 'tin-cua-tinh', name: 'Bạn đọc xã', email: '', content: 'Nhầm cổng.', captcha: 'x' }, { documentId: tanHoa.documentId })).rejects.toThrow(/no published article with slug tin-cua-tinh in the portal/);
    // A release built without a portal: the CMS's default, as before.
    await sendComment({ slug: 'tin-cua-tinh', name: 'Bạn đọc tỉnh', email: '', content: 'Bình luận không nêu cổng.', captcha: 'x' });
    expect(await portalOf('api::comment.comment', 'content', 'Bình luận không nêu cổng.')).toBe(primary.slug);
  });

  test('a question is created in the portal whose site it was sent on', async () => {
    const input = { name: 'Nguyễn Văn A', email: '', phone: '', sector: '', sectorId: null, content: 'Xin hỏi thủ tục đăng ký khai sinh.', captcha: 'x' };
    await sendQuestion({ ...input, title: 'Câu hỏi trên cổng xã' }, { documentId: tanHoa.documentId });
    expect(await portalOf('api::question.question', 'title', 'Câu hỏi trên cổng xã')).toBe('xa-tan-hoa');
    await sendQuestion({ ...input, title: 'Câu hỏi không nêu cổng' }, { documentId: '' });
    expect(await portalOf('api::question.question', 'title', 'Câu hỏi không nêu cổng')).toBe(primary.slug);
  });
});

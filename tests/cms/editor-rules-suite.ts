/**
 * What the CMS enforces for editors (issue 16), against a real Strapi: images need a description
 * before they are published (the media library's "Mô tả ảnh", or the entry's own field), Markdown
 * images too; "Gửi duyệt" is cleared when the entry is published; the media library refuses a
 * file of a type or size the portal does not take in Vietnamese.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScheduledPublishing } from '../../cms/src/lib/scheduler';
import { illustrationJpeg } from '../../cms/src/seed/demo-media';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { request } from '../helpers/http';

const ARTICLE = 'api::article.article';

export function defineEditorRulesSuite(database: 'sqlite' | 'postgres'): void {
  let cms: CmsHarness;
  let dir: string;
  let adminToken: string;

  const articles = () => cms.strapi.documents(ARTICLE);
  const publishedCount = (documentId: string) => cms.strapi.db.query(ARTICLE).count({ where: { documentId, publishedAt: { $notNull: true } } });

  async function image(name: string, alternativeText?: string): Promise<number> {
    const file = path.join(dir, name);
    writeFileSync(file, await illustrationJpeg(name.length));
    const upload = cms.strapi.plugin('upload').service('upload') as { upload(input: object): Promise<Array<{ id: number }>> };
    const [uploaded] = await upload.upload({ data: { fileInfo: { name, ...(alternativeText ? { alternativeText } : {}) } }, files: { filepath: file, originalFilename: name, mimetype: 'image/jpeg', size: statSync(file).size } });
    return uploaded!.id;
  }

  async function draft(data: Record<string, unknown>): Promise<string> {
    const created = (await articles().create({ data: { title: `Bài thử ${Math.random().toString(36).slice(2, 8)}`, body: 'Nội dung.', ...data } as never })) as unknown as { documentId: string };
    return created.documentId;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cong-editor-rules-'));
    cms = await startCms(database);
    const credentials = readFileSync(path.join(cms.dataDir, 'admin-credentials.txt'), 'utf8');
    const login = await request(`${cms.url}/admin/login`, { method: 'POST', body: { email: /email: (.*)/.exec(credentials)![1], password: /password: (.*)/.exec(credentials)![1] } });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    adminToken = login.body.data.token as string;
  }, 180_000);

  afterAll(async () => {
    await cms?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('images need a description to be published', () => {
    test('a cover with no description is refused, naming the field and the file, in Vietnamese; the draft is kept', async () => {
      const documentId = await draft({ cover: await image('le-hoi-dua-ghe.jpg') });
      await expect(articles().publish({ documentId })).rejects.toThrow(
        'Ảnh đại diện: ảnh “le-hoi-dua-ghe.jpg” chưa có mô tả cho người khiếm thị. Hãy điền “Mô tả ảnh” của ảnh này trong Thư viện tệp hoặc điền “Mô tả ảnh đại diện” rồi đăng lại.',
      );
      expect(await publishedCount(documentId)).toBe(0);
      expect(await cms.strapi.db.query(ARTICLE).count({ where: { documentId } })).toBe(1);
    });

    test('the description in the media library, or in the entry ("Mô tả ảnh đại diện"), lets it through', async () => {
      const described = await draft({ cover: await image('cau-tre-qua-kenh.jpg', 'Cây cầu tre bắc qua kênh Bà Bèo') });
      await articles().publish({ documentId: described });
      expect(await publishedCount(described)).toBe(1);
      const ownText = await draft({ cover: await image('ruong-lua-mua-gat.jpg'), coverAlt: 'Ruộng lúa chín vào mùa gặt' });
      await articles().publish({ documentId: ownText });
      expect(await publishedCount(ownText)).toBe(1);
    });

    test('a create or an update sent as published is checked the same way', async () => {
      const cover = await image('cho-noi-cai-be.jpg');
      await expect(articles().create({ data: { title: 'Chợ nổi họp sớm', body: 'Nội dung.', cover } as never, status: 'published' })).rejects.toThrow(/Ảnh đại diện: ảnh “cho-noi-cai-be\.jpg” chưa có mô tả/);
      const documentId = await draft({});
      await expect(articles().update({ documentId, data: { cover } as never, status: 'published' })).rejects.toThrow(/chưa có mô tả/);
      expect(await publishedCount(documentId)).toBe(0);
      await articles().update({ documentId, data: { cover, coverAlt: 'Thuyền ghe trên chợ nổi' } as never, status: 'published' });
      expect(await publishedCount(documentId)).toBe(1);
    });

    test('a Markdown image with an empty description is refused; one with a description is published', async () => {
      const bare = await draft({ body: 'Đoạn mở đầu.\n\n![](/uploads/anh_hop_dan.jpg)\n\nĐoạn cuối.' });
      await expect(articles().publish({ documentId: bare })).rejects.toThrow('Nội dung: 1 ảnh chưa có mô tả cho người khiếm thị (/uploads/anh_hop_dan.jpg). Hãy viết mô tả trong ngoặc vuông, không phải tên tệp: ![mô tả ảnh](địa chỉ ảnh), rồi đăng lại.');
      const described = await draft({ body: 'Đoạn mở đầu.\n\n![Người dân dự họp tại nhà văn hóa](/uploads/anh_hop_dan.jpg)' });
      await articles().publish({ documentId: described });
      expect(await publishedCount(described)).toBe(1);
    });

    test("a Markdown image described by its file name (what Strapi's editor writes for a file with no description) is refused", async () => {
      const named = await draft({ body: 'Chợ quê.\n\n![cho-que-ngay-tet.jpg](/uploads/cho_que_ngay_tet.jpg)' });
      await expect(articles().publish({ documentId: named })).rejects.toThrow(/Nội dung: 1 ảnh chưa có mô tả cho người khiếm thị \(\/uploads\/cho_que_ngay_tet\.jpg\)/);
    });

    test("an official's photo is not held back: the portal describes it by the person's name", async () => {
      const created = (await cms.strapi.documents('api::official.official').create({ data: { name: 'Trần Thị Mai', position: 'Phó Chủ tịch', photo: await image('chan-dung-mai.jpg') } as never })) as unknown as { documentId: string };
      await cms.strapi.documents('api::official.official').publish({ documentId: created.documentId });
      expect(await cms.strapi.db.query('api::official.official').count({ where: { documentId: created.documentId, publishedAt: { $notNull: true } } })).toBe(1);
    });

    test('a refused publish keeps "Gửi duyệt", and a refused scheduled publish keeps its time (retried every run)', async () => {
      const documentId = await draft({ cover: await image('hoi-cho-nong-san.jpg'), reviewRequested: true });
      await expect(articles().publish({ documentId })).rejects.toThrow(/chưa có mô tả/);
      expect((await cms.strapi.db.query(ARTICLE).findOne({ where: { documentId, publishedAt: null } })).reviewRequested).toBe(true);
      const due = new Date(Date.now() - 60_000).toISOString();
      await articles().update({ documentId, data: { publishAt: due } as never });
      const run = await runScheduledPublishing(cms.strapi);
      expect(run.failed.map((f) => f.documentId)).toContain(documentId);
      expect(run.failed.find((f) => f.documentId === documentId)?.error).toMatch(/Ảnh đại diện: ảnh “hoi-cho-nong-san\.jpg” chưa có mô tả/);
      const kept = await cms.strapi.db.query(ARTICLE).findOne({ where: { documentId, publishedAt: null } });
      expect(new Date(kept.publishAt).toISOString()).toBe(due);
      expect(await publishedCount(documentId)).toBe(0);
    });

    test('a draft is saved whatever its images', async () => {
      const documentId = await draft({ cover: await image('den-long-trung-thu.jpg'), body: '![](/uploads/x.jpg)' });
      await articles().update({ documentId, data: { summary: 'Bản nháp chưa xong.' } as never });
      expect(await cms.strapi.db.query(ARTICLE).count({ where: { documentId, publishedAt: null } })).toBe(1);
    });
  });

  test('"Gửi duyệt" is cleared when the entry is published, on the draft and the published version', async () => {
    const documentId = await draft({ reviewRequested: true });
    expect((await cms.strapi.db.query(ARTICLE).findOne({ where: { documentId } })).reviewRequested).toBe(true);
    await articles().publish({ documentId });
    const versions = (await cms.strapi.db.query(ARTICLE).findMany({ where: { documentId }, select: ['reviewRequested', 'publishedAt'] })) as Array<{ reviewRequested: boolean }>;
    expect(versions).toHaveLength(2);
    expect(versions.map((v) => v.reviewRequested)).toEqual([false, false]);
  });

  describe('the media library refuses what the portal does not take, in Vietnamese', () => {
    async function upload(name: string, type: string, bytes: Buffer) {
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
      const res = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` }, body: form });
      return { status: res.status, body: (await res.json()) as { error?: { message: string } } };
    }

    test('an SVG (it can carry script) is refused, saying what is accepted', async () => {
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
      const res = await upload('bieu-do.svg', 'image/svg+xml', svg);
      expect(res.status).toBe(400);
      expect(res.body.error?.message).toBe('Không tải lên được: cổng không nhận loại tệp image/svg+xml. Chỉ nhận ảnh (JPEG, PNG, WebP, GIF…), PDF, Word, Excel, PowerPoint, CSV và văn bản thuần (.txt).');
    });

    test('a file over the size limit (50 MB) is refused, naming it and the limit', async () => {
      const big = Buffer.alloc(51 * 1024 * 1024, 0x20);
      big.write('%PDF-1.4\n', 0);
      const res = await upload('ho-so-du-an.pdf', 'application/pdf', big);
      expect(res.status).toBe(413);
      expect(res.body.error?.message).toBe('Không tải lên được “ho-so-du-an.pdf”: tệp lớn hơn giới hạn 50 MB. Hãy nén hoặc thu nhỏ tệp rồi tải lên lại.');
    }, 60_000);
  });
}

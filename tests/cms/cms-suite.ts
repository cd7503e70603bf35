/**
 * The CMS integration suite, run against a real Strapi on SQLite and on PostgreSQL
 * (see cms.sqlite.int.test.ts and cms.postgres.int.test.ts).
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSlug } from '../../content-types/src/slug';
import { seedDemoContent, DEMO_ARTICLE_COUNT } from '../../cms/src/seed/index';
import { AGENCY, ANNOUNCEMENTS, COMMENTS, DRAFT_ARTICLES, LINKS, PAGES, CATEGORIES } from '../../cms/src/seed/demo-content';
import { AUTHOR_ROLE, EDITOR_ROLE } from '../../cms/src/bootstrap/editor-roles';
import { DEMO_DOCUMENTS } from '../../cms/src/seed/demo-documents';
import { DEMO_DISCLOSURES } from '../../cms/src/seed/disclosures';
import { DEMO_DOCUMENT_COUNT } from '../../cms/src/seed/documents';
import { ensureApiToken, PREVIEW_TOKEN_NAME, QUESTION_TOKEN_NAME } from '../../cms/src/bootstrap/build-token';
import { ANSWER_REQUIRED } from '../../cms/src/lib/question-rules';
import { DEMO_QUESTIONS } from '../../cms/src/seed/questions';
import { runScheduledPublishing } from '../../cms/src/lib/scheduler';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { nextCmsEvent, webhooksDelivered } from '../helpers/conditions';
import { request } from '../helpers/http';
import { contentTypes, PORTAL_FIELD, stampQuery, toStamp } from '../../content-types/src/index';
import { entriesQuery, planOf, stampsOf } from '../../cms/src/lib/stamps-route';
import { ensurePortals, portalCodeOf } from '../../cms/src/bootstrap/portals';
import { addPortal, listPortals, setPortalEnabled } from '../../cms/src/lib/portal-admin';

const ARTICLE = 'api::article.article';
const CM = (model: string) => `/content-manager/collection-types/${model}`;
/** An origin the tests add through CORS_ORIGINS. */
const EDITOR_ORIGIN = 'https://bientap.tanhoa.test';
/** The CMS's own origin from its configuration (CMS_HOST/CMS_PORT defaults: the test server listens elsewhere). */
const ADMIN_ORIGIN = 'http://127.0.0.1:1337';
const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

/** Registers the whole suite for one database. */
export function defineCmsSuite(database: 'sqlite' | 'postgres'): void {
  let cms: CmsHarness;
  let author: string;
  let editor: string;
  let superAdmin: string;

  async function createAdmin(email: string, roleCode: string): Promise<string> {
    const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
    const password = 'Thu-nghiem-2026';
    await (cms.strapi.service('admin::user') as any).create({ email, firstname: 'Thử', lastname: 'Nghiệm', password, isActive: true, roles: [role.id] });
    const login = await request(`${cms.url}/admin/login`, { method: 'POST', body: { email, password } });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    return login.body.data.token as string;
  }

  /** Every published article the build token can page through. */
  async function publishedArticles(): Promise<Array<{ slug: string; title: string }>> {
    const all: Array<{ slug: string; title: string }> = [];
    for (let page = 1; ; page += 1) {
      const res = await request(`${cms.url}/api/articles?pagination[page]=${page}&pagination[pageSize]=100&fields[0]=slug&fields[1]=title`, { token: cms.buildToken });
      expect(res.status).toBe(200);
      all.push(...res.body.data);
      if (page >= res.body.meta.pagination.pageCount) return all;
    }
  }

  beforeAll(async () => {
    cms = await startCms(database, {
      env: { CORS_ORIGINS: EDITOR_ORIGIN },
      // What an older install left behind: a world-readable data folder, database and secret.
      beforeBoot(dataDir) {
        chmodSync(dataDir, 0o755);
        if (database === 'sqlite') writeFileSync(path.join(dataDir, 'cms.db'), '', { mode: 0o644 });
        writeFileSync(path.join(dataDir, 'webhook-secret'), 'a-secret-left-world-readable', { mode: 0o644 });
      },
    });
    const report = await seedDemoContent(cms.strapi, { log: () => undefined });
    expect(report.skipped).toBe(false);
    superAdmin = await createAdmin('quantri@tanhoa.test', 'strapi-super-admin');
    author = await createAdmin('tacgia@tanhoa.test', AUTHOR_ROLE.code);
    editor = await createAdmin('bientap@tanhoa.test', EDITOR_ROLE.code);
  });

  afterAll(async () => {
    await cms?.close();
  });

  describe('demo content', () => {
    test('seeds the demo portal in full', async () => {
      const count = (uid: string, published = true) =>
        cms.strapi.db.query(uid as any).count({ where: published ? { publishedAt: { $notNull: true } } : {} });
      expect(await count('api::category.category', false)).toBe(CATEGORIES.length);
      expect(await count(ARTICLE)).toBe(DEMO_ARTICLE_COUNT);
      expect(DEMO_ARTICLE_COUNT).toBeGreaterThanOrEqual(40);
      expect(await count('api::announcement.announcement')).toBe(ANNOUNCEMENTS.length);
      expect(await count('api::link.link')).toBe(LINKS.length);
      expect(await count('api::page.page')).toBe(PAGES.length);
      const pdfs = await cms.strapi.db.query('plugin::upload.file').count({ where: { mime: 'application/pdf' } });
      // The announcements' PDFs, the documents' (văn bản) and the disclosures' (công khai) ones.
      expect(pdfs).toBe(
        ANNOUNCEMENTS.filter((a) => a.pdf).length + DEMO_DOCUMENTS.flatMap((d) => d.files ?? []).filter((f) => f.kind === 'pdf').length + DEMO_DISCLOSURES.filter((d) => d.pdf).length,
      );
      expect(await count('api::legal-document.legal-document')).toBe(DEMO_DOCUMENT_COUNT);
      const approved = await cms.strapi.documents('api::comment.comment').findMany({ status: 'published' });
      expect(approved).toHaveLength(COMMENTS.filter((c) => c.approved).length);
      const waiting = await cms.strapi.documents('api::comment.comment').findMany({ status: 'draft' });
      expect(waiting).toHaveLength(COMMENTS.length); // every comment has a draft; the unapproved one has only that
    });

    test('is idempotent: a second run does nothing, and a run without its marker creates nothing', async () => {
      const again = await seedDemoContent(cms.strapi, { log: () => undefined });
      expect(again.skipped).toBe(true);
      await cms.strapi.store.delete({ type: 'core', name: 'cong', key: 'seed' });
      const rerun = await seedDemoContent(cms.strapi, { log: () => undefined });
      expect(rerun.skipped).toBe(false);
      expect(Object.values(rerun.created).every((n) => n === 0), JSON.stringify(rerun.created)).toBe(true);
      expect(await cms.strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } })).toBe(DEMO_ARTICLE_COUNT);
    });

    test("a demo portal seeded before version 3 gets the new \"Dịch vụ công\" box and the document exchange link; an editor's own box is kept", async () => {
      const SETTINGS = 'api::portal.portal';
      const old = ['Văn bản chỉ đạo, điều hành', 'Lịch công tác của lãnh đạo', 'Danh bạ cơ quan', 'Dịch vụ công trực tuyến', 'Dữ liệu mở'].map((label) => ({ label, url: '/van-ban/' }));
      const settings = async () => (await cms.strapi.documents(SETTINGS).findFirst({ sort: 'id:asc', populate: ['serviceLinks'] })) as unknown as { documentId: string; documentExchangeUrl: string | null; serviceLinks: Array<{ label: string; url: string }> };
      const reseedAsVersion2 = async () => {
        await cms.strapi.store.set({ type: 'core', name: 'cong', key: 'seed', value: { version: 2, articles: DEMO_ARTICLE_COUNT, documents: DEMO_DOCUMENT_COUNT, completedAt: new Date().toISOString() } });
        return seedDemoContent(cms.strapi, { log: () => undefined });
      };
      const { documentId } = await settings();
      await cms.strapi.documents(SETTINGS).update({ documentId, data: { serviceLinks: old, documentExchangeUrl: null } as never });
      expect((await reseedAsVersion2()).created.settings).toBe(1);
      const upgraded = await settings();
      expect(upgraded.serviceLinks.map((l) => l.url)).toEqual(AGENCY.serviceLinks.map((l) => l.url));
      expect(upgraded.documentExchangeUrl).toBe(AGENCY.documentExchangeUrl);
      const own = [{ label: 'Tra cứu hồ sơ', url: '/tra-cuu/' }];
      await cms.strapi.documents(SETTINGS).update({ documentId, data: { serviceLinks: own } as never });
      expect((await reseedAsVersion2()).created.settings).toBe(0);
      expect((await settings()).serviceLinks.map((l) => ({ label: l.label, url: l.url }))).toEqual(own);
      await cms.strapi.documents(SETTINGS).update({ documentId, data: { serviceLinks: AGENCY.serviceLinks } as never });
    });

    test('fires no webhook while seeding, though the same webhook fires for an ordinary publish', async () => {
      const hits: string[] = [];
      const server: Server = createServer((req, res) => {
        hits.push(String(req.headers['x-strapi-event']));
        res.end('ok');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const port = (server.address() as AddressInfo).port;
      const store = cms.strapi.get('webhookStore') as any;
      const webhook = await store.createWebhook({ name: 'test', url: `http://127.0.0.1:${port}/hook`, headers: {}, events: ['entry.create', 'entry.publish'], isEnabled: true });
      cms.strapi.get('webhookRunner').add(webhook);
      try {
        // Make the seed create something: remove one link and its marker.
        await cms.strapi.db.query('api::link.link').deleteMany({ where: { url: LINKS[0]!.url } });
        await cms.strapi.store.delete({ type: 'core', name: 'cong', key: 'seed' });
        const seededLink = nextCmsEvent(cms.strapi, (e) => e.event === 'entry.publish' && e.entry?.url === LINKS[0]!.url);
        const report = await seedDemoContent(cms.strapi, { log: () => undefined });
        expect(report.created.links).toBe(1);
        // Bound what could have been sent: the seed's link was announced (Strapi emits after the
        // commit, possibly after the seed returned) and every webhook the CMS queued was answered.
        await seededLink;
        await webhooksDelivered(cms.strapi);
        expect(hits).toEqual([]);
        // The seed gave the runner its webhooks back: an ordinary publish must reach it.
        await cms.strapi.documents('api::link.link').create({ data: { title: 'Webhook check', url: 'https://example.vn', group: 'Khác', order: 99 } as any, status: 'published' });
        await expect.poll(() => hits, { timeout: 5000 }).toContain('entry.publish');
      } finally {
        cms.strapi.get('webhookRunner').remove(webhook);
        await store.deleteWebhook(webhook.id);
        server.close();
      }
    });
  });

  describe('public access', () => {
    test('reads nothing without a token: no content, admin users or tokens', async () => {
      for (const path of ['/api/articles', '/api/announcements', '/api/links', '/api/pages', '/api/categories', '/api/site-setting', '/api/portals', '/api/users', '/api/upload/files']) {
        const res = await request(`${cms.url}${path}`);
        expect([401, 403], path).toContain(res.status);
      }
      for (const path of ['/admin/users', '/admin/api-tokens', '/admin/roles']) {
        expect((await request(`${cms.url}${path}`)).status, path).toBe(401);
      }
      const register = await request(`${cms.url}/api/auth/local/register`, { method: 'POST', body: { username: 'x', email: 'x@y.vn', password: 'Abcdef123' } });
      expect([401, 403], 'self-registration is closed').toContain(register.status);
    });

    test('never serves drafts to the public, even if an operator grants the Public role find', async () => {
      const publicRole = await cms.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
      const permission = await cms.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: `${ARTICLE}.find`, role: publicRole.id } });
      try {
        await expect.poll(async () => (await request(`${cms.url}/api/articles`)).status, { timeout: 5000 }).toBe(200);
        const drafts = await request(`${cms.url}/api/articles?status=draft&pagination[pageSize]=100&filters[title][$startsWith]=${encodeURIComponent('Bản nháp')}`);
        expect(drafts.status).toBe(200);
        expect(drafts.body.data).toEqual([]);
        const all = await request(`${cms.url}/api/articles?status=draft&pagination[pageSize]=1`);
        expect(all.body.meta.pagination.total).toBe(DEMO_ARTICLE_COUNT);
      } finally {
        await cms.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
      }
    });
  });

  describe('build token', () => {
    test('reads published entries only, every page of them', async () => {
      const articles = await publishedArticles();
      expect(articles).toHaveLength(DEMO_ARTICLE_COUNT);
      const slugs = new Set(articles.map((a) => a.slug));
      for (const draft of DRAFT_ARTICLES) expect(slugs.has(createSlug(draft.title))).toBe(false);
      const settings = await request(`${cms.url}/api/portals?populate=*`, { token: cms.buildToken });
      expect(settings.status).toBe(200);
      expect(settings.body.data[0].agencyName).toBe('Ủy ban nhân dân xã Tân Hòa');
      expect(settings.body.data[0].mainMenu.length).toBeGreaterThan(3);
    });

    test('cannot create, update or delete, nor read admin users', async () => {
      const [first] = await publishedArticles();
      const doc = await cms.strapi.db.query(ARTICLE).findOne({ where: { slug: first!.slug } });
      const attempts = [
        request(`${cms.url}/api/articles`, { method: 'POST', token: cms.buildToken, body: { data: { title: 'Tin giả', body: 'x' } } }),
        request(`${cms.url}/api/articles/${doc.documentId}`, { method: 'PUT', token: cms.buildToken, body: { data: { title: 'Sửa trái phép' } } }),
        request(`${cms.url}/api/articles/${doc.documentId}`, { method: 'DELETE', token: cms.buildToken }),
        request(`${cms.url}/api/users`, { token: cms.buildToken }),
      ];
      for (const res of await Promise.all(attempts)) expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect((await request(`${cms.url}/admin/users`, { token: cms.buildToken })).status).toBe(401);
      expect(await cms.strapi.db.query(ARTICLE).count({ where: { title: 'Sửa trái phép' } })).toBe(0);
    });
  });

  describe('stamps route (issue 15): read in SQL, the REST API\'s stamps for every type', () => {
    const ANNOUNCEMENT = 'api::announcement.announcement';
    const collections = contentTypes.filter((t) => t.kind === 'collectionType');

    /** Every published entry of a type through the REST API, stamped as the publisher's fallback does. */
    async function restStamps(type: (typeof collections)[number]): Promise<{ status: number; stamps: Map<string, string> }> {
      const stamps = new Map<string, string>();
      for (let page = 1; ; page += 1) {
        const query = new URLSearchParams({ ...stampQuery(type), 'pagination[page]': String(page), 'pagination[pageSize]': '100' });
        const res = await request(`${cms.url}/api/${type.pluralName}?${query}`, { token: cms.buildToken });
        if (res.status !== 200) return { status: res.status, stamps };
        for (const entry of res.body.data) stamps.set(entry.documentId, toStamp(type, entry).version);
        if (page >= res.body.meta.pagination.pageCount) return { status: 200, stamps };
      }
    }

    beforeAll(async () => {
      // What the demo content lacks: several files on one entry in an order that is not their ids',
      // a published entry whose draft then changed its cover, an entry without cover or category.
      const files = (await cms.strapi.db.query('plugin::upload.file').findMany({ orderBy: { id: 'asc' }, limit: 3 })) as Array<{ id: number }>;
      expect(files).toHaveLength(3);
      await cms.strapi.documents(ANNOUNCEMENT).create({ data: { title: 'Thông báo có ba tệp đính kèm', body: 'Ba tệp.', attachments: [files[2]!.id, files[0]!.id, files[1]!.id] } as never, status: 'published' });
      const articles = cms.strapi.documents(ARTICLE);
      const edited = (await articles.create({ data: { title: 'Tin đã đăng, ảnh bìa đổi ở bản nháp', body: 'x', cover: files[0]!.id } as never, status: 'published' })) as unknown as { documentId: string };
      await articles.update({ documentId: edited.documentId, data: { cover: files[1]!.id } as never });
      await articles.create({ data: { title: 'Tin không ảnh, không chuyên mục', body: 'x' } as never, status: 'published' });
    });

    test('every type: the route answers, pair for pair, what the REST API\'s entries stamp to', async () => {
      let compared = 0;
      for (const type of collections) {
        const rest = await restStamps(type);
        const route = await request(`${cms.url}/api/cong/stamps/${type.pluralName}`, { token: cms.buildToken });
        expect(route.status, type.uid).toBe(rest.status === 200 ? 200 : 403);
        if (rest.status !== 200) continue;
        expect(new Map(route.body.stamps), type.uid).toEqual(rest.stamps);
        compared += rest.stamps.size;
      }
      expect(compared).toBeGreaterThan(DEMO_ARTICLE_COUNT);
    });

    test('the SQL and the Document Service give the same stamps, drafts and changed drafts aside', async () => {
      for (const type of collections) {
        expect(planOf(cms.strapi, type), `${type.uid} is read in SQL`).not.toBeNull();
        const sql = await stampsOf(cms.strapi, type);
        const documents = await stampsOf(cms.strapi, type, { sql: false });
        expect(new Map(sql), type.uid).toEqual(new Map(documents));
        expect(sql.length, type.uid).toBe(new Set(sql.map(([id]) => id)).size);
      }
      // The attachments' order is the editor's, not the files' ids; the edited cover is the published one's.
      const [announcement] = (await cms.strapi.documents(ANNOUNCEMENT).findMany({ filters: { title: 'Thông báo có ba tệp đính kèm' }, status: 'published', populate: { attachments: { fields: ['hash'] } } } as never)) as unknown as Array<{ attachments: Array<{ id: number }> }>;
      const files = (await cms.strapi.db.query('plugin::upload.file').findMany({ orderBy: { id: 'asc' }, limit: 3 })) as Array<{ id: number }>;
      expect(announcement!.attachments.map((f) => f.id)).toEqual([files[2]!.id, files[0]!.id, files[1]!.id]);
    });

    test('each type\'s published entries are read from its stamps index, never from its rows (50,000 articles: 0.1 s, not 0.35-0.8 s)', async () => {
      const knex = cms.strapi.db.connection;
      const portal = (await cms.strapi.db.query('api::portal.portal').findOne({ select: ['id'] })) as { id: number } | null;
      for (const type of collections) {
        const plan = planOf(cms.strapi, type)!;
        const index = `${plan.table}_stamps_idx`;
        if (database === 'postgres') {
          const found = await knex.raw('select indexdef from pg_indexes where tablename = ? and indexname = ?', [plan.table, index]);
          expect(found.rows.map((r: { indexdef: string }) => r.indexdef).join(''), type.uid).toMatch(plan.draftAndPublish ? /\(published_at, document_id, updated_at\)/ : /\(document_id, updated_at\)/);
          continue;
        }
        // The fence's portal too: the build token of a portal reads only its entries.
        for (const portalId of [null, portal?.id ?? 1]) {
          const { sql, bindings } = entriesQuery(knex, type, plan, portalId).toSQL();
          const steps = (await knex.raw(`explain query plan ${sql}`, bindings)) as Array<{ detail: string }>;
          const main = steps.map((s) => s.detail).filter((d) => / e\b/.test(d));
          expect(main, `${type.uid} (portal ${portalId})`).toHaveLength(1);
          // A portal's token reads its own portal: one row by its id.
          const expected = type.uid === 'api::portal.portal' && portalId !== null ? /USING INTEGER PRIMARY KEY/ : new RegExp(`USING COVERING INDEX ${index}\\b`);
          expect(main[0], `${type.uid} (portal ${portalId})`).toMatch(expected);
        }
      }
    });
  });

  describe('CORS (issue 10 finding 7)', () => {
    const preflight = (origin: string, urlPath = '/admin/access-token') =>
      fetch(`${cms.url}${urlPath}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

    test('never reflects a foreign origin, with or without credentials', async () => {
      for (const urlPath of ['/admin/access-token', '/admin/login', '/api/articles']) {
        const res = await preflight('https://evil.example', urlPath);
        expect(res.headers.get('access-control-allow-origin'), urlPath).toBeNull();
        expect(res.headers.get('access-control-allow-credentials'), urlPath).toBeNull();
      }
      const get = await fetch(`${cms.url}/api/articles`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${cms.buildToken}` } });
      expect(get.headers.get('access-control-allow-origin')).toBeNull();
    });

    test("allows the admin's own origin and those listed in CORS_ORIGINS", async () => {
      for (const origin of [ADMIN_ORIGIN, EDITOR_ORIGIN]) {
        const res = await preflight(origin);
        expect(res.headers.get('access-control-allow-origin'), origin).toBe(origin);
        expect(res.headers.get('access-control-allow-credentials'), origin).toBe('true');
      }
      // A look-alike of an allowed origin is foreign.
      for (const origin of [`${EDITOR_ORIGIN}.evil.example`, 'http://bientap.tanhoa.test', 'null']) {
        expect((await preflight(origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
      }
    });
  });

  describe('API tokens (issue 10 finding 8)', () => {
    const draftQuery = `status=draft&fields[0]=title&fields[1]=body&pagination[pageSize]=100&filters[title][$startsWith]=${encodeURIComponent('Bản nháp')}`;
    const draftArticle = () => cms.strapi.db.query(ARTICLE).findOne({ where: { title: DRAFT_ARTICLES[0]!.title } });

    test('the comment token reads no draft article, even with ?status=draft', async () => {
      const list = await request(`${cms.url}/api/articles?${draftQuery}`, { token: cms.commentToken });
      expect(list.status).toBe(200);
      expect(list.body.data).toEqual([]);
      const draft = await draftArticle();
      const one = await request(`${cms.url}/api/articles?status=draft&filters[documentId][$eq]=${draft.documentId}&fields[0]=body`, { token: cms.commentToken });
      expect(one.body.data).toEqual([]);
      const cohort = await request(`${cms.url}/api/articles?status=draft&publicationFilter=never-published&fields[0]=body`, { token: cms.commentToken });
      expect(JSON.stringify(cohort.body)).not.toContain(DRAFT_ARTICLES[0]!.title);
    });

    test('the comment token reads no draft through what a new comment returns', async () => {
      const draft = await draftArticle();
      const sent = await request(`${cms.url}/api/comments?status=draft&populate[article][fields][0]=title&populate[article][fields][1]=body`, {
        method: 'POST', token: cms.commentToken, body: { data: { article: draft.documentId, name: 'Người thử', content: 'Bình luận thử vào bản nháp.' } },
      });
      expect(JSON.stringify(sent.body)).not.toContain(DRAFT_ARTICLES[0]!.title);
      const comment = await cms.strapi.db.query('api::comment.comment').findOne({ where: { content: 'Bình luận thử vào bản nháp.' } });
      if (comment) await cms.strapi.documents('api::comment.comment').delete({ documentId: comment.documentId });
    });

    test('the build token reads no draft article and no comment waiting for approval', async () => {
      const list = await request(`${cms.url}/api/articles?${draftQuery}`, { token: cms.buildToken });
      expect(list.status).toBe(200);
      expect(list.body.data).toEqual([]);
      const draft = await draftArticle();
      const one = await request(`${cms.url}/api/articles/${draft.documentId}?status=draft`, { token: cms.buildToken });
      expect(one.status).toBe(404);
      const comments = await request(`${cms.url}/api/comments?status=draft&pagination[pageSize]=100`, { token: cms.buildToken });
      expect(comments.status).toBe(200);
      const contents = (comments.body.data as Array<{ content: string }>).map((c) => c.content);
      for (const waiting of COMMENTS.filter((c) => !c.approved)) expect(contents).not.toContain(waiting.content);
      expect(contents.length).toBe(COMMENTS.filter((c) => c.approved).length);
    });

    test('only the preview token reads drafts, and it can change nothing', async () => {
      expect(cms.previewToken, 'the CMS writes the preview token into <data>/preview-token').not.toBe('');
      const list = await request(`${cms.url}/api/articles?${draftQuery}`, { token: cms.previewToken });
      expect(list.status).toBe(200);
      expect(list.body.data.map((a: { title: string }) => a.title).sort()).toEqual(DRAFT_ARTICLES.map((d) => d.title).sort());
      const draft = await draftArticle();
      const attempts = [
        request(`${cms.url}/api/articles`, { method: 'POST', token: cms.previewToken, body: { data: { title: 'Tin giả', body: 'x' } } }),
        request(`${cms.url}/api/articles/${draft.documentId}`, { method: 'PUT', token: cms.previewToken, body: { data: { title: 'Sửa trái phép' } } }),
        request(`${cms.url}/api/comments?status=draft`, { token: cms.previewToken }),
        request(`${cms.url}/api/users`, { token: cms.previewToken }),
      ];
      for (const res of await Promise.all(attempts)) expect(res.status, JSON.stringify(res.body)).toBe(403);
    });

    test("a token that takes the preview token's name (the real one renamed) reads no draft: the preview token is also known by its id", async () => {
      const tokens = cms.strapi.db.query('admin::api-token');
      const preview = await tokens.findOne({ where: { name: PREVIEW_TOKEN_NAME } });
      await tokens.update({ where: { id: preview.id }, data: { name: 'Cổng: xem trước (đổi tên để thử)' } });
      const service = cms.strapi.service('admin::api-token-content-api') as unknown as { create(a: Record<string, unknown>): Promise<{ id: number; accessKey: string }> };
      let impostor: { id: number; accessKey: string } | undefined;
      try {
        impostor = await service.create({ name: PREVIEW_TOKEN_NAME, type: 'custom', permissions: ['api::article.article.find'], lifespan: null });
        const list = await request(`${cms.url}/api/articles?${draftQuery}`, { token: impostor.accessKey });
        expect(list.status).toBe(200);
        expect(list.body.data).toEqual([]);
      } finally {
        if (impostor) await tokens.delete({ where: { id: impostor.id } });
        await tokens.update({ where: { id: preview.id }, data: { name: PREVIEW_TOKEN_NAME } });
      }
      // The real one still reads drafts.
      const list = await request(`${cms.url}/api/articles?${draftQuery}`, { token: cms.previewToken });
      expect(list.body.data.length).toBe(DRAFT_ARTICLES.length);
    });

    test('the draft preview reads drafts with its own token, and not with the build token', async () => {
      const { fetchDraft } = await import('../../site/src/server/preview');
      const draft = await draftArticle();
      const saved = { CMS_URL: process.env.CMS_URL, CMS_PREVIEW_TOKEN: process.env.CMS_PREVIEW_TOKEN };
      try {
        Object.assign(process.env, { CMS_URL: cms.url, CMS_PREVIEW_TOKEN: cms.previewToken });
        expect((await fetchDraft('tin-tuc', draft.documentId))?.record.title).toBe(DRAFT_ARTICLES[0]!.title);
        process.env.CMS_PREVIEW_TOKEN = cms.buildToken;
        expect(await fetchDraft('tin-tuc', draft.documentId)).toBeNull();
        delete process.env.CMS_PREVIEW_TOKEN;
        await expect(fetchDraft('tin-tuc', draft.documentId)).rejects.toThrow(/No preview token: set CMS_PREVIEW_TOKEN, or CMS_PREVIEW_TOKEN_FILE/);
      } finally {
        for (const [key, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      }
    });

    test('each token is named for what it can do and holds exactly those permissions', async () => {
      const expected: Record<string, string[]> = {
        'Cổng: dựng trang công khai (chỉ đọc nội dung đã đăng)': ['api::article.article.find', 'api::comment.comment.find', 'plugin::upload.content-api.find'],
        'Cổng: gửi bình luận chờ duyệt (tạo bình luận, đọc tin đã đăng)': ['api::article.article.find', 'api::comment.comment.create'],
        'Cổng: xem trước bản nháp (chỉ đọc tin, thông báo, trang)': ['api::announcement.announcement.find', 'api::article.article.find', 'api::page.page.find'],
        [QUESTION_TOKEN_NAME]: ['api::question.question.create', 'api::sector.sector.find', 'api::portal.portal.find'],
      };
      const tokens = await cms.strapi.db.query('admin::api-token').findMany({ where: { name: { $startsWith: 'Cổng:' } }, populate: ['permissions'] });
      expect(tokens.map((t: { name: string }) => t.name).sort()).toEqual(Object.keys(expected).sort());
      for (const token of tokens as Array<{ name: string; permissions: Array<{ action: string }> }>) {
        const actions = token.permissions.map((p) => p.action);
        for (const action of expected[token.name]!) expect(actions, token.name).toContain(action);
        expect(actions.some((a) => /\.(create|update|delete|publish)$/.test(a) && a !== 'api::comment.comment.create' && a !== 'api::question.question.create'), token.name).toBe(false);
      }
      const comment = tokens.find((t: { name: string }) => t.name.startsWith('Cổng: gửi bình luận'))!;
      expect(comment.permissions.map((p: { action: string }) => p.action).sort()).toEqual(['api::article.article.find', 'api::comment.comment.create', 'api::portal.portal.find']);
      const question = tokens.find((t: { name: string }) => t.name === QUESTION_TOKEN_NAME)!;
      expect(question.permissions.map((p: { action: string }) => p.action).sort()).toEqual(['api::portal.portal.find', 'api::question.question.create', 'api::sector.sector.find']);
    });

    test('a token renamed in a new version keeps its key', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'cong-token-'));
      try {
        const file = path.join(dir, 'key');
        const spec = { description: 'Thử đổi tên', permissions: ['api::link.link.find'], file };
        await ensureApiToken(cms.strapi, { ...spec, name: 'Thử: tên cũ' });
        const key = readFileSync(file, 'utf8').trim();
        await ensureApiToken(cms.strapi, { ...spec, name: 'Thử: tên mới', formerNames: ['Thử: tên cũ'] } as never);
        expect(readFileSync(file, 'utf8').trim()).toBe(key);
        const rows = await cms.strapi.db.query('admin::api-token').findMany({ where: { name: { $startsWith: 'Thử: tên' } } });
        expect(rows.map((r: { name: string }) => r.name)).toEqual(['Thử: tên mới']);
        expect((await request(`${cms.url}/api/links`, { token: key })).status).toBe(200);
      } finally {
        await cms.strapi.db.query('admin::api-token').deleteMany({ where: { name: { $startsWith: 'Thử: tên' } } });
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('drafts through the media library (review of issue 10: the `related` morph relation)', () => {
    /** Text only the draft versions carry: no answer to a build, comment or public caller may contain it. */
    const SECRET = 'Nội dung bản nháp chưa đăng qua thư viện ảnh';
    const EDITED_TITLE = 'Tin có ảnh bìa, bản nháp đã sửa sau khi đăng';
    const NEVER_TITLE = 'Bản nháp có ảnh bìa chưa từng đăng';
    const ON = (field: string) => `[on][${ARTICLE}][fields][0]=${field}`;
    let fileId: number;
    let attachmentId: number;

    beforeAll(async () => {
      const image = await cms.strapi.db.query('plugin::upload.file').findOne({ where: { mime: { $startsWith: 'image/' } } });
      // An announcement's PDF (other PDFs belong to documents and disclosures).
      const announcements = await cms.strapi.db.query('api::announcement.announcement').findMany({ where: { publishedAt: { $notNull: true } }, populate: ['attachments'] });
      const pdf = announcements.flatMap((a: { attachments?: Array<{ id: number; mime: string }> }) => a.attachments ?? []).find((f: { mime: string }) => f.mime === 'application/pdf')!;
      fileId = image.id;
      attachmentId = pdf.id;
      const articles = cms.strapi.documents(ARTICLE);
      const published = (await articles.create({ data: { title: EDITED_TITLE, body: 'Nội dung đã đăng.', cover: image.id } as never, status: 'published' })) as unknown as { documentId: string };
      await articles.update({ documentId: published.documentId, data: { body: SECRET } as never });
      await articles.create({ data: { title: NEVER_TITLE, body: SECRET, cover: image.id } as never });
      // An announcement that is only a draft, sharing a file with a published one.
      await cms.strapi.documents('api::announcement.announcement').create({ data: { title: `${NEVER_TITLE} (thông báo)`, body: SECRET, attachments: [pdf.id] } as never });
      // The draft rows really point at the files (else the test proves nothing).
      const preview = await request(`${cms.url}/api/articles?status=draft&filters[title][$eq]=${encodeURIComponent(NEVER_TITLE)}&populate[cover]=true`, { token: cms.previewToken });
      expect(preview.body.data[0]?.cover?.id).toBe(image.id);
    });

    const paths = () => [
      `/api/upload/files?populate[related]${ON('body')}&pagination[pageSize]=100`,
      `/api/upload/files?populate[related]${ON('title')}&populate[related][count]=false`,
      `/api/upload/files/${fileId}?populate[related]${ON('body')}`,
      `/api/upload/files/${attachmentId}?populate[related][on][api::announcement.announcement][fields][0]=body`,
      `/api/upload/files?populate=*`,
      `/api/upload/files?populate=related`,
      `/api/upload/files?populate[0]=related`,
      `/api/upload/files/${fileId}?populate=*`,
      `/api/upload/files?filters[id][$eq]=${fileId}&populate[related][populate]=*`,
      `/api/articles?populate[cover][populate][related]${ON('body')}&pagination[pageSize]=100`,
      `/api/articles?populate[cover][populate]=*&pagination[pageSize]=100`,
      `/api/articles?populate[cover][populate][0]=related&pagination[pageSize]=100`,
      `/api/articles?populate[cover][populate][related][populate]=*&pagination[pageSize]=100`,
      `/api/articles?status=draft&populate[cover][populate][related]${ON('body')}&pagination[pageSize]=100`,
      `/api/announcements?populate[attachments][populate][related][on][api::announcement.announcement][fields][0]=body&pagination[pageSize]=100`,
      `/api/announcements?populate[attachments][populate]=*&pagination[pageSize]=100`,
      `/api/comments?populate[article][populate][cover][populate][related]${ON('body')}&pagination[pageSize]=100`,
    ];

    for (const [who, token] of [['build', () => cms.buildToken], ['comment', () => cms.commentToken]] as const) {
      test(`the ${who} token reads no draft through a file's related entries, at any depth`, async () => {
        const leaks: string[] = [];
        for (const urlPath of paths()) {
          const res = await request(`${cms.url}${urlPath}`, { token: token() });
          const text = JSON.stringify(res.body);
          if (text.includes(SECRET) || text.includes(NEVER_TITLE)) leaks.push(`${res.status} ${urlPath}`);
        }
        expect(leaks).toEqual([]);
      });

      test(`the ${who} token cannot tell whether a draft says something by filtering or sorting on a file's related entries`, async () => {
        const answer = async (urlPath: string) => {
          const res = await request(`${cms.url}${urlPath}`, { token: token() });
          return `${res.status} ${JSON.stringify(res.status === 200 ? res.body : res.body?.error?.name)}`;
        };
        const probes = (value: string) => [
          `/api/upload/files?filters[related][body][$contains]=${encodeURIComponent(value)}`,
          `/api/upload/files?populate[related][on][${ARTICLE}][filters][body][$contains]=${encodeURIComponent(value)}&populate[related][count]=true`,
          `/api/articles?filters[cover][related][body][$contains]=${encodeURIComponent(value)}&fields[0]=title&pagination[pageSize]=100`,
          `/api/articles?populate[cover][populate][related][on][${ARTICLE}][filters][body][$contains]=${encodeURIComponent(value)}&populate[cover][populate][related][count]=true&pagination[pageSize]=100`,
        ];
        const secret = probes(SECRET);
        const nothing = probes('không có ở đâu cả 7f3a');
        for (let i = 0; i < secret.length; i += 1) expect(await answer(secret[i]!), secret[i]).toBe(await answer(nothing[i]!));
      });
    }

    test('the build token still reads the files the site needs: covers and attachments of published entries', async () => {
      const articles = await request(`${cms.url}/api/articles?filters[title][$eq]=${encodeURIComponent(EDITED_TITLE)}&populate[cover]=true`, { token: cms.buildToken });
      expect(articles.status).toBe(200);
      expect(articles.body.data[0].body).toBe('Nội dung đã đăng.');
      expect(articles.body.data[0].cover.id).toBe(fileId);
      expect(articles.body.data[0].cover.url).toMatch(/^\/uploads\//);
      const announcements = await request(`${cms.url}/api/announcements?populate[attachments]=true&pagination[pageSize]=100`, { token: cms.buildToken });
      expect(announcements.status).toBe(200);
      expect(announcements.body.data.some((a: { attachments?: Array<{ id: number }> }) => a.attachments?.some((f) => f.id === attachmentId))).toBe(true);
    });

    test('the preview token still reads a draft with its cover', async () => {
      const res = await request(`${cms.url}/api/articles?status=draft&filters[title][$eq]=${encodeURIComponent(EDITED_TITLE)}&populate[cover]=true`, { token: cms.previewToken });
      expect(res.body.data[0].body).toBe(SECRET);
      expect(res.body.data[0].cover.id).toBe(fileId);
    });
  });

  describe('file modes (issue 10 build 6)', () => {
    test('the data folder is 700 and everything in it 600, also what an older install left readable', () => {
      expect(mode(cms.dataDir)).toBe('700');
      const files = readdirSync(cms.dataDir);
      expect(files).toEqual(expect.arrayContaining(['secrets.json', 'build-token', 'comment-token', 'question-token', 'preview-token', 'webhook-secret', ...(database === 'sqlite' ? ['cms.db'] : [])]));
      for (const name of files) expect(mode(path.join(cms.dataDir, name)), name).toBe(statSync(path.join(cms.dataDir, name)).isDirectory() ? '700' : '600');
    });

    test('the uploads folder is 700 and every uploaded file 600', async () => {
      expect(cms.uploadsDir.startsWith(cms.dataDir)).toBe(true); // the test's folder, not cms/public/uploads
      expect(mode(cms.uploadsDir)).toBe('700');
      const rows = await cms.strapi.db.query('plugin::upload.file').findMany({ select: ['url', 'formats'] });
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows as Array<{ url: string; formats: Record<string, { url: string }> | null }>) {
        for (const url of [row.url, ...Object.values(row.formats ?? {}).map((f) => f.url)]) {
          expect(mode(path.join(cms.uploadsDir, path.basename(url))), url).toBe('600');
        }
      }
    });
  });

  describe('editorial roles', () => {
    test('an author writes a draft but cannot publish; an editor publishes it', async () => {
      const title = 'Đường giao thông liên thôn Bắc Sơn – Nam Hải hoàn thành';
      const created = await request(`${cms.url}${CM(ARTICLE)}`, { method: 'POST', token: author, body: { title, slug: 'article', body: 'Nội dung **thử nghiệm**.' } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const documentId = created.body.data.documentId as string;
      expect(created.body.data.slug).toBe('duong-giao-thong-lien-thon-bac-son-nam-hai-hoan-thanh');

      const byAuthor = await request(`${cms.url}${CM(ARTICLE)}/${documentId}/actions/publish`, { method: 'POST', token: author, body: {} });
      expect(byAuthor.status).toBe(403);
      expect((await publishedArticles()).some((a) => a.title === title)).toBe(false);

      const byEditor = await request(`${cms.url}${CM(ARTICLE)}/${documentId}/actions/publish`, { method: 'POST', token: editor, body: {} });
      expect(byEditor.status, JSON.stringify(byEditor.body)).toBe(200);
      expect((await publishedArticles()).some((a) => a.title === title)).toBe(true);
    });

    test('an author cannot delete, nor edit what another person wrote', async () => {
      const [first] = await publishedArticles();
      const doc = await cms.strapi.db.query(ARTICLE).findOne({ where: { slug: first!.slug } });
      expect((await request(`${cms.url}${CM(ARTICLE)}/${doc.documentId}`, { method: 'DELETE', token: author })).status).toBe(403);
      const edit = await request(`${cms.url}${CM(ARTICLE)}/${doc.documentId}`, { method: 'PUT', token: author, body: { title: 'Sửa bài người khác' } });
      expect(edit.status).toBe(403);
    });
  });

  describe('slugs made by the server', () => {
    test('makes the slug from the title when the form sends the placeholder, and keeps it once published', async () => {
      const created = await request(`${cms.url}${CM(ARTICLE)}`, { method: 'POST', token: editor, body: { title: 'Đảng bộ xã tổng kết năm 2026', slug: 'article', body: 'x' } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.data.documentId;
      expect(created.body.data.slug).toBe('dang-bo-xa-tong-ket-nam-2026');
      expect((await request(`${cms.url}${CM(ARTICLE)}/${id}/actions/publish`, { method: 'POST', token: editor, body: {} })).status).toBe(200);

      const renamed = await request(`${cms.url}${CM(ARTICLE)}/${id}`, { method: 'PUT', token: editor, body: { title: 'Đảng bộ xã tổng kết công tác năm 2026', slug: 'article-1' } });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      expect(renamed.body.data.slug).toBe('dang-bo-xa-tong-ket-nam-2026');
    });

    test('gives a colliding title the next free slug', async () => {
      const title = 'Thông báo lịch tiếp công dân';
      const first = await request(`${cms.url}${CM(ARTICLE)}`, { method: 'POST', token: editor, body: { title, body: 'x' } });
      const second = await request(`${cms.url}${CM(ARTICLE)}`, { method: 'POST', token: editor, body: { title, slug: 'article', body: 'y' } });
      expect(first.body.data.slug).toBe('thong-bao-lich-tiep-cong-dan');
      expect(second.body.data.slug).toBe('thong-bao-lich-tiep-cong-dan-2');
    });

    test('stores pasted NFD text as NFC', async () => {
      const title = 'Hội nghị tiếp xúc cử tri quý IV'.normalize('NFD');
      const created = await request(`${cms.url}${CM(ARTICLE)}`, { method: 'POST', token: editor, body: { title, body: 'Nội dung'.normalize('NFD') } });
      expect(created.body.data.title).toBe('Hội nghị tiếp xúc cử tri quý IV'.normalize('NFC'));
      expect(created.body.data.body).toBe('Nội dung'.normalize('NFC'));
    });
  });

  describe('invalid input', () => {
    test('refuses a link whose URL is not http or https, naming the field', async () => {
      for (const url of ['javascript:alert(1)', 'ftp://tanhoa.vn', 'tanhoa.vn']) {
        const res = await request(`${cms.url}${CM('api::link.link')}`, { method: 'POST', token: editor, body: { title: 'Sai địa chỉ', url, group: 'Khác' } });
        expect(res.status, url).toBe(400);
        expect(res.body.error.details.errors[0].path, url).toEqual(['url']);
        expect(res.body.error.message).toBe('Địa chỉ (URL): chỉ nhận địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://');
      }
      expect(await cms.strapi.db.query('api::link.link').count({ where: { title: 'Sai địa chỉ' } })).toBe(0);
    });

    test('refuses an article without a title, naming the field', async () => {
      const res = await request(`${cms.url}${CM(ARTICLE)}/`, { method: 'POST', token: editor, body: { body: 'Không có tiêu đề' } });
      // A draft may be incomplete; publishing it must fail on the missing title.
      const documentId = res.body?.data?.documentId;
      const publish = documentId
        ? await request(`${cms.url}${CM(ARTICLE)}/${documentId}/actions/publish`, { method: 'POST', token: editor, body: {} })
        : res;
      expect(publish.status).toBe(400);
      expect(JSON.stringify(publish.body.error)).toContain('title');
    });

    test('refuses a document whose ngày hết hiệu lực is before its ngày ban hành, in Vietnamese, on a new draft and on an edit', async () => {
      const LEGAL = 'api::legal-document.legal-document';
      const kind = await cms.strapi.documents('api::document-kind.document-kind').create({ data: { name: 'Quyết định kiểm thử' } as never });
      const base = { number: '99/2026/QĐ-KT', abstract: 'Về việc kiểm thử ngày hiệu lực', issuer: 'Ủy ban nhân dân xã Tân Hòa', kind: kind.documentId };
      const bad = await request(`${cms.url}${CM(LEGAL)}`, { method: 'POST', token: editor, body: { ...base, issuedOn: '2026-05-10', effectiveUntil: '2026-05-01' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe('Ngày hết hiệu lực không được trước ngày ban hành.');
      expect(bad.body.error.details.errors[0].path).toEqual(['effectiveUntil']);
      expect(await cms.strapi.db.query(LEGAL).count({ where: { number: base.number } })).toBe(0);
      // An edit that sends only the new date is checked against the stored ngày ban hành.
      const good = await request(`${cms.url}${CM(LEGAL)}`, { method: 'POST', token: editor, body: { ...base, issuedOn: '2026-05-10', effectiveUntil: '2027-05-10' } });
      expect(good.status, JSON.stringify(good.body)).toBe(201);
      const edit = await cms.strapi.documents(LEGAL).update({ documentId: good.body.data.documentId, data: { effectiveUntil: '2026-04-30' } as never }).catch((e: Error) => e);
      expect(edit).toBeInstanceOf(Error);
      expect((edit as Error).message).toBe('Ngày hết hiệu lực không được trước ngày ban hành.');
    });

    test('refuses a work week that does not start on a Monday, or an item outside its week, in Vietnamese', async () => {
      const WEEK = 'api::work-week.work-week';
      const tuesday = await request(`${cms.url}${CM(WEEK)}`, { method: 'POST', token: editor, body: { title: 'Lịch sai ngày', weekOf: '2026-12-01', items: [] } });
      expect(tuesday.status).toBe(400);
      expect(tuesday.body.error.message).toBe('Ngày bắt đầu tuần phải là thứ Hai.');
      const outside = await request(`${cms.url}${CM(WEEK)}`, {
        method: 'POST',
        token: editor,
        body: { title: 'Lịch có mục ngoài tuần', weekOf: '2026-11-30', items: [{ day: '2026-11-30', content: 'Họp giao ban' }, { day: '2026-12-07', content: 'Tiếp công dân' }] },
      });
      expect(outside.status).toBe(400);
      expect(outside.body.error.message).toBe('Mục lịch thứ 2: ngày không thuộc tuần từ 30/11/2026 đến 06/12/2026.');
      expect(await cms.strapi.db.query(WEEK).count({ where: { title: { $in: ['Lịch sai ngày', 'Lịch có mục ngoài tuần'] } } })).toBe(0);
    });
  });

  describe('Hỏi đáp (issue 13, part c)', () => {
    const QUESTION = 'api::question.question';
    const questions = () => cms.strapi.documents(QUESTION);
    const asked = { title: 'Hỏi về lịch thu gom rác thải ở thôn Phú Thượng', askerName: 'Lý Thị Sen', email: 'sen.ly@example.vn', phone: '0911 222 333', content: 'Xin hỏi xe thu gom rác đến thôn vào những ngày nào trong tuần?' };
    /** Every question the build token can read, as the REST API answers it. */
    const buildRead = async (query = '') => request(`${cms.url}/api/questions?pagination[pageSize]=100&populate=*${query}`, { token: cms.buildToken });

    test('seeds the answered demo questions published and the others as drafts waiting for an answer', async () => {
      const answered = DEMO_QUESTIONS.filter((q) => q.answer);
      expect(answered.length).toBeGreaterThanOrEqual(8);
      expect(new Set(answered.map((q) => q.sector)).size).toBeGreaterThanOrEqual(4);
      const published = (await questions().findMany({ status: 'published', populate: ['sector'] })) as unknown as Array<{ title: string; answer: string; sector: { name: string } | null }>;
      expect(published.map((q) => q.title).sort()).toEqual(answered.map((q) => q.title).sort());
      for (const q of published) expect(q.answer.length, q.title).toBeGreaterThan(0);
      const waiting = DEMO_QUESTIONS.filter((q) => !q.answer).map((q) => q.title);
      expect(waiting).toHaveLength(2);
      for (const title of waiting) expect(await cms.strapi.db.query(QUESTION).count({ where: { title, publishedAt: { $notNull: true } } }), title).toBe(0);
    });

    test('the question token creates a draft question in a sector, even when it asks to publish, and its answer carries no email or phone', async () => {
      const sectors = await request(`${cms.url}/api/sectors?filters[slug][$eq]=dat-dai`, { token: cms.questionToken });
      expect(sectors.status).toBe(200);
      const sector = sectors.body.data[0].documentId as string;
      const sent = await request(`${cms.url}/api/questions?status=published`, { method: 'POST', token: cms.questionToken, body: { data: { ...asked, sector } } });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      expect(sent.body.data.publishedAt).toBeNull();
      expect(JSON.stringify(sent.body)).not.toContain(asked.email);
      expect(JSON.stringify(sent.body)).not.toContain(asked.phone);
      const rows = await cms.strapi.db.query(QUESTION).findMany({ where: { title: asked.title } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ publishedAt: null, email: asked.email, phone: asked.phone, askerName: asked.askerName, slug: 'hoi-ve-lich-thu-gom-rac-thai-o-thon-phu-thuong' });
      const [stored] = (await questions().findMany({ status: 'draft', filters: { title: asked.title } as never, populate: ['sector'] })) as unknown as Array<{ sector: { slug: string } }>;
      expect(stored!.sector.slug).toBe('dat-dai');
    });

    test('the question token can do nothing else: not read, update, delete or publish questions, nor touch another type but read sectors', async () => {
      const draft = await cms.strapi.db.query(QUESTION).findOne({ where: { title: DEMO_QUESTIONS.find((q) => !q.answer)!.title } });
      const [published] = await questions().findMany({ status: 'published', limit: 1 });
      const token = cms.questionToken;
      const attempts = {
        find: request(`${cms.url}/api/questions`, { token }),
        findDrafts: request(`${cms.url}/api/questions?status=draft`, { token }),
        findOne: request(`${cms.url}/api/questions/${published!.documentId}`, { token }),
        update: request(`${cms.url}/api/questions/${draft.documentId}`, { method: 'PUT', token, body: { data: { answer: 'Trả lời giả.' } } }),
        publish: request(`${cms.url}/api/questions/${draft.documentId}?status=published`, { method: 'PUT', token, body: { data: { answer: 'Trả lời giả.' } } }),
        delete: request(`${cms.url}/api/questions/${published!.documentId}`, { method: 'DELETE', token }),
        articles: request(`${cms.url}/api/articles`, { token }),
        comment: request(`${cms.url}/api/comments`, { method: 'POST', token, body: { data: { name: 'Giả', content: 'Giả' } } }),
        article: request(`${cms.url}/api/articles`, { method: 'POST', token, body: { data: { title: 'Tin giả', body: 'x' } } }),
        upload: request(`${cms.url}/api/upload/files`, { token }),
      };
      for (const [what, res] of Object.entries(attempts)) expect((await res).status, what).toBe(403);
      expect(await cms.strapi.db.query(QUESTION).count({ where: { answer: 'Trả lời giả.' } })).toBe(0);
      expect(await cms.strapi.db.query(QUESTION).count({ where: { documentId: draft.documentId, publishedAt: { $notNull: true } } })).toBe(0);
      expect((await request(`${cms.url}/admin/users`, { token })).status).toBe(401);
    });

    test('publishing a question without an answer is refused in Vietnamese: from the admin, the Document Service, an update that publishes', async () => {
      const created = await request(`${cms.url}${CM(QUESTION)}`, { method: 'POST', token: editor, body: { title: 'Câu hỏi chưa trả lời để kiểm thử', askerName: 'Người thử', content: 'Nội dung thử.' } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const documentId = created.body.data.documentId as string;
      const byAdmin = await request(`${cms.url}${CM(QUESTION)}/${documentId}/actions/publish`, { method: 'POST', token: editor, body: {} });
      expect(byAdmin.status).toBe(400);
      expect(byAdmin.body.error.message).toBe(ANSWER_REQUIRED);
      expect(byAdmin.body.error.details.errors[0].path).toEqual(['answer']);
      // An answer of spaces is no answer.
      const blank = await request(`${cms.url}${CM(QUESTION)}/${documentId}/actions/publish`, { method: 'POST', token: editor, body: { title: 'Câu hỏi chưa trả lời để kiểm thử', askerName: 'Người thử', content: 'Nội dung thử.', answer: '  \n ' } });
      expect(blank.status).toBe(400);
      const byService = await questions().publish({ documentId }).catch((e: Error) => e);
      expect((byService as Error).message).toBe(ANSWER_REQUIRED);
      const update = await questions().update({ documentId, data: { answeredBy: 'Văn phòng UBND xã' } as never, status: 'published' }).catch((e: Error) => e);
      expect((update as Error).message).toBe(ANSWER_REQUIRED);
      // A create that asks to publish makes a draft, as for every question a reader sends.
      const direct = (await questions().create({ data: { title: 'Câu hỏi đăng thẳng', askerName: 'Người thử', content: 'Thử.' } as never, status: 'published' })) as unknown as { publishedAt: string | null };
      expect(direct.publishedAt).toBeNull();
      expect(await cms.strapi.db.query(QUESTION).count({ where: { title: { $in: ['Câu hỏi chưa trả lời để kiểm thử', 'Câu hỏi đăng thẳng'] }, publishedAt: { $notNull: true } } })).toBe(0);

      // With the answer written, the editor publishes it and the build reads it.
      const answered = await request(`${cms.url}${CM(QUESTION)}/${documentId}/actions/publish`, {
        method: 'POST', token: editor, body: { title: 'Câu hỏi chưa trả lời để kiểm thử', askerName: 'Người thử', content: 'Nội dung thử.', answer: 'Đã có **câu trả lời**.', answeredBy: 'Văn phòng UBND xã' },
      });
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
      expect(((await buildRead()).body.data as Array<{ title: string }>).map((q) => q.title)).toContain('Câu hỏi chưa trả lời để kiểm thử');
    });

    test("the build token's answer carries no asker's email or phone, and they cannot be found by filtering or sorting", async () => {
      const all = await buildRead();
      expect(all.status).toBe(200);
      const text = JSON.stringify(all.body);
      for (const q of DEMO_QUESTIONS) {
        if (q.email) expect(text).not.toContain(q.email);
        if (q.phone) expect(text).not.toContain(q.phone);
      }
      for (const q of all.body.data as Array<Record<string, unknown>>) {
        expect(q).not.toHaveProperty('email');
        expect(q).not.toHaveProperty('phone');
      }
      const withEmail = DEMO_QUESTIONS.find((q) => q.answer && q.email)!;
      const asks = [
        await buildRead(`&fields[0]=title&fields[1]=email&fields[2]=phone`),
        await buildRead(`&filters[email][$eq]=${encodeURIComponent(withEmail.email!)}`),
        await buildRead(`&filters[email][$eq]=khong-co%40example.vn`),
        await buildRead(`&sort=phone:asc`),
      ];
      for (const res of asks) expect(JSON.stringify(res.body)).not.toMatch(/example\.vn|09\d\d \d{3} \d{3}/);
      // A filter on the private field either is refused or matches nothing the site could tell apart.
      expect(asks[1]!.status).toBe(asks[2]!.status);
      expect(JSON.stringify(asks[1]!.body.data ?? null)).toBe(JSON.stringify(asks[2]!.body.data ?? null));
    });

    test("a question's slug never takes an address of the site's Hỏi đáp pages", async () => {
      const made = await questions().create({ data: { title: 'Gửi câu hỏi', askerName: 'Người thử', content: 'Thử.' } as never });
      expect((made as unknown as { slug: string }).slug).toBe('gui-cau-hoi-2');
      const other = await questions().create({ data: { title: 'Lĩnh vực', askerName: 'Người thử', content: 'Thử.' } as never });
      expect((other as unknown as { slug: string }).slug).toBe('linh-vuc-2');
    });

    test("a disclosure's or a procedure's slug never takes an address of its section's own pages (the site build would refuse it)", async () => {
      const disclosure = await cms.strapi.documents('api::disclosure.disclosure').create({ data: { title: 'Năm', kind: 'Khác', year: 2026, publishedOn: '2026-11-30', slug: 'nam' } as never });
      expect((disclosure as unknown as { slug: string }).slug).toBe('nam-2');
      const procedure = await cms.strapi.documents('api::procedure.procedure').create({ data: { name: 'Lĩnh vực', agency: 'UBND xã Tân Hòa', onlineLevel: 'Một phần' } as never });
      expect((procedure as unknown as { slug: string }).slug).toBe('linh-vuc-2');
      await cms.strapi.documents('api::disclosure.disclosure').delete({ documentId: disclosure.documentId });
      await cms.strapi.documents('api::procedure.procedure').delete({ documentId: procedure.documentId });
    });
  });

  describe('Vietnamese admin', () => {
    test('labels the model in Vietnamese in the content manager', async () => {
      const res = await request(`${cms.url}/content-manager/content-types/${ARTICLE}/configuration`, { token: superAdmin });
      expect(res.status).toBe(200);
      const { metadatas, settings } = res.body.data.contentType;
      expect(metadatas.title.edit.label).toBe('Tiêu đề');
      expect(metadatas.body.edit.label).toBe('Nội dung');
      expect(metadatas.category.edit.mainField).toBe('name');
      // A relation shows its target's main field: a comment's article by its title.
      const comment = await request(`${cms.url}/content-manager/content-types/api::comment.comment/configuration`, { token: superAdmin });
      expect(comment.body.data.contentType.metadatas.article.edit.mainField).toBe('title');
      expect(metadatas.updatedAt.list.label).toBe('Cập nhật lúc');
      expect(settings.mainField).toBe('title');
    });

    test("titles each item of a week's schedule by its content, and names a related document by its số/ký hiệu", async () => {
      const item = await request(`${cms.url}/content-manager/components/schedule.item/configuration`, { token: superAdmin });
      expect(item.status).toBe(200);
      expect(item.body.data.component.settings.mainField).toBe('content');
      expect(item.body.data.component.metadatas.chair.edit.label).toBe('Chủ trì');
      const relation = await request(`${cms.url}/content-manager/components/documents.relation/configuration`, { token: superAdmin });
      expect(relation.body.data.component.metadatas.document.edit.mainField).toBe('number');
      const documents = await request(`${cms.url}/content-manager/content-types/api::legal-document.legal-document/configuration`, { token: superAdmin });
      expect(documents.body.data.contentType.settings.mainField).toBe('number');
      expect(documents.body.data.contentType.metadatas.kind.edit.mainField).toBe('name');
    });

    test('logs only warnings inside the tests (CMS_LOG_LEVEL, http elsewhere)', () => {
      expect(cms.strapi.log.level).toBe('warn');
    });

    test('makes Vietnamese the language of every admin user', async () => {
      const users = await cms.strapi.db.query('admin::user').findMany({ select: ['email', 'preferedLanguage'] });
      expect(users.length).toBeGreaterThanOrEqual(4);
      for (const user of users) expect(user.preferedLanguage, user.email).toBe('vi');
    });
  });

  describe('scheduled publishing (Hẹn giờ đăng / gỡ)', () => {
    const docs = () => cms.strapi.documents(ARTICLE);
    const isPublished = async (documentId: string) => (await docs().findOne({ documentId, status: 'published' })) !== null;

    test('publishes a draft when its time comes, not before, and only once', async () => {
      const at = new Date(Date.UTC(2030, 0, 15, 1, 30));
      const draft = (await docs().create({ data: { title: 'Thông tin hẹn giờ đăng lúc 8 giờ 30', body: 'Nội dung.', publishAt: at.toISOString() } as never })) as unknown as { documentId: string };
      const early = await runScheduledPublishing(cms.strapi, new Date(at.getTime() - 60_000));
      expect(early.published).not.toContain(draft.documentId);
      expect(await isPublished(draft.documentId)).toBe(false);
      const due = await runScheduledPublishing(cms.strapi, new Date(at.getTime() + 1_000));
      expect(due.published).toContain(draft.documentId);
      expect(await isPublished(draft.documentId)).toBe(true);
      const published = (await docs().findOne({ documentId: draft.documentId, status: 'published' })) as unknown as { publishAt: string | null };
      expect(published.publishAt).toBeNull();
      expect((await runScheduledPublishing(cms.strapi, new Date(at.getTime() + 120_000))).published).not.toContain(draft.documentId);
    });

    test('unpublishes an entry when its removal time comes', async () => {
      const at = new Date(Date.UTC(2030, 1, 1, 10, 0));
      const doc = (await docs().create({ data: { title: 'Tin tạm thời, tự gỡ sau hội nghị', body: 'Nội dung.', unpublishAt: at.toISOString() } as never, status: 'published' })) as unknown as { documentId: string };
      expect((await runScheduledPublishing(cms.strapi, new Date(at.getTime() - 1_000))).unpublished).not.toContain(doc.documentId);
      expect(await isPublished(doc.documentId)).toBe(true);
      expect((await runScheduledPublishing(cms.strapi, at)).unpublished).toContain(doc.documentId);
      expect(await isPublished(doc.documentId)).toBe(false);
      expect(await docs().findOne({ documentId: doc.documentId, status: 'draft' })).not.toBeNull();
    });

    test('refuses a removal time before the publish time, in Vietnamese', async () => {
      await expect(docs().create({ data: { title: 'Lịch sai', body: 'x', publishAt: '2030-03-02T01:00:00.000Z', unpublishAt: '2030-03-01T01:00:00.000Z' } as never })).rejects.toThrow('Hẹn giờ gỡ: phải sau thời điểm hẹn giờ đăng.');
    });

    test('runs as a Strapi cron task', () => {
      const tasks = cms.strapi.config.get('server.cron.tasks') as Record<string, { options: { rule: string } }>;
      expect(tasks.congScheduledPublishing?.options.rule).toBe('0 * * * * *');
    });
  });

  describe('portals (issue 14)', () => {
    test('an install from before portals is migrated on start: its settings become the first portal and every entry is that portal\'s, nothing lost', async () => {
      const strapi = cms.strapi;
      const knex = strapi.db.connection;
      const PORTAL = 'api::portal.portal';
      const LEGACY = 'api::site-setting.site-setting';
      const owned = contentTypes.filter((t) => PORTAL_FIELD in t.attributes);
      const linkTable = (uid: string) => (strapi.db.metadata.get(uid as never).attributes[PORTAL_FIELD] as { joinTable: { name: string } }).joinTable.name;
      const counts = async () => Object.fromEntries(await Promise.all(owned.map(async (t) => [t.uid, await strapi.db.query(t.uid as never).count({})] as const)));
      const before = await counts();
      expect(before['api::article.article']).toBeGreaterThan(DEMO_ARTICLE_COUNT);
      // What today's main leaves: the settings in the single type "Cấu hình cổng", no portal, no entry linked to one.
      const current = (await strapi.documents(PORTAL).findFirst({ sort: 'id:asc', populate: ['mainMenu', 'serviceLinks', 'emblem', 'mapImage'] })) as unknown as Record<string, unknown> & { mainMenu: Array<{ label: string; url: string }>; serviceLinks: Array<{ label: string; url: string }> };
      const strip = (items: Array<{ label: string; url: string }>) => items.map(({ label, url }) => ({ label, url }));
      const legacy = { ...AGENCY, mainMenu: strip(current.mainMenu), serviceLinks: strip(current.serviceLinks), footerText: 'Chân trang trước khi có nhiều cổng' };
      await strapi.documents(LEGACY as never).create({ data: legacy as never });
      for (const type of owned) await knex(linkTable(type.uid)).del();
      await knex(strapi.db.metadata.get(PORTAL as never).tableName).del();
      expect(await strapi.db.query(PORTAL).count({})).toBe(0);

      await ensurePortals(strapi);

      const portals = (await strapi.documents(PORTAL).findMany({ populate: ['mainMenu', 'serviceLinks'] })) as unknown as Array<Record<string, unknown> & { id: number; mainMenu: Array<{ label: string; url: string }> }>;
      expect(portals).toHaveLength(1);
      const [first] = portals;
      expect(first).toMatchObject({ agencyName: AGENCY.agencyName, slug: portalCodeOf(AGENCY.agencyName), footerText: legacy.footerText, documentExchangeUrl: AGENCY.documentExchangeUrl, enabled: true });
      expect(strip(first!.mainMenu)).toEqual(legacy.mainMenu);
      expect(await counts()).toEqual(before);
      for (const type of owned) {
        const total = await strapi.db.query(type.uid as never).count({});
        const ofFirst = await strapi.db.query(type.uid as never).count({ where: { [PORTAL_FIELD]: { id: first!.id } } });
        expect(ofFirst, type.uid).toBe(total);
      }
      // The build token reads the portal and its entries as before.
      const read = await request(`${cms.url}/api/portals`, { token: cms.buildToken });
      expect(read.body.data.map((p: { agencyName: string }) => p.agencyName)).toEqual([AGENCY.agencyName]);
      // A second start changes nothing.
      await ensurePortals(strapi);
      expect(await strapi.db.query(PORTAL).count({})).toBe(1);
    });

    test('npm run portal: add checks every option and names it; list shows the first portal first; disable and enable', async () => {
      const strapi = cms.strapi;
      const [first] = await listPortals(strapi);
      await expect(addPortal(strapi, { name: '', domains: ['x.example.vn'] })).rejects.toThrow('--name is required');
      await expect(addPortal(strapi, { name: 'Ủy ban nhân dân tỉnh Thử', domains: [] })).rejects.toThrow('--domain is required');
      await expect(addPortal(strapi, { name: 'Ủy ban nhân dân tỉnh Thử', domains: ['bad host/'] })).rejects.toThrow('--domain "bad host/" is not a host name');
      await expect(addPortal(strapi, { name: 'Ủy ban nhân dân tỉnh Thử', domains: ['thu.example.vn'], parent: 'khong-co' })).rejects.toThrow('--parent "khong-co" is no portal\'s code');
      await expect(addPortal(strapi, { name: 'Ủy ban nhân dân tỉnh Thử', domains: ['thu.example.vn'], level: 'huyen' })).rejects.toThrow('--level must be one of');
      await expect(addPortal(strapi, { name: 'Ủy ban nhân dân tỉnh Thử', domains: ['thu.example.vn'], code: first!.code })).rejects.toThrow(`a portal with the code "${first!.code}" exists already`);
      const province = await addPortal(strapi, { name: 'Ủy ban nhân dân tỉnh Thử Nghiệm', domains: ['ThuNghiem.Example.vn'] });
      expect(province).toMatchObject({ code: 'tinh-thu-nghiem', level: 'Tỉnh, thành phố', parent: null, domains: ['thunghiem.example.vn'], enabled: true });
      const commune = await addPortal(strapi, { name: 'Ủy ban nhân dân xã Đồng Thử', domains: ['dongthu.thunghiem.example.vn'], parent: province.code });
      expect(commune).toMatchObject({ code: 'xa-dong-thu', level: 'Xã, phường, đặc khu', parent: 'tinh-thu-nghiem' });
      await expect(addPortal(strapi, { name: 'Ủy ban nhân dân xã Khác', domains: ['dongthu.thunghiem.example.vn'] })).rejects.toThrow('is the portal "xa-dong-thu"\'s already');
      expect((await listPortals(strapi)).map((p) => p.code)).toEqual([first!.code, province.code, commune.code]);
      await expect(setPortalEnabled(strapi, first!.code, false)).rejects.toThrow('cannot be disabled');
      expect((await setPortalEnabled(strapi, commune.code, false)).enabled).toBe(false);
      expect((await listPortals(strapi)).find((p) => p.code === commune.code)!.enabled).toBe(false);
      await setPortalEnabled(strapi, commune.code, true);
      // Leave the suite's install with one portal, as the other tests expect.
      for (const code of [commune.code, province.code]) {
        const row = (await strapi.db.query('api::portal.portal').findOne({ where: { slug: code } })) as { documentId: string };
        await strapi.documents('api::portal.portal').delete({ documentId: row.documentId });
      }
    });

    test('an entry created without a portal belongs to the first one', async () => {
      const first = (await cms.strapi.db.query('api::portal.portal').findOne({ orderBy: { id: 'asc' } })) as { id: number };
      const doc = (await cms.strapi.documents('api::link.link').create({ data: { title: 'Cổng dịch vụ công thử', url: 'https://dichvucong.example.vn' } as never, populate: [PORTAL_FIELD] })) as unknown as { documentId: string; portal: { id: number } | null };
      expect(doc.portal?.id).toBe(first.id);
      await cms.strapi.documents('api::link.link').delete({ documentId: doc.documentId });
    });
  });
}

/**
 * Editors and build tokens fenced to their portals (issue 14, item 2), against a real Strapi on
 * SQLite and on PostgreSQL, through the admin API as the admin panel calls it: two editors of two
 * communes and one account of the province's IT centre ("Quản trị các cổng").
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPortalRegistry } from '../../content-types/src/portals';
import { contentTypes } from '../../content-types/src/model';
import { stampQuery, toStamp } from '../../content-types/src/stamp';
import { EDITOR_ROLE, AUTHOR_ROLE } from '../../cms/src/bootstrap/editor-roles';
import { ALL_PORTALS_ROLE, NO_PORTAL_GIVEN, NOT_YOUR_PORTAL, OTHER_PORTAL_FILE, unfenceToken } from '../../cms/src/lib/portal-fence';
import { ensurePortals } from '../../cms/src/bootstrap/portals';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { request } from '../helpers/http';

const ARTICLE = 'api::article.article';
const CATEGORY = 'api::category.category';
const PORTAL = 'api::portal.portal';
const CM = (model: string) => `/content-manager/collection-types/${model}`;
const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

interface Portal {
  id: number;
  documentId: string;
  slug: string;
}

export function definePortalsSuite(database: 'sqlite' | 'postgres'): void {
  let cms: CmsHarness;
  let tanHoa: Portal;
  let phuMy: Portal;
  /** Admin sessions, each logged in once (login is rate-limited). */
  let editorA: string;
  let authorA: string;
  let editorB: string;
  let province: string;
  const docs: Record<string, string> = {};
  const doc = (key: string): string => docs[key]!;

  async function createAdmin(email: string, roleCodes: string[]): Promise<string> {
    const roles = await cms.strapi.db.query('admin::role').findMany({ where: { code: { $in: roleCodes } } });
    expect(roles.length, roleCodes.join()).toBe(roleCodes.length);
    const password = 'Thu-nghiem-2026';
    await (cms.strapi.service('admin::user') as any).create({ email, firstname: 'Thử', lastname: 'Nghiệm', password, isActive: true, roles: roles.map((r: { id: number }) => r.id) });
    const login = await request(`${cms.url}/admin/login`, { method: 'POST', body: { email, password } });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    return login.body.data.token as string;
  }

  async function createPortal(agencyName: string, slug: string, domains: string): Promise<Portal> {
    return (await cms.strapi.documents(PORTAL).create({ data: { agencyName, slug, domains, level: 'Xã, phường, đặc khu', enabled: true } as never })) as unknown as Portal;
  }

  async function seed(portal: Portal, prefix: string, label: string): Promise<void> {
    const category = await cms.strapi.documents(CATEGORY).create({ data: { name: `Chuyên mục ${label}`, portal: portal.documentId } as never });
    docs[`${prefix}-category`] = category.documentId;
    const article = await cms.strapi.documents(ARTICLE).create({
      data: { title: `Tin riêng của ${label}`, body: 'Nội dung.', category: category.documentId, portal: portal.documentId } as never,
      status: 'published',
    });
    docs[`${prefix}-article`] = article.documentId;
  }

  const tokenOf = (code: string) => readFileSync(path.join(cms.dataDir, 'portal-tokens', code), 'utf8').trim();

  beforeAll(async () => {
    cms = await startCms(database);
    tanHoa = await createPortal('Ủy ban nhân dân xã Tân Hòa', 'xa-tan-hoa', 'tanhoa.lamgiang.gov.vn\nxa-tan-hoa.localhost');
    phuMy = await createPortal('Ủy ban nhân dân xã Phú Mỹ', 'xa-phu-my', 'phumy.lamgiang.gov.vn');
    await seed(tanHoa, 'a', 'Tân Hòa');
    await seed(phuMy, 'b', 'Phú Mỹ');
    editorA = await createAdmin('bientap@tanhoa.test', [EDITOR_ROLE.code, 'cong-portal-xa-tan-hoa']);
    authorA = await createAdmin('tacgia@tanhoa.test', [AUTHOR_ROLE.code, 'cong-portal-xa-tan-hoa']);
    editorB = await createAdmin('bientap@phumy.test', [EDITOR_ROLE.code, 'cong-portal-xa-phu-my']);
    province = await createAdmin('cntt@lamgiang.test', [EDITOR_ROLE.code, ALL_PORTALS_ROLE.code]);
  });

  afterAll(async () => {
    await cms?.close();
  });

  describe('portal roles, tokens and the registry', () => {
    test('each portal has its role, named for its agency, with no permissions of its own', async () => {
      const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'cong-portal-xa-tan-hoa' }, populate: ['permissions'] });
      expect(role.name).toBe('Cổng: Ủy ban nhân dân xã Tân Hòa');
      expect(role.description).toContain('chỉ thấy và sửa nội dung của cổng này');
      expect(role.permissions).toEqual([]);
      const all = await cms.strapi.db.query('admin::role').findOne({ where: { code: ALL_PORTALS_ROLE.code } });
      expect(all.name).toBe('Quản trị các cổng');
    });

    test('the registry lists every portal, the primary first, each with its token file (mode 600)', () => {
      const registry = readPortalRegistry(cms.dataDir)!;
      expect(registry.portals.map((p) => p.code).slice(1)).toEqual(['xa-tan-hoa', 'xa-phu-my']);
      const [primary, a] = registry.portals;
      expect(primary!.primary).toBe(true);
      expect(a).toMatchObject({ name: 'Ủy ban nhân dân xã Tân Hòa', level: 'Xã, phường, đặc khu', parent: null, domains: ['tanhoa.lamgiang.gov.vn', 'xa-tan-hoa.localhost'], enabled: true, primary: false, tokenFile: 'portal-tokens/xa-tan-hoa' });
      for (const portal of registry.portals) {
        const file = path.join(cms.dataDir, portal.tokenFile!);
        expect(mode(file), file).toBe('600');
        expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{40,}$/);
      }
      // The primary portal's token is the existing build token.
      expect(tokenOf(primary!.code)).toBe(cms.buildToken);
      expect(tokenOf('xa-tan-hoa')).not.toBe(tokenOf('xa-phu-my'));
    });

    test('renaming, adding and deleting a portal follows into its role, token and the registry', async () => {
      await cms.strapi.documents(PORTAL).update({ documentId: phuMy.documentId, data: { agencyName: 'Ủy ban nhân dân xã Phú Mỹ (mới)', parent: tanHoa.documentId } as never });
      expect((await cms.strapi.db.query('admin::role').findOne({ where: { code: 'cong-portal-xa-phu-my' } })).name).toBe('Cổng: Ủy ban nhân dân xã Phú Mỹ (mới)');
      expect(readPortalRegistry(cms.dataDir)!.portals[2]).toMatchObject({ name: 'Ủy ban nhân dân xã Phú Mỹ (mới)', parent: 'xa-tan-hoa' });
      const extra = await createPortal('Ủy ban nhân dân phường Tạm', 'phuong-tam', 'tam.lamgiang.gov.vn');
      expect(readPortalRegistry(cms.dataDir)!.portals.map((p) => p.code)).toContain('phuong-tam');
      const key = tokenOf('phuong-tam');
      expect((await request(`${cms.url}/api/articles`, { token: key })).status).toBe(200);
      await cms.strapi.documents(PORTAL).delete({ documentId: extra.documentId });
      expect(readPortalRegistry(cms.dataDir)!.portals.map((p) => p.code)).not.toContain('phuong-tam');
      expect(existsSync(path.join(cms.dataDir, 'portal-tokens', 'phuong-tam'))).toBe(false);
      expect((await request(`${cms.url}/api/articles`, { token: key })).status).toBe(401);
      expect(await cms.strapi.db.query('admin::role').findOne({ where: { code: 'cong-portal-phuong-tam' } })).toBeNull();
    });
  });

  describe('the admin panel shows each editor their portal only', () => {
    const titles = (body: { results: Array<{ title?: string; name?: string; agencyName?: string }> }) => body.results.map((r) => r.title ?? r.name ?? r.agencyName);

    test('lists', async () => {
      const a = await request(`${cms.url}${CM(ARTICLE)}?page=1&pageSize=100`, { token: editorA });
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      expect(titles(a.body)).toEqual(['Tin riêng của Tân Hòa']);
      const b = await request(`${cms.url}${CM(ARTICLE)}?page=1&pageSize=100`, { token: editorB });
      expect(titles(b.body)).toEqual(['Tin riêng của Phú Mỹ']);
      const author = await request(`${cms.url}${CM(CATEGORY)}?page=1&pageSize=100`, { token: authorA });
      expect(titles(author.body)).toEqual(['Chuyên mục Tân Hòa']);
      const all = await request(`${cms.url}${CM(ARTICLE)}?page=1&pageSize=100`, { token: province });
      expect(titles(all.body).sort()).toEqual(['Tin riêng của Phú Mỹ', 'Tin riêng của Tân Hòa']);
    });

    test('once there are several portals, an account in no portal role sees no entry', async () => {
      const none = await createAdmin('chuagan@lamgiang.test', [EDITOR_ROLE.code]);
      const list = await request(`${cms.url}${CM(ARTICLE)}?page=1&pageSize=100`, { token: none });
      expect([200, 403]).toContain(list.status);
      expect(list.body.results ?? []).toEqual([]);
      expect((await request(`${cms.url}${CM(ARTICLE)}/${doc('a-article')}`, { token: none })).status).toBe(403);
      // …and creates nothing (it would land in the first portal).
      const created = await request(`${cms.url}${CM(ARTICLE)}`, { method: 'POST', token: none, body: { title: 'Tin của tài khoản chưa gán cổng', body: 'x' } });
      expect(created.status).toBe(400);
      expect(created.body.error.message).toBe(NO_PORTAL_GIVEN);
      expect(await cms.strapi.db.query(ARTICLE).count({ where: { title: 'Tin của tài khoản chưa gán cổng' } })).toBe(0);
    });

    test("copying (clone) another portal's entry is refused, into either portal; copying one's own works", async () => {
      for (const body of [{}, { portal: { connect: [{ id: phuMy.id, documentId: phuMy.documentId }] } }]) {
        const copy = await request(`${cms.url}${CM(ARTICLE)}/clone/${doc('a-article')}`, { method: 'POST', token: editorB, body: { title: 'Bản sao tin Tân Hòa', body: 'x', ...body } });
        expect(copy.status, JSON.stringify(copy.body)).toBeGreaterThanOrEqual(400);
      }
      expect(await cms.strapi.db.query(ARTICLE).count({ where: { title: 'Bản sao tin Tân Hòa' } })).toBe(0);
      const own = await request(`${cms.url}${CM(ARTICLE)}/clone/${doc('b-article')}`, { method: 'POST', token: editorB, body: { title: 'Bản sao tin Phú Mỹ', slug: 'ban-sao-tin-phu-my', body: 'x' } });
      expect(own.status, JSON.stringify(own.body)).toBeLessThan(300);
    });

    test('search', async () => {
      const found = await request(`${cms.url}${CM(ARTICLE)}?page=1&pageSize=10&_q=${encodeURIComponent('Phú Mỹ')}`, { token: editorA });
      expect(found.status).toBe(200);
      expect(found.body.results).toEqual([]);
      const own = await request(`${cms.url}${CM(ARTICLE)}?page=1&pageSize=10&_q=${encodeURIComponent('Tân Hòa')}`, { token: editorA });
      expect(titles(own.body)).toEqual(['Tin riêng của Tân Hòa']);
    });

    test('a single entry of the other portal: read, update, publish, delete refused', async () => {
      const mine = await request(`${cms.url}${CM(ARTICLE)}/${doc('a-article')}`, { token: editorA });
      expect(mine.status).toBe(200);
      expect(mine.body.data.title).toBe('Tin riêng của Tân Hòa');
      const id = doc('b-article');
      const read = await request(`${cms.url}${CM(ARTICLE)}/${id}`, { token: editorA });
      expect(read.status).toBe(403);
      expect(JSON.stringify(read.body)).not.toContain('Phú Mỹ');
      expect((await request(`${cms.url}${CM(ARTICLE)}/${id}`, { method: 'PUT', token: editorA, body: { title: 'Sửa trộm' } })).status).toBe(403);
      expect((await request(`${cms.url}${CM(ARTICLE)}/${id}/actions/publish`, { method: 'POST', token: editorA, body: {} })).status).toBe(403);
      expect((await request(`${cms.url}${CM(ARTICLE)}/${id}`, { method: 'DELETE', token: editorA })).status).toBe(403);
      expect((await request(`${cms.url}${CM(ARTICLE)}/${id}`, { token: province })).status).toBe(200);
      const after = await cms.strapi.documents(ARTICLE).findOne({ documentId: id });
      expect(after?.title).toBe('Tin riêng của Phú Mỹ');
    });

    test("an author edits their own drafts in their portal only", async () => {
      const created = await request(`${cms.url}${CM(ARTICLE)}`, { method: 'POST', token: authorA, body: { title: 'Bài của tác giả Tân Hòa', body: 'x' } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const own = created.body.data.documentId as string;
      const updated = await request(`${cms.url}${CM(ARTICLE)}/${own}`, { method: 'PUT', token: authorA, body: { title: 'Bài của tác giả Tân Hòa (sửa)' } });
      expect(updated.status).toBe(200);
      expect(updated.body.data.title).toBe('Bài của tác giả Tân Hòa (sửa)');
      // Another's entry of the same portal: read yes, update no (is-creator and portal, both).
      expect((await request(`${cms.url}${CM(ARTICLE)}/${doc('a-article')}`, { token: authorA })).status).toBe(200);
      expect((await request(`${cms.url}${CM(ARTICLE)}/${doc('a-article')}`, { method: 'PUT', token: authorA, body: { title: 'x' } })).status).toBe(403);
    });

    test('the relations picker offers the portal\'s own entries', async () => {
      const picker = await request(`${cms.url}/content-manager/relations/${ARTICLE}/category?pageSize=100`, { token: editorA });
      expect(picker.status, JSON.stringify(picker.body)).toBe(200);
      expect(picker.body.results.map((r: { name: string }) => r.name)).toEqual(['Chuyên mục Tân Hòa']);
      const portals = await request(`${cms.url}/content-manager/relations/${ARTICLE}/portal?pageSize=100`, { token: editorA });
      expect(portals.status).toBe(200);
      expect(portals.body.results.map((r: { agencyName: string }) => r.agencyName)).toEqual(['Ủy ban nhân dân xã Tân Hòa']);
    });

    test("the Cổng type: an editor reads and updates their portal's settings only, never creates or deletes one", async () => {
      const list = await request(`${cms.url}${CM(PORTAL)}?page=1&pageSize=100`, { token: editorA });
      expect(list.status).toBe(200);
      expect(list.body.results.map((r: { slug: string }) => r.slug)).toEqual(['xa-tan-hoa']);
      expect((await request(`${cms.url}${CM(PORTAL)}/${phuMy.documentId}`, { token: editorA })).status).toBe(403);
      expect((await request(`${cms.url}${CM(PORTAL)}/${phuMy.documentId}`, { method: 'PUT', token: editorA, body: { agencyName: 'Chiếm cổng' } })).status).toBe(403);
      const own = await request(`${cms.url}${CM(PORTAL)}/${tanHoa.documentId}`, { method: 'PUT', token: editorA, body: { hotline: '0270 3888 999' } });
      expect(own.status, JSON.stringify(own.body)).toBe(200);
      // What places the portal in the install (code, host names, level, on/off) is the operator's: an editor's change is not saved.
      await request(`${cms.url}${CM(PORTAL)}/${tanHoa.documentId}`, { method: 'PUT', token: editorA, body: { domains: 'phumy.lamgiang.gov.vn\nlocalhost', slug: 'chiem-cong', enabled: false, level: 'Tỉnh, thành phố' } });
      const stored = (await cms.strapi.db.query(PORTAL).findOne({ where: { id: tanHoa.id } })) as { slug: string; domains: string; enabled: boolean; level: string; hotline: string };
      expect(stored).toMatchObject({ slug: 'xa-tan-hoa', domains: 'tanhoa.lamgiang.gov.vn\nxa-tan-hoa.localhost', enabled: true, level: 'Xã, phường, đặc khu', hotline: '0270 3888 999' });
      expect((await request(`${cms.url}${CM(PORTAL)}`, { method: 'POST', token: editorA, body: { agencyName: 'Cổng mới', slug: 'cong-moi' } })).status).toBe(403);
      expect((await request(`${cms.url}${CM(PORTAL)}/${tanHoa.documentId}`, { method: 'DELETE', token: editorA })).status).toBe(403);
    });
  });

  describe('saving into another portal is refused', () => {
    test("a create without a portal goes to the editor's portal; one into another portal is refused, naming the field", async () => {
      const plain = await request(`${cms.url}${CM(ARTICLE)}`, { method: 'POST', token: editorB, body: { title: 'Tin mới Phú Mỹ', body: 'x' } });
      expect(plain.status, JSON.stringify(plain.body)).toBe(201);
      // The answer carries the entry (the form is filled from it), its portal included.
      expect(plain.body.data).toMatchObject({ title: 'Tin mới Phú Mỹ', slug: 'tin-moi-phu-my', portal: { slug: 'xa-phu-my' } });
      const stored = await cms.strapi.documents(ARTICLE).findOne({ documentId: plain.body.data.documentId, populate: ['portal'] });
      expect((stored as unknown as { portal: Portal }).portal.slug).toBe('xa-phu-my');
      const into = await request(`${cms.url}${CM(ARTICLE)}`, {
        method: 'POST',
        token: editorB,
        body: { title: 'Tin chen vào Tân Hòa', body: 'x', portal: { connect: [{ id: tanHoa.id, documentId: tanHoa.documentId }], disconnect: [] } },
      });
      expect(into.status).toBe(400);
      expect(into.body.error.message).toBe(NOT_YOUR_PORTAL);
      expect(into.body.error.details.errors[0].path).toEqual(['portal']);
      expect(await cms.strapi.db.query(ARTICLE).count({ where: { title: 'Tin chen vào Tân Hòa' } })).toBe(0);
      // The province's account may create into any portal.
      const byProvince = await request(`${cms.url}${CM(ARTICLE)}`, { method: 'POST', token: province, body: { title: 'Tin tỉnh gửi Tân Hòa', body: 'x', portal: { connect: [{ id: tanHoa.id, documentId: tanHoa.documentId }] } } });
      expect(byProvince.status, JSON.stringify(byProvince.body)).toBe(201);
    });

    test("linking an entry of another portal (a category of the other commune) is refused, naming the field", async () => {
      const other = { id: (await cms.strapi.db.query(CATEGORY).findOne({ where: { documentId: doc('b-category') } })).id, documentId: doc('b-category') };
      const created = await request(`${cms.url}${CM(ARTICLE)}`, { method: 'POST', token: editorA, body: { title: 'Tin gắn chuyên mục xã khác', body: 'x', category: { connect: [other] } } });
      expect(created.status).toBe(400);
      expect(created.body.error.message).toBe('Chuyên mục: mục được chọn thuộc cổng khác, bạn không được giao cổng đó');
      expect(created.body.error.details.errors[0].path).toEqual(['category']);
      const updated = await request(`${cms.url}${CM(ARTICLE)}/${doc('a-article')}`, { method: 'PUT', token: editorA, body: { category: { connect: [other], disconnect: [] } } });
      expect(updated.status).toBe(400);
      const own = { documentId: doc('a-category') };
      expect((await request(`${cms.url}${CM(ARTICLE)}/${doc('a-article')}`, { method: 'PUT', token: editorA, body: { category: { connect: [own], disconnect: [] } } })).status).toBe(200);
    });

    test('moving an entry to another portal, or out of any, is refused', async () => {
      const id = doc('a-article');
      const move = await request(`${cms.url}${CM(ARTICLE)}/${id}`, { method: 'PUT', token: editorA, body: { title: 'Tin riêng của Tân Hòa', portal: { connect: [{ id: phuMy.id, documentId: phuMy.documentId }], disconnect: [{ id: tanHoa.id, documentId: tanHoa.documentId }] } } });
      expect(move.status).toBe(400);
      expect(move.body.error.message).toBe(NOT_YOUR_PORTAL);
      const out = await request(`${cms.url}${CM(ARTICLE)}/${id}`, { method: 'PUT', token: editorA, body: { portal: { connect: [], disconnect: [{ id: tanHoa.id, documentId: tanHoa.documentId }] } } });
      expect(out.status).toBe(400);
      const stored = await cms.strapi.documents(ARTICLE).findOne({ documentId: id, populate: ['portal'] });
      expect((stored as unknown as { portal: Portal }).portal.slug).toBe('xa-tan-hoa');
    });
  });

  describe('media', () => {
    async function upload(token: string, name: string): Promise<number> {
      const form = new FormData();
      // A 1×1 PNG.
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
      form.append('files', new Blob([png], { type: 'image/png' }), name);
      const res = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      const body = (await res.json()) as Array<{ id: number }>;
      expect(res.status, JSON.stringify(body)).toBe(201);
      return body[0]!.id;
    }
    const names = async (token: string) => {
      const res = await request(`${cms.url}/upload/files?page=1&pageSize=100`, { token });
      expect(res.status).toBe(200);
      return (res.body.results as Array<{ name: string }>).map((f) => f.name).sort();
    };

    test("an upload belongs to its uploader's portal; the media library lists the editor's portal's files only", async () => {
      const a = await upload(editorA, 'anh-tan-hoa.png');
      const b = await upload(editorB, 'anh-phu-my.png');
      const fileA = await cms.strapi.db.query('plugin::upload.file').findOne({ where: { id: a }, populate: ['portal'] });
      expect(fileA.portal.slug).toBe('xa-tan-hoa');
      expect(await names(editorA)).toEqual(['anh-tan-hoa.png']);
      expect(await names(editorB)).toEqual(['anh-phu-my.png']);
      expect(await names(province)).toEqual(expect.arrayContaining(['anh-phu-my.png', 'anh-tan-hoa.png']));
      expect((await request(`${cms.url}/upload/files/${b}`, { token: editorA })).status).toBe(403);
      expect((await request(`${cms.url}/upload/files/${a}`, { token: editorA })).status).toBe(200);
      // A cover or an emblem names only the editor's portals' files.
      const cover = await request(`${cms.url}${CM(ARTICLE)}/${doc('a-article')}`, { method: 'PUT', token: editorA, body: { cover: b } });
      expect(cover.status).toBe(400);
      expect(cover.body.error.message).toBe(`Ảnh đại diện: ${OTHER_PORTAL_FILE}`);
      expect((await request(`${cms.url}${CM(PORTAL)}/${tanHoa.documentId}`, { method: 'PUT', token: editorA, body: { emblem: b } })).status).toBe(400);
      const ownCover = await request(`${cms.url}${CM(ARTICLE)}/${doc('a-article')}`, { method: 'PUT', token: editorA, body: { cover: a } });
      expect(ownCover.status, JSON.stringify(ownCover.body)).toBe(200);
      // Bulk delete and move check each file's portal, and leave shared folders to the province.
      const exists = async (id: number) => (await cms.strapi.db.query('plugin::upload.file').count({ where: { id } })) === 1;
      expect((await request(`${cms.url}/upload/actions/bulk-delete`, { method: 'POST', token: editorA, body: { fileIds: [a, b], folderIds: [] } })).status).toBe(403);
      expect((await request(`${cms.url}/upload/actions/bulk-move`, { method: 'POST', token: editorA, body: { fileIds: [b], folderIds: [], destinationFolderId: null } })).status).toBe(403);
      expect(await exists(a)).toBe(true);
      expect(await exists(b)).toBe(true);
      const folder = await request(`${cms.url}/upload/folders`, { method: 'POST', token: province, body: { name: 'Ảnh chung', parent: null } });
      expect(folder.status, JSON.stringify(folder.body)).toBeLessThan(300);
      expect((await request(`${cms.url}/upload/actions/bulk-delete`, { method: 'POST', token: editorA, body: { fileIds: [], folderIds: [folder.body.data.id] } })).status).toBe(403);
      const own = await upload(editorA, 'anh-tan-hoa-xoa.png');
      expect((await request(`${cms.url}/upload/actions/bulk-delete`, { method: 'POST', token: editorA, body: { fileIds: [own], folderIds: [] } })).status).toBe(200);
      expect(await exists(own)).toBe(false);
    });
  });

  describe('files from before portals', () => {
    test('a media file without a portal is given to the primary portal at start', async () => {
      const file = await cms.strapi.db.query('plugin::upload.file').create({ data: { name: 'cu.png', hash: 'cu_1', ext: '.png', mime: 'image/png', size: 1, url: '/uploads/cu_1.png', provider: 'local' } });
      const meta = cms.strapi.db.metadata.get('plugin::upload.file' as never) as { attributes: Record<string, { joinTable: { name: string; joinColumn: { name: string } } }> };
      const link = meta.attributes.portal!.joinTable;
      await cms.strapi.db.connection(link.name).where(link.joinColumn.name, file.id).delete();
      expect((await cms.strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id }, populate: ['portal'] })).portal).toBeNull();
      const first = await ensurePortals(cms.strapi);
      const after = await cms.strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id }, populate: ['portal'] });
      expect(after.portal.id).toBe(first.id);
    });
  });

  describe("a portal's build token reads its portal only", () => {
    test('articles, categories and the portal list', async () => {
      const key = tokenOf('xa-tan-hoa');
      const articles = await request(`${cms.url}/api/articles?pagination[pageSize]=100&populate=category`, { token: key });
      expect(articles.status).toBe(200);
      expect(articles.body.data.map((a: { title: string }) => a.title)).toEqual(['Tin riêng của Tân Hòa']);
      expect(articles.body.meta.pagination.total).toBe(1);
      expect(articles.body.data[0].category.name).toBe('Chuyên mục Tân Hòa');
      const categories = await request(`${cms.url}/api/categories?pagination[pageSize]=100`, { token: key });
      expect(categories.body.data.map((c: { name: string }) => c.name)).toEqual(['Chuyên mục Tân Hòa']);
      const portals = await request(`${cms.url}/api/portals?pagination[pageSize]=100`, { token: key });
      expect(portals.body.data.map((p: { slug: string }) => p.slug)).toEqual(['xa-tan-hoa']);
      // Asking for another portal's entry by its documentId, or filtering for it, finds nothing.
      expect((await request(`${cms.url}/api/articles/${doc('b-article')}`, { token: key })).status).toBe(404);
      expect((await request(`${cms.url}/api/portals/${phuMy.documentId}`, { token: key })).status).toBe(404);
      const filtered = await request(`${cms.url}/api/articles?filters[portal][slug][$eq]=xa-phu-my`, { token: key });
      expect(filtered.body.data).toEqual([]);
      expect((await request(`${cms.url}/api/articles/${doc('a-article')}`, { token: key })).status).toBe(200);
    });

    test("media: a portal's token lists and reads its portal's files only", async () => {
      const files = await cms.strapi.db.query('plugin::upload.file').findMany({ populate: ['portal'] });
      const ofA = files.filter((f: { portal?: { slug: string } }) => f.portal?.slug === 'xa-tan-hoa');
      const ofB = files.filter((f: { portal?: { slug: string } }) => f.portal?.slug === 'xa-phu-my');
      expect(ofA.length).toBeGreaterThan(0);
      expect(ofB.length).toBeGreaterThan(0);
      const key = tokenOf('xa-tan-hoa');
      const list = await request(`${cms.url}/api/upload/files`, { token: key });
      expect(list.status).toBe(200);
      expect(list.body.map((f: { id: number }) => f.id).sort()).toEqual(ofA.map((f: { id: number }) => f.id).sort());
      expect((await request(`${cms.url}/api/upload/files/${ofB[0].id}`, { token: key })).status).toBe(404);
      expect((await request(`${cms.url}/api/upload/files/${ofA[0].id}`, { token: key })).status).toBe(200);
    });

    test("a portal's token this process never fenced (made by another process: npm run portal boots its own CMS) is fenced by its name; one whose portal is gone reads nothing", async () => {
      const token = (await cms.strapi.db.query('admin::api-token').findOne({ where: { name: 'Cổng build: xa-phu-my' } })) as { id: number };
      unfenceToken(token.id); // as in a CMS that was running when another process made the portal
      const read = await request(`${cms.url}/api/articles?pagination[pageSize]=100`, { token: tokenOf('xa-phu-my') });
      expect(read.status).toBe(200);
      const ids = read.body.data.map((a: { documentId: string }) => a.documentId);
      expect(ids).toContain(doc('b-article'));
      expect(ids).not.toContain(doc('a-article'));
      const tokens = cms.strapi.service('admin::api-token-content-api') as unknown as { create(a: Record<string, unknown>): Promise<{ accessKey: string }> };
      const gone = await tokens.create({ name: 'Cổng build: xa-da-xoa', type: 'read-only', lifespan: null });
      const none = await request(`${cms.url}/api/articles?pagination[pageSize]=100`, { token: gone.accessKey });
      expect(none.status).toBe(200);
      expect(none.body.data).toEqual([]);
    });

    test("the primary portal's build token sees none of the communes' entries", async () => {
      const articles = await request(`${cms.url}/api/articles?pagination[pageSize]=100`, { token: cms.buildToken });
      expect(articles.status).toBe(200);
      expect(articles.body.data.map((a: { title: string }) => a.title)).not.toContain('Tin riêng của Tân Hòa');
      expect(articles.body.data.map((a: { title: string }) => a.title)).not.toContain('Tin riêng của Phú Mỹ');
      const portals = await request(`${cms.url}/api/portals`, { token: cms.buildToken });
      expect(portals.body.data).toHaveLength(1);
      // The stamps route (issue 15) is fenced the same way: the same entries as the REST API lists.
      const stamps = await request(`${cms.url}/api/cong/stamps/articles`, { token: cms.buildToken });
      expect(stamps.status).toBe(200);
      expect(stamps.body.stamps.map(([documentId]: [string, string]) => documentId).sort()).toEqual(articles.body.data.map((a: { documentId: string }) => a.documentId).sort());
      // For every type and every portal's token: each the stamp the REST API's entry gives (updatedAt,
      // with its files' and related entries' digest), the same entries (the SQL route is fenced as the
      // Document Service is: an entry of the token's portal, or that portal itself).
      for (const key of [cms.buildToken, tokenOf('xa-tan-hoa'), tokenOf('xa-phu-my')]) {
        for (const type of contentTypes.filter((t) => t.kind === 'collectionType')) {
          const rest = await request(`${cms.url}/api/${type.pluralName}?${new URLSearchParams({ ...stampQuery(type), 'pagination[pageSize]': '100' })}`, { token: key });
          const route = await request(`${cms.url}/api/cong/stamps/${type.pluralName}`, { token: key });
          expect(route.status, type.uid).toBe(rest.status === 200 ? 200 : 403);
          if (rest.status !== 200) continue;
          expect(rest.body.meta.pagination.pageCount, type.uid).toBeLessThanOrEqual(1);
          expect(new Map(route.body.stamps), type.uid).toEqual(new Map(rest.body.data.map((a: Parameters<typeof toStamp>[1]) => [a.documentId, toStamp(type, a).version])));
        }
      }
      const communeStamps = await request(`${cms.url}/api/cong/stamps/articles`, { token: tokenOf('xa-tan-hoa') });
      expect(communeStamps.body.stamps.map(([documentId]: [string, string]) => documentId)).toContain(doc('a-article'));
      expect(communeStamps.body.stamps.map(([documentId]: [string, string]) => documentId)).not.toContain(doc('b-article'));
      // Without a token, or without the type's find permission, nothing.
      expect([401, 403]).toContain((await request(`${cms.url}/api/cong/stamps/articles`)).status);
    });
  });

  describe('the admin home page', () => {
    const counts = async (token: string) => {
      const res = await request(`${cms.url}/content-manager/homepage/count-documents`, { token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.data as { draft: number; published: number; modified: number };
    };
    const recent = async (token: string, action: 'update' | 'publish') => {
      const res = await request(`${cms.url}/content-manager/homepage/recent-documents?action=${action}`, { token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.data as Array<{ documentId: string }>).map((d) => d.documentId);
    };

    test("an editor's entry counts and recent entries are their portal's; the province's are every portal's", async () => {
      const [a0, b0, p0] = [await counts(editorA), await counts(editorB), await counts(province)];
      // Tân Hòa's own: at least the seeded category and article (published); fewer than the province sees.
      expect(a0.published).toBeGreaterThanOrEqual(2);
      expect(a0.published + a0.draft + a0.modified).toBeLessThan(p0.published + p0.draft + p0.modified);
      const draft = await cms.strapi.documents(ARTICLE).create({ data: { title: 'Bản nháp trang chủ của Phú Mỹ', body: 'Nội dung.', portal: phuMy.documentId } as never });
      const published = await cms.strapi.documents(ARTICLE).create({ data: { title: 'Tin mới trang chủ của Phú Mỹ', body: 'Nội dung.', portal: phuMy.documentId } as never, status: 'published' });
      expect(await counts(editorA)).toEqual(a0);
      expect(await counts(editorB)).toEqual({ ...b0, draft: b0.draft + 1, published: b0.published + 1 });
      expect(await counts(province)).toEqual({ ...p0, draft: p0.draft + 1, published: p0.published + 1 });
      // The recent-documents widgets: the newest of the editor's portal only.
      for (const action of ['update', 'publish'] as const) {
        expect(await recent(editorA, action), action).not.toContain(published.documentId);
        expect(await recent(editorB, action), action).toContain(published.documentId);
        expect(await recent(province, action), action).toContain(published.documentId);
      }
      expect(await recent(editorA, 'update')).not.toContain(draft.documentId);
      expect(await recent(editorB, 'update')).toContain(draft.documentId);
    });
  });
}

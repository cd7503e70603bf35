/**
 * The CSV import suite (csv-import.sqlite.int.test.ts, csv-import.postgres.int.test.ts): CSV import through the admin routes, against a real Strapi on SQLite and (where it runs)
 * PostgreSQL: a file with bad rows is refused whole with every line named; a good file creates
 * and publishes, a second import updates by code / month; a failure midway rolls everything
 * back; a "Tác giả" (no publish right) is refused.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AUTHOR_ROLE, EDITOR_ROLE } from '../../cms/src/bootstrap/editor-roles';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { request } from '../helpers/http';

const PROCEDURE = 'api::procedure.procedure';
const DOSSIER = 'api::dossier-report.dossier-report';
const HEADER = 'Mã thủ tục;Tên thủ tục;Lĩnh vực;Cơ quan thực hiện;Mức độ trực tuyến;Thời hạn giải quyết;Phí, lệ phí;Địa chỉ nộp trực tuyến';
const SECTORS = ['Tư pháp – Hộ tịch', 'Đất đai', 'Xây dựng'];
const LEVELS = ['Toàn trình', 'Một phần', 'Cung cấp thông tin'];

/** n procedure rows (codes 2.000001…); `name` can vary the names for a re-import. */
function procedureRows(n: number, name = (i: number) => `Thủ tục thử nghiệm số ${i}`): string[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const code = `2.${String(i).padStart(6, '0')}`;
    return [code, name(i), SECTORS[i % 3], 'UBND xã Tân Hòa', LEVELS[i % 3], '05 ngày làm việc', i % 2 ? 'Không' : '"15.000 đồng; nộp khi nhận"', i % 10 === 0 ? '' : `https://dichvucong.lamgiang.gov.vn/thu-tuc/${code}`].join(';');
  });
}

const csv = (rows: string[]) => `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;

/** Registers the suite for one database. */
export function defineImportSuite(database: 'sqlite' | 'postgres') {
  let cms: CmsHarness;
  let editor: string;
  let author: string;

  async function createAdmin(email: string, roleCode: string): Promise<string> {
    const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
    const password = 'Thu-nghiem-2026';
    await (cms.strapi.service('admin::user') as any).create({ email, firstname: 'Thử', lastname: 'Nghiệm', password, isActive: true, roles: [role.id] });
    const login = await request(`${cms.url}/admin/login`, { method: 'POST', body: { email, password } });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    return login.body.data.token as string;
  }

  const importCsv = (target: string, text: string, token = editor) => request(`${cms.url}/cong/import/${target}`, { method: 'POST', token, body: { csv: text } });
  const count = (uid: string, where: Record<string, unknown> = {}) => cms.strapi.db.query(uid as any).count({ where });

  beforeAll(async () => {
    cms = await startCms(database);
    for (const [order, name] of SECTORS.entries()) await cms.strapi.documents('api::sector.sector').create({ data: { name, order } as never });
    editor = await createAdmin('bientap@tanhoa.test', EDITOR_ROLE.code);
    author = await createAdmin('tacgia@tanhoa.test', AUTHOR_ROLE.code);
  });

  afterAll(async () => {
    await cms?.close();
  });

  test('300 procedures with 2 bad rows: refused whole, both line numbers named, nothing created', async () => {
    const rows = procedureRows(300);
    // File line = row index + 2 (the header is line 1).
    rows[15] = rows[15]!.replace(/^([^;]*);[^;]*;/, '$1;;'); // line 17: no name
    rows[201] = rows[201]!.replace('Toàn trình', 'Mức độ 7').replace('Một phần', 'Mức độ 7').replace('Cung cấp thông tin', 'Mức độ 7'); // line 203: bad level
    const res = await importCsv('procedures', csv(rows));
    expect(res.status).toBe(422);
    expect(res.body.ok).toBe(false);
    expect(res.body.errors).toEqual([
      'Dòng 17: thiếu Tên thủ tục.',
      'Dòng 203: Mức độ trực tuyến “Mức độ 7” không hợp lệ; chọn một trong: Toàn trình, Một phần, Cung cấp thông tin.',
    ]);
    expect(await count(PROCEDURE)).toBe(0);
  });

  test('a good file creates and publishes every procedure, with its sector; the build token reads them', async () => {
    const res = await importCsv('procedures', csv(procedureRows(300)));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ ok: true, created: 300, updated: 0 });
    expect(await count(PROCEDURE, { publishedAt: { $notNull: true } })).toBe(300);
    const api = await request(`${cms.url}/api/procedures?filters[code][$eq]=2.000002&populate[sector][fields][0]=name`, { token: cms.buildToken });
    expect(api.status).toBe(200);
    expect(api.body.data).toHaveLength(1);
    // An empty address cell is stored as none (the site's build refuses an empty URL).
    const noAddress = await request(`${cms.url}/api/procedures?filters[code][$eq]=2.000010`, { token: cms.buildToken });
    expect(noAddress.body.data[0].serviceUrl).toBeNull();
    expect(api.body.data[0]).toMatchObject({ name: 'Thủ tục thử nghiệm số 2', slug: 'thu-tuc-thu-nghiem-so-2', onlineLevel: 'Cung cấp thông tin', fee: '15.000 đồng; nộp khi nhận', sector: { name: 'Xây dựng' } });
  });

  test('a re-import updates by code (published too) and creates only the new codes', async () => {
    const rows = procedureRows(301, (i) => (i <= 5 ? `Thủ tục đã sửa tên số ${i}` : `Thủ tục thử nghiệm số ${i}`));
    const res = await importCsv('procedures', csv(rows));
    expect(res.body).toEqual({ ok: true, created: 1, updated: 300 });
    expect(await count(PROCEDURE, { publishedAt: { $notNull: true } })).toBe(301);
    const api = await request(`${cms.url}/api/procedures?filters[code][$eq]=2.000003`, { token: cms.buildToken });
    expect(api.body.data[0].name).toBe('Thủ tục đã sửa tên số 3');
    // The live address stays: the slug does not follow a renamed, published procedure.
    expect(api.body.data[0].slug).toBe('thu-tuc-thu-nghiem-so-3');
  });

  test('a re-import with the required columns only keeps each procedure\'s sector, time limit, fees and link', async () => {
    const before = await cms.strapi.db.query(PROCEDURE as any).findOne({ where: { code: '2.000001', publishedAt: { $notNull: true } }, populate: ['sector'] });
    expect(before.sector?.name).toBeTruthy();
    const res = await importCsv('procedures', 'Mã thủ tục;Tên thủ tục;Cơ quan thực hiện;Mức độ trực tuyến\r\n2.000001;Thủ tục thử nghiệm số 1 (tên mới);UBND xã Tân Hòa;Toàn trình\r\n');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await cms.strapi.db.query(PROCEDURE as any).findOne({ where: { code: '2.000001', publishedAt: { $notNull: true } }, populate: ['sector'] });
    expect(after.name).toBe('Thủ tục thử nghiệm số 1 (tên mới)');
    expect([after.sector?.name, after.duration, after.fee, after.serviceUrl]).toEqual([before.sector.name, before.duration, before.fee, before.serviceUrl]);
  });

  test('a file of more than 1 MB reaches the import (and one over the row limit is refused in Vietnamese, not with a bare 413)', async () => {
    const text = csv(procedureRows(5001, (i) => `Thủ tục thử nghiệm số ${i} ${'về việc cấp giấy xác nhận '.repeat(8)}`));
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    const res = await importCsv('procedures', text);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(422);
    expect(res.body.errors).toEqual([expect.stringContaining('tối đa 5000 dòng')]);
  });

  test('a failure midway rolls back the whole import: no update stays, no new entry exists', async () => {
    let failOn: string | null = '2.000400';
    cms.strapi.db.lifecycles.subscribe({
      models: [PROCEDURE],
      beforeCreate(event: any) {
        if (failOn && event.params.data.code === failOn) throw new Error('simulated failure');
      },
    } as any);
    const rows = [...procedureRows(5, (i) => `Tên sẽ không được lưu ${i}`), ...procedureRows(400).slice(301)];
    const before = await count(PROCEDURE);
    const res = await importCsv('procedures', csv(rows));
    failOn = null;
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatch(/^Không nhập được: .*Không có mục nào được lưu\.$/);
    expect(await count(PROCEDURE)).toBe(before);
    expect(await count(PROCEDURE, { code: '2.000350' })).toBe(0);
    expect(await count(PROCEDURE, { name: { $startsWith: 'Tên sẽ không' } })).toBe(0);
  });

  test('a Tác giả (no right to publish) is refused in Vietnamese; without a session the route answers 401', async () => {
    const res = await importCsv('procedures', csv(procedureRows(1, () => 'Tác giả thử nhập')), author);
    expect(res.status).toBe(403);
    expect(res.body.errors[0]).toMatch(/^Tài khoản của bạn không có quyền đăng “Thủ tục hành chính”/);
    expect(await count(PROCEDURE, { name: 'Tác giả thử nhập' })).toBe(0);
    const dossiers = await importCsv('dossier-reports', 'Tháng;Tiếp nhận mới;Kỳ trước chuyển qua;Đúng hạn;Trễ hạn;Đang giải quyết\n01/2026;1;0;1;0;0', author);
    expect(dossiers.status).toBe(403);
    const anonymous = await request(`${cms.url}/cong/import/procedures`, { method: 'POST', body: { csv: csv(procedureRows(1)) } });
    expect(anonymous.status).toBe(401);
  });

  test('dossier months: refused with line numbers, then created and published, then updated by month', async () => {
    const H = 'Tháng,Tiếp nhận mới,Kỳ trước chuyển qua,Đúng hạn,Trễ hạn,Đang giải quyết,Ghi chú';
    const bad = await importCsv('dossier-reports', `${H}\n01/2026,10,0,9,1,0,\n2026-13,1,0,0,0,1,\n03/2026,5,0,4,0,9,`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([
      'Dòng 3: Tháng “2026-13” không hợp lệ; ghi theo dạng MM/YYYY (11/2026) hoặc YYYY-MM (2026-11).',
      'Dòng 4: Đúng hạn + trễ hạn + đang giải quyết (13) không được lớn hơn tiếp nhận mới + kỳ trước chuyển qua (5).',
    ]);
    expect(await count(DOSSIER)).toBe(0);
    const good = await importCsv('dossier-reports', `${H}\n01/2026,120,4,110,2,12,\n2026-02,0,12,0,0,12,"Nghỉ Tết, không tiếp nhận"`);
    expect(good.body).toEqual({ ok: true, created: 2, updated: 0 });
    const again = await importCsv('dossier-reports', `${H}\n01/2026,121,4,111,2,12,\n03/2026,90,12,95,1,6,`);
    expect(again.body).toEqual({ ok: true, created: 1, updated: 1 });
    const api = await request(`${cms.url}/api/dossier-reports?sort=month:asc`, { token: cms.buildToken });
    expect(api.body.data.map((d: any) => [d.month, d.received, d.note])).toEqual([
      ['2026-01-01', 121, ''],
      ['2026-02-01', 0, 'Nghỉ Tết, không tiếp nhận'],
      ['2026-03-01', 90, ''],
    ]);
  });
}


/**
 * The compliance report ("Mức độ công khai thông tin", issue 13 item 7) read three ways from one real,
 * seeded Strapi: the admin's route behind the admin page, the public list the site build writes and
 * `npm run compliance`. They must agree, show the demo's missing and overdue items, and follow a
 * change: removing the last schedule week turns "Lịch công tác" to "chưa có" in all three.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMPLIANCE_ITEMS, type ComplianceRow } from '../../content-types/src/compliance';
import { seedDemoContent } from '../../cms/src/seed/index';
import { addPortal } from '../../cms/src/lib/portal-admin';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { createSiteBuild, rootDir, type SiteBuild } from '../helpers/site-build';
import { request } from '../helpers/http';

const WEEK = 'api::work-week.work-week';
let cms: CmsHarness;
let site: SiteBuild;
let adminToken: string;

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  site = createSiteBuild(cms, 'compliance-test');
  await site.build();
  const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  const email = 'kiemtra@tanhoa.test';
  const password = 'Thu-nghiem-2026';
  await (cms.strapi.service('admin::user') as any).create({ email, firstname: 'Kiểm', lastname: 'Tra', password, isActive: true, roles: [role.id] });
  const login = await request(`${cms.url}/admin/login`, { method: 'POST', body: { email, password } });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  adminToken = login.body.data.token;
}, 300_000);

afterAll(async () => {
  await cms?.close();
  site?.dispose();
});

/** The admin page's figures. */
async function adminReport(): Promise<{ today: string; items: ComplianceRow[] }> {
  const res = await request(`${cms.url}/cong/compliance`, { token: adminToken });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** `npm run compliance -- --json` against the test CMS. */
async function cliReport(...args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(rootDir, 'node_modules/tsx/dist/cli.mjs'), path.join(rootDir, 'scripts/compliance.ts'), '--cms-url', cms.url, '--token', cms.buildToken, ...args],
      { cwd: rootDir, env: { ...process.env, CONG_ENV_FILE: '/dev/null' } },
    );
    return { stdout, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; code: number };
    return { stdout: e.stdout, code: e.code };
  }
}

/** Status of each item on the public list, by key. */
function publicStatuses(): Map<string, string> {
  const html = readFileSync(path.join(site.out, 'client', 'danh-muc-thong-tin-cong-khai', 'index.html'), 'utf8');
  return new Map([...html.matchAll(/data-compliance-item="([^"]+)" data-status="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
}

const statuses = (rows: ComplianceRow[]) => new Map(rows.map((r) => [r.key, r.status]));

describe('compliance report', () => {
  test('the admin route answers signed-in users only', async () => {
    const res = await request(`${cms.url}/cong/compliance`);
    expect(res.status).toBe(401);
    const build = await request(`${cms.url}/cong/compliance`, { token: cms.buildToken });
    expect(build.status).toBe(401);
  });

  test('lists every item of the catalogue the same way in the admin, on the public page and in npm run compliance; the demo shows one missing and one overdue', async () => {
    const admin = await adminReport();
    expect(admin.items.map((r) => r.key)).toEqual(COMPLIANCE_ITEMS.map((i) => i.key));
    const cli = await cliReport('--json', '--date', admin.today);
    expect(cli.code).toBe(0);
    const json = JSON.parse(cli.stdout) as { items: ComplianceRow[]; summary: Record<string, number> };
    // The REST path (build token) and the Document Service path (admin) agree item for item.
    expect(json.items).toEqual(admin.items);
    expect(publicStatuses()).toEqual(statuses(admin.items));
    const byKey = new Map(admin.items.map((r) => [r.key, r]));
    expect(byKey.get('lich-cong-tac')).toMatchObject({ status: 'ok' });
    expect(byKey.get('lich-cong-tac')!.count).toBeGreaterThan(0);
    expect(byKey.get('bao-cao-tai-chinh')).toMatchObject({ status: 'missing', count: 0, latest: null, statusLabel: 'Chưa có' });
    expect(byKey.get('thuc-hien-ngan-sach')).toMatchObject({ status: 'overdue', statusLabel: 'Quá hạn cập nhật' });
    expect(byKey.get('thuc-hien-ngan-sach')!.dueBy! < admin.today).toBe(true);
    expect(byKey.get('danh-muc-thong-tin')).toMatchObject({ status: 'ok', adminPath: null });
    expect(byKey.get('lich-cong-tac')!.adminPath).toBe(`/admin/content-manager/collection-types/${WEEK}`);
    expect(json.summary.missing).toBeGreaterThanOrEqual(1);
    expect(json.summary.overdue).toBeGreaterThanOrEqual(1);
    // The table names each item with its status in Vietnamese.
    const table = await cliReport('--date', admin.today);
    expect(table.stdout).toMatch(/chưa có\s+Báo cáo tài chính năm/);
    expect(table.stdout).toMatch(/quá hạn cập nhật\s+Báo cáo tình hình thực hiện ngân sách/);
    expect((await cliReport('--strict', '--date', admin.today)).code).toBe(1);
    // The public list says where and when each item is published.
    const html = readFileSync(path.join(site.out, 'client', 'danh-muc-thong-tin-cong-khai', 'index.html'), 'utf8');
    expect(html).toContain('href="/lich-cong-tac/"');
    expect(html).toContain('Hằng tuần');
    expect(html).toContain('Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm g');
    // Every link of the list leads to a page of the build; an item with nothing published links nowhere.
    const list = html.slice(html.indexOf('<table class="compliance"'), html.indexOf('</table>'));
    const hrefs = [...list.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) expect(existsSync(path.join(site.out, 'client', href, 'index.html')), href).toBe(true);
    expect(list).not.toContain('href="/cong-khai/loai/bao-cao-tai-chinh/"');
  });

  test('removing the last schedule week turns "Lịch công tác" to "chưa có" in the admin, on the public list and in npm run compliance', async () => {
    const weeks = await cms.strapi.documents(WEEK).findMany({ status: 'published', fields: ['weekOf'] });
    expect(weeks.length).toBeGreaterThan(0);
    for (const w of weeks) await cms.strapi.documents(WEEK).delete({ documentId: w.documentId });
    const admin = await adminReport();
    expect(statuses(admin.items).get('lich-cong-tac')).toBe('missing');
    const cli = JSON.parse((await cliReport('--json', '--date', admin.today)).stdout) as { items: ComplianceRow[] };
    expect(statuses(cli.items).get('lich-cong-tac')).toBe('missing');
    expect(publicStatuses().get('lich-cong-tac')).toBe('ok');
    await site.build();
    expect(publicStatuses().get('lich-cong-tac')).toBe('missing');
    expect(publicStatuses()).toEqual(statuses(admin.items));
  });

  test('npm run compliance -- --portal and --all read each portal of the install with its own build token (issue 14)', async () => {
    await addPortal(cms.strapi, { name: 'Ủy ban nhân dân xã Mới Lập', domains: ['moi-lap.localhost'], code: 'xa-moi-lap' });
    const run = async (...args: string[]) => {
      const out = await promisify(execFile)(process.execPath, [path.join(rootDir, 'node_modules/tsx/dist/cli.mjs'), path.join(rootDir, 'scripts/compliance.ts'), ...args], {
        cwd: rootDir,
        env: { ...process.env, CONG_ENV_FILE: '/dev/null', CMS_DATA_DIR: cms.dataDir, CMS_URL: cms.url },
      }).catch((e: { code: number; stdout: string; stderr: string }) => e);
      return out as { code?: number; stdout: string; stderr: string };
    };
    const today = (await adminReport()).today;
    const own = JSON.parse((await cliReport('--json', '--date', today)).stdout) as { summary: { ok: number; missing: number } };
    const all = JSON.parse((await run('--all', '--json', '--date', today)).stdout) as { portals: Array<{ portal: string; summary: { ok: number; missing: number }; items: unknown[] }> };
    expect(all.portals.map((p) => p.portal)).toEqual(['xa-tan-hoa', 'xa-moi-lap']);
    // The first portal's figures are the ones its build token gives; the new portal has published nothing yet.
    expect(all.portals[0]!.summary).toEqual(own.summary);
    expect(all.portals[1]!.summary.ok).toBeLessThan(own.summary.ok);
    expect(all.portals[1]!.summary.missing).toBeGreaterThan(own.summary.missing);
    const one = await run('--portal', 'xa-moi-lap', '--date', today);
    expect(one.stdout).toContain('Compliance report of Ủy ban nhân dân xã Mới Lập (xa-moi-lap)');
    const unknown = await run('--portal', 'khong-co');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('the portals are: xa-tan-hoa, xa-moi-lap');
    const both = await run('--all', '--token', cms.buildToken);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('leave out --portal and --all');
  }, 120_000);

  test('npm run compliance refuses a bad date and an unreachable CMS with a message naming what to fix', async () => {
    const bad = await promisify(execFile)(process.execPath, [path.join(rootDir, 'node_modules/tsx/dist/cli.mjs'), path.join(rootDir, 'scripts/compliance.ts'), '--date', '31/12/2026'], {
      cwd: rootDir,
      env: { ...process.env, CONG_ENV_FILE: '/dev/null' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stderr: string }).stderr).toContain('--date must be a day as YYYY-MM-DD');
    const down = await promisify(execFile)(
      process.execPath,
      [path.join(rootDir, 'node_modules/tsx/dist/cli.mjs'), path.join(rootDir, 'scripts/compliance.ts'), '--cms-url', 'http://127.0.0.1:9', '--token', cms.buildToken],
      { cwd: rootDir, env: { ...process.env, CONG_ENV_FILE: '/dev/null' } },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((down as { code: number }).code).toBe(2);
    expect((down as { stderr: string }).stderr).toContain('Is the CMS running');
  });
});

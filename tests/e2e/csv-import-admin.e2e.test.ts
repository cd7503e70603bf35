/**
 * The admin page "Nhập từ tệp CSV" in Chromium: reached from the menu, a bad file lists its
 * problems by line and imports nothing, a good file reports what it created; the admin's own
 * session is what authorises the request. Needs the admin panel build (tests/global-setup.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { rootDir } from '../helpers/site-build';

const HEADER = 'Mã thủ tục;Tên thủ tục;Lĩnh vực;Cơ quan thực hiện;Mức độ trực tuyến;Thời hạn giải quyết;Phí, lệ phí;Địa chỉ nộp trực tuyến';
let cms: CmsHarness;
let browser: Browser;

beforeAll(async () => {
  expect(existsSync(path.join(rootDir, 'cms', 'dist', 'build', 'index.html')), 'the admin panel build is missing: tests/global-setup.ts builds it').toBe(true);
  cms = await startCms('sqlite');
  await cms.strapi.documents('api::sector.sector').create({ data: { name: 'Tư pháp – Hộ tịch', order: 0 } as never });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cms?.close();
});

describe('Nhập từ tệp CSV in the admin', () => {
  test('a bad file lists its lines and imports nothing; a good file creates and publishes', async () => {
    const credentials = readFileSync(path.join(cms.dataDir, 'admin-credentials.txt'), 'utf8');
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.getByLabel(/Email/i).fill(/email: (.*)/.exec(credentials)![1]!);
    await page.getByLabel(/Mật khẩu|Password/i).first().fill(/password: (.*)/.exec(credentials)![1]!);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/?$/, { timeout: 30_000 });
    await page.getByRole('link', { name: 'Nhập từ tệp CSV' }).click();
    await page.waitForURL(/\/admin\/cong-nhap-csv/);
    const form = page.locator('[data-csv-import]');
    await form.waitFor({ timeout: 30_000 });
    await page.getByLabel('Loại dữ liệu').selectOption('procedures');

    const bad = [HEADER, '1.000001;Đăng ký khai sinh;Tư pháp – Hộ tịch;UBND xã Tân Hòa;Toàn trình;;;', '1.000002;;Tư pháp – Hộ tịch;UBND xã Tân Hòa;Toàn trình;;;', '1.000003;Đăng ký kết hôn;Hộ tịch cũ;UBND xã Tân Hòa;Toàn trình;;;'].join('\r\n');
    await page.getByLabel('Tệp CSV', { exact: true }).setInputFiles({ name: 'thu-tuc.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${bad}`, 'utf8') });
    await page.getByRole('button', { name: 'Nhập' }).click();
    const result = page.locator('[data-csv-result]');
    await result.getByText('Chưa nhập mục nào.').waitFor({ timeout: 30_000 });
    expect(await result.locator('li').allTextContents()).toEqual([
      'Dòng 3: thiếu Tên thủ tục.',
      'Dòng 4: Lĩnh vực “Hộ tịch cũ” chưa có trong danh mục Lĩnh vực; thêm lĩnh vực đó trước hoặc sửa tên.',
    ]);
    expect(await cms.strapi.db.query('api::procedure.procedure').count({})).toBe(0);

    const good = [HEADER, '1.000001;Đăng ký khai sinh;Tư pháp – Hộ tịch;UBND xã Tân Hòa;Toàn trình;;;', '1.000002;Đăng ký khai tử;tu phap ho tich;UBND xã Tân Hòa;Một phần;;;'].join('\r\n');
    await page.getByLabel('Tệp CSV', { exact: true }).setInputFiles({ name: 'thu-tuc.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
    await page.getByRole('button', { name: 'Nhập' }).click();
    await result.getByText('Đã nhập xong.').waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain('Tạo mới 2 mục, cập nhật 0 mục');
    expect(await cms.strapi.db.query('api::procedure.procedure').count({ where: { publishedAt: { $notNull: true } } })).toBe(2);
    await page.close();
  }, 120_000);
});

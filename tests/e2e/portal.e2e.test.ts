/**
 * The public portal in a real browser (Debian's Chromium driven by playwright-core): navigation,
 * the links box, search with and without diacritics, accessibility (axe-core, WCAG 2.1 AA),
 * and screenshots kept in test-results/screenshots/ to look at.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoContent } from '../../cms/src/seed/index';
import { launchChromium } from '../helpers/browser';
import { hasJava, htmlCheckerErrors, seriousViolations } from '../helpers/checkers';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { createSiteBuild, rootDir, serveSite, type SiteBuild } from '../helpers/site-build';

const screenshots = path.join(rootDir, 'test-results', 'screenshots');

let cms: CmsHarness;
let site: SiteBuild;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  // An editor may publish news without a cover picture.
  await cms.strapi.documents('api::article.article').create({
    data: { title: 'Lịch tiếp nhận hồ sơ trong tuần lễ cao điểm cuối năm', summary: 'Bộ phận một cửa làm việc cả sáng thứ Bảy.', body: 'Bộ phận tiếp nhận và trả kết quả làm việc thêm sáng thứ Bảy trong hai tuần cuối năm.' } as never,
    status: 'published',
  });
  site = createSiteBuild(cms, 'e2e');
  await site.build();
  server = await serveSite(site.out);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  site?.dispose();
  await cms?.close();
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBeLessThan(400);
  return page;
}


describe('the public portal', () => {
  test('answers on-demand routes from the release server bundle, behind the static files', async () => {
    const health = await fetch(`${server.url}/api/health/`);
    expect(health.status).toBe(200);
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(await health.json()).toEqual({ status: 'ok', release: 'dist' });
    const post = await fetch(`${server.url}/tin-tuc/`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    const missing = await fetch(`${server.url}/khong-co-trang-nay/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy trang');
  });

  test('Astro\'s image endpoint is closed: no picture is resized or re-encoded at a reader\'s request (issue 11, item 1)', async () => {
    const home = await (await fetch(`${server.url}/`)).text();
    const original = /<img src="(\/uploads\/[^"]+\.jpg)"/.exec(home)![1]!;
    expect((await fetch(`${server.url}${original}`)).status).toBe(200);
    for (const href of [original, `${cms.url}${original}`]) {
      for (const route of ['/_image', '/_image/']) {
        const response = await fetch(`${server.url}${route}?href=${encodeURIComponent(href)}&w=2400&h=1350&f=avif&q=100`);
        expect(response.status, `${route} ${href}`).toBe(404);
        expect(response.headers.get('content-type') ?? '').not.toMatch(/^image\//);
      }
    }
  });

  test('leads a reader from home to a category to an article', async () => {
    const page = await open('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByRole('link', { name: 'Cải cách hành chính', exact: true }).click();
    await expect.poll(() => page.url()).toContain('/chuyen-muc/cai-cach-hanh-chinh/');
    const first = page.locator('.news-item h2 a').first();
    const title = await first.textContent();
    await first.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('.breadcrumb').textContent()).toContain('Cải cách hành chính');
    expect(await page.locator('.meta time').first().textContent()).toMatch(/^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await page.close();
  });

  test('opens the site chosen in the "Liên kết website" box', async () => {
    const page = await open('/');
    // Answer the outside site locally: tests never send traffic off this machine.
    await page.context().route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>ngoài</title>' }));
    const popup = page.waitForEvent('popup');
    await page.selectOption('#lien-ket-chon', { label: 'Cổng Dịch vụ công quốc gia' });
    const opened = await popup;
    expect(opened.url()).toContain('dichvucong.gov.vn');
    await opened.close();
    await page.close();
  });

  test.each([
    ['cai cach', 'cải cách'],
    ['cải cách', 'cải cách'],
    ['duong', 'đường'],
    ['dong hoa', 'Đông Hòa'],
  ])('search "%s" finds pages with "%s"', async (query, expected) => {
    const page = await open(`/tim-kiem/?q=${encodeURIComponent(query)}`);
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 10_000 }).toMatch(/^Tìm thấy \d+ kết quả/);
    const text = (await page.locator('[data-search-results]').textContent()) ?? '';
    expect(text.toLowerCase()).toContain(expected.toLowerCase());
    await page.close();
  });

  test('skip link moves the keyboard to the main content', async () => {
    const page = await open('/tin-tuc/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');
    await page.close();
  });

  test('answers an unknown address with the Vietnamese 404', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/khong-co-trang-nay/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Không tìm thấy trang');
    await page.close();
  });

  test.each([['/'], ['/tin-tuc/'], ['/thong-bao/'], ['ARTICLE'], ['ANNOUNCEMENT'], ['/tim-kiem/?q=cai+cach'], ['/khong-co-trang-nay/']])(
    'has no serious accessibility violation on %s',
    async (which) => {
      let target = which;
      if (which === 'ARTICLE' || which === 'ANNOUNCEMENT') {
        const page = await open(which === 'ARTICLE' ? '/tin-tuc/' : '/thong-bao/');
        target = new URL((await page.locator('.news-item h2 a').first().getAttribute('href'))!, server.url).pathname;
        await page.close();
      }
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.url}${target}`);
      if (target.startsWith('/tim-kiem/')) await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 10_000 }).toMatch(/kết quả/);
      expect(await seriousViolations(page), target).toEqual([]);
      await page.close();
    },
  );

  test('sends the security headers and a strict Content-Security-Policy with every page (issue 10, finding 10)', async () => {
    for (const target of ['/', '/tin-tuc/', '/tim-kiem/', '/khong-co-trang-nay/', '/api/health/']) {
      const res = await fetch(`${server.url}${target}`);
      expect(res.headers.get('x-content-type-options'), target).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), target).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy'), target).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
      expect(res.headers.get('content-security-policy'), target).toContain("frame-ancestors 'none'");
      const body = await res.text();
      if (target.startsWith('/api/')) continue;
      const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(body)?.[1] ?? '';
      expect(policy, target).toContain("default-src 'self'");
      expect(policy, target).toMatch(/script-src 'self'/);
      expect(policy, target).not.toContain('unsafe-inline');
      // Every inline script and style of the page is allowed by its hash, and nothing else inline is.
      for (const [, tag, content] of body.matchAll(/<(script|style)\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/\1>/g)) {
        expect(policy, `${target}: inline ${tag}`).toContain(`'sha256-${createHash('sha256').update(content!).digest('base64')}'`);
      }
      expect(body, target).not.toMatch(/\son\w+="/);
      expect(body, target).not.toMatch(/\sstyle="/);
    }
  });

  test('runs every page type under its policy without a single violation (issue 10, finding 10)', async () => {
    const list = await open('/tin-tuc/');
    const article = (await list.locator('.news-item h2 a').first().getAttribute('href'))!;
    await list.close();
    for (const target of ['/', article, '/thong-bao/', '/lien-ket/', '/tim-kiem/?q=cai+cach', '/van-ban/', '/lich-cong-tac/', '/co-cau-to-chuc/', '/du-lieu-mo/', '/en/', '/hoi-dap/', '/hoi-dap/gui-cau-hoi/', '/cong-khai/', '/ban-do/', '/thu-tuc-hanh-chinh/', '/tinh-hinh-giai-quyet-ho-so/']) {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${server.url}${target}`);
      // The page's own scripts ran: the counters, the rating, the search.
      if (!target.startsWith('/en/')) await expect.poll(() => page.locator('[data-stat="total"]').textContent(), { timeout: 10_000 }).toMatch(/^\d/);
      // The documents' search form is shown by its inline script, before the module runs.
      if (target === '/van-ban/') expect(await page.locator('#tim-van-ban').isVisible()).toBe(true);
      if (target === '/thu-tuc-hanh-chinh/') expect(await page.locator('#tim-thu-tuc').isVisible()).toBe(true);
      if (target === article) await expect.poll(() => page.locator('[data-rating-summary]').textContent(), { timeout: 10_000 }).not.toBe('');
      if (target.startsWith('/tim-kiem/')) await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 10_000 }).toMatch(/Tìm thấy \d+ kết quả/);
      expect(violations, target).toEqual([]);
      await page.close();
    }
  }, 120_000); // every page type loaded in the browser

  test('has a favicon, an .ico and a touch icon made from the emblem, and a page loads without an error in the console (issue 11)', async () => {
    const ico = await fetch(`${server.url}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    const bytes = Buffer.from(await ico.arrayBuffer());
    expect([...bytes.subarray(0, 6)]).toEqual([0, 0, 1, 0, 3, 0]); // an icon with three images
    const sizes = [0, 1, 2].map((i) => bytes[6 + 16 * i]);
    expect(sizes).toEqual([16, 32, 48]);
    const svg = await fetch(`${server.url}/favicon.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const touch = await fetch(`${server.url}/apple-touch-icon.png`);
    expect(touch.headers.get('content-type')).toBe('image/png');
    expect(await sharp(Buffer.from(await touch.arrayBuffer())).metadata()).toMatchObject({ width: 180, height: 180, format: 'png' });

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.locator('[data-stat="total"]').textContent(), { timeout: 10_000 }).toMatch(/^\d/);
    expect(await page.locator('link[rel="icon"]').count()).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  });

  test.runIf(hasJava)('every page type is valid HTML for the Nu Html Checker (issue 11)', async () => {
    const client = path.join(site.out, 'client');
    const first = (dir: string) => readdirSync(path.join(client, dir), { withFileTypes: true }).find((d) => d.isDirectory() && d.name !== 'trang')!.name;
    const pages = ['index.html', 'tin-tuc/index.html', `tin-tuc/${first('tin-tuc')}/index.html`, 'thong-bao/index.html', `thong-bao/${first('thong-bao')}/index.html`, `chuyen-muc/${first('chuyen-muc')}/index.html`, 'lien-ket/index.html', 'tim-kiem/index.html', 'gioi-thieu/index.html', '404.html'].map((p) => path.join(client, p));
    expect(await htmlCheckerErrors(pages, client)).toEqual([]);
  }, 120_000);

  test('nothing shifts on a slow phone: cumulative layout shift at most 0.02 on every page type (issues 11, 12)', async () => {
    const list = await open('/tin-tuc/');
    const article = (await list.locator('.news-item h2 a').first().getAttribute('href'))!;
    await list.close();
    const notices = await open('/thong-bao/');
    const announcement = (await notices.locator('.news-item h2 a').first().getAttribute('href'))!;
    await notices.close();
    const answered = await open('/hoi-dap/');
    const question = (await answered.locator('.question-list a').first().getAttribute('href'))!;
    await answered.close();
    for (const target of ['/', '/tin-tuc/', article, announcement, '/lien-ket/', '/tim-kiem/?q=cai+cach', '/van-ban/', '/co-cau-to-chuc/', '/danh-ba/', '/lich-cong-tac/', '/du-lieu-mo/', '/en/contacts/', '/hoi-dap/', question, '/hoi-dap/gui-cau-hoi/', '/cong-khai/', '/ban-do/', '/thu-tuc-hanh-chinh/', '/tinh-hinh-giai-quyet-ho-so/']) {
      // Lighthouse's mobile profile: a 412 px phone, 150 ms and 1.6 Mbit/s, a CPU four times slower.
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) w.__cls += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${server.url}${target}`, { waitUntil: 'load' });
      // Everything late has arrived: fonts settled, the counters filled in, the search answered.
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // (The English pages carry no statistics box.)
      if (!target.startsWith('/en/')) await expect.poll(() => page.locator('[data-stat="total"]').textContent(), { timeout: 20_000 }).toMatch(/^\d/);
      if (target.startsWith('/tim-kiem/')) await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 20_000 }).toMatch(/kết quả/);
      expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls), target).toBeLessThanOrEqual(0.02);
      await context.close();
    }
    // On a normal connection the portal's own font is used, Vietnamese letters included.
    const page = await open('/');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const loaded = await page.evaluate(() => Array.from(document.fonts as unknown as Iterable<FontFace>).filter((f) => f.status === 'loaded' && f.family.includes('Be Vietnam Pro')).map((f) => f.weight));
    expect(loaded).toEqual(expect.arrayContaining(['400', '700']));
    expect(await page.evaluate(() => document.fonts.check('16px "Be Vietnam Pro"', 'Ủy ban nhân dân xã'))).toBe(true);
    await page.close();
  }, 360_000);

  test('news without a cover leave no empty gap where the picture would be (issue 11)', async () => {
    let withoutCover = 0;
    for (const target of ['/', '/tin-tuc/']) {
      const page = await open(target, 1280);
      expect(await page.locator('.news-item > div:empty').count(), target).toBe(0);
      for (const item of await page.locator('.news-item:has(a[href^="/tin-tuc/"])').all()) {
        if ((await item.locator('img').count()) > 0) continue;
        withoutCover += 1;
        const [itemBox, textBox] = [await item.boundingBox(), await item.locator('> div').first().boundingBox()];
        expect(Math.abs(textBox!.x - itemBox!.x), target).toBeLessThan(2);
      }
      await page.close();
    }
    expect(withoutCover).toBeGreaterThan(0);
  });

  test('keeps screenshots of the home page and an article at 1280 and 375 px', async () => {
    const list = await open('/tin-tuc/');
    const article = (await list.locator('.news-item h2 a').first().getAttribute('href'))!;
    await list.close();
    for (const [name, url] of [['home', '/'], ['article', article]] as const) {
      for (const width of [1280, 375]) {
        const page = await open(url, width);
        // Scroll through the page so lazy images load before the full-page shot.
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 600) {
            window.scrollTo(0, y);
            await new Promise((r) => setTimeout(r, 50));
          }
          window.scrollTo(0, 0);
        });
        await page.waitForLoadState('networkidle');
        const file = path.join(screenshots, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(readFileSync(file).length).toBeGreaterThan(10_000);
        await page.close();
      }
    }
  });
});

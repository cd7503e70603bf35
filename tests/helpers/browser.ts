/** Debian's Chromium for the browser tests, with the flags this closed network needs. */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Searches the portal in the page as its search page does (site/src/pages/tim-kiem/): the full
 * Pagefind index, the fast publishes' delta merged in (issue 15), the full index's stale results
 * dropped. Resolves with each result's URL and meta image. A string, so the test runner does not
 * rewrite the dynamic import.
 */
export function pagefindSearch(page: Page, term: string): Promise<Array<{ url: string; image: string | null }>> {
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const delta = await fetch('/pagefind-delta/stale.json', { cache: 'no-store' }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
    if (delta && delta.delta) await pagefind.mergeIndex('/pagefind-delta/');
    await pagefind.init();
    const stale = new Set(delta ? delta.stale : []);
    const search = await pagefind.search(${JSON.stringify(term)});
    const items = await Promise.all(search.results.map((r) => r.data()));
    return items.filter((d) => !(stale.has(d.url) && d.meta['cong-delta'] !== '1')).map((d) => ({ url: d.url, image: d.meta.image ?? null }));
  })()`);
}

/**
 * `npm run lighthouse -- [--url http://127.0.0.1:4321] [--runs 1]`: Lighthouse (its default
 * mobile profile: a mid-range phone on slow 4G, simulated) on every page type of a running portal,
 * in Debian's Chromium (CHROMIUM_PATH), printed as a table: performance, accessibility, best
 * practices, SEO and cumulative layout shift. With --runs N each page is measured N times and the
 * median score is shown. Not part of `npm test`: a score is a measurement, not a pass/fail.
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags this closed network needs (see tests/helpers/browser.ts).
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const { values } = parseArgs({ options: { url: { type: 'string', default: process.env.SITE_URL ?? 'http://127.0.0.1:4321' }, runs: { type: 'string', default: '1' } } });
const base = values.url!.replace(/\/+$/, '');
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 9) {
  console.error('--runs must be a whole number from 1 to 9');
  process.exit(2);
}

/** The first link into `section` on the list page `list` (an article, an announcement). */
async function firstLink(list: string, section: string): Promise<string> {
  let html: string;
  try {
    html = await (await fetch(`${base}${list}`)).text();
  } catch (error) {
    console.error(`Cannot reach the portal at ${base} (${(error as Error).message}): start it with \`npm start\`, or pass --url`);
    process.exit(1);
  }
  const match = new RegExp(`href="(/${section}/(?!trang/|gui-cau-hoi/)[^"/]+/)"`).exec(html);
  if (!match) {
    console.error(`No link into /${section}/ on ${base}${list}: is the portal's content published?`);
    process.exit(1);
  }
  return match[1]!;
}

const pages: Array<[string, string]> = [
  ['home', '/'],
  ['news list', '/tin-tuc/'],
  ['article', await firstLink('/tin-tuc/', 'tin-tuc')],
  ['announcement', await firstLink('/thong-bao/', 'thong-bao')],
  ['links', '/lien-ket/'],
  ['search ?q=cai+cach', '/tim-kiem/?q=cai+cach'],
  ['documents', '/van-ban/'],
  ['document', await firstLink('/van-ban/', 'van-ban')],
  ['organisation chart', '/co-cau-to-chuc/'],
  ['contacts directory', '/danh-ba/'],
  ['work schedule', '/lich-cong-tac/'],
  ['open data', '/du-lieu-mo/'],
  ['English contacts', '/en/contacts/'],
  ['questions and answers', '/hoi-dap/'],
  ['question', await firstLink('/hoi-dap/', 'hoi-dap')],
  ['ask a question', '/hoi-dap/gui-cau-hoi/'],
  ['disclosures', '/cong-khai/'],
  ['disclosure', await firstLink('/cong-khai/', 'cong-khai')],
  ['map', '/ban-do/'],
  ['procedures', '/thu-tuc-hanh-chinh/'],
  ['procedure', await firstLink('/thu-tuc-hanh-chinh/', 'thu-tuc-hanh-chinh')],
  ['dossier figures', '/tinh-hinh-giai-quyet-ho-so/'],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
const rows: string[][] = [];
try {
  for (const [name, path] of pages) {
    const scores: Record<string, number[]> = Object.fromEntries([...CATEGORIES, 'cls'].map((c) => [c, []]));
    for (let i = 0; i < runs; i += 1) {
      const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${path}: ${lhr.runtimeError.message}`);
      for (const c of CATEGORIES) scores[c]!.push(Math.round((lhr.categories[c]?.score ?? 0) * 100));
      scores.cls!.push(Number(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN));
    }
    rows.push([name, ...CATEGORIES.map((c) => String(median(scores[c]!))), median(scores.cls!).toFixed(3)]);
    console.error(`measured ${name} (${path})`);
  }
} finally {
  await chrome.kill();
}

console.log(`\nLighthouse ${runs > 1 ? `(median of ${runs} runs) ` : ''}on ${base}, mobile profile\n`);
console.log('| page | perf | a11y | best practices | SEO | CLS |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);

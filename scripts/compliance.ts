/**
 * `npm run compliance`: the compliance report ("Mức độ công khai thông tin") of a portal as a table,
 * or as JSON with `--json`, read from its CMS with a read-only build token (published content only).
 * By default this install's CMS (CMS_URL and the build token, as the site build finds them); a
 * province auditing a commune passes the commune's `--cms-url` and `--token`.
 *
 *   npm run compliance
 *   npm run compliance -- --json
 *   npm run compliance -- --cms-url https://cms.tanhoa.example --token … --date 2026-12-31 --strict
 *   npm run compliance -- --portal phu-lam     one portal of this install (its build token, from the registry)
 *   npm run compliance -- --all                one summary row per portal of this install
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import './lib/load-env.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseBuildEnvironment } from '../content-types/src/build-env.ts';
import { isDay, vietnamDayAt } from '../content-types/src/calendar.ts';
import { createCmsClient } from '../content-types/src/cms-client.ts';
import { cmsDataDirOf } from '../content-types/src/env.ts';
import { readPortalRegistry } from '../content-types/src/portals.ts';
import { complianceFacts, complianceReport, complianceSummary, formatReportDay, restComplianceReader, type ComplianceRow } from '../content-types/src/compliance.ts';
import { rootDir } from './lib/cms.ts';

const USAGE = 'Usage: npm run compliance -- [--json] [--cms-url URL --token TOKEN | --portal CODE | --all] [--date YYYY-MM-DD] [--strict]';

/** Pads to a width counted in characters (Vietnamese letters are one each in NFC). */
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));

/** The report as a plain-text table. */
export function formatTable(rows: readonly ComplianceRow[]): string {
  const lines = rows.map((r) => [r.statusLabel.toLowerCase(), r.name, r.latestText, formatReportDay(r.dueBy), String(r.count), r.path]);
  const header = ['status', 'item', 'latest', 'due by', 'entries', 'page'];
  const widths = header.map((h, i) => Math.max([...h].length, ...lines.map((l) => [...l[i]!].length)));
  const row = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        'cms-url': { type: 'string' },
        token: { type: 'string' },
        date: { type: 'string' },
        strict: { type: 'boolean', default: false },
        portal: { type: 'string' },
        all: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`[cong] ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.date !== undefined && !isDay(values.date)) {
    console.error(`[cong] --date must be a day as YYYY-MM-DD, got "${values.date}".\n${USAGE}`);
    return 2;
  }
  if ((values.portal || values.all) && values.token) {
    console.error(`[cong] --token names one portal's CMS already: leave out --portal and --all (they read this install's registry).\n${USAGE}`);
    return 2;
  }
  if (values.portal && values.all) {
    console.error(`[cong] --portal and --all exclude each other.\n${USAGE}`);
    return 2;
  }
  const raw = { ...process.env };
  if (values['cms-url']) raw.CMS_URL = values['cms-url'];
  if (values.token) raw.CMS_TOKEN = values.token;
  const today = values.date ?? vietnamDayAt(new Date());
  /** The report read with one token (a portal's build token sees that portal's entries and settings). */
  const reportWith = async (token?: string) => {
    const env = parseBuildEnvironment(token ? { ...raw, CMS_TOKEN: token } : raw, rootDir);
    const client = createCmsClient({ baseUrl: env.cmsUrl, token: env.token, tokenHint: 'build token (--token, CMS_TOKEN or cms/data/build-token)', attempts: 2, retryDelayMs: 300 });
    return { cmsUrl: env.cmsUrl, rows: complianceReport(await complianceFacts(restComplianceReader(client)), today) };
  };
  if (values.portal || values.all) {
    const dataDir = cmsDataDirOf(process.env, rootDir);
    const registry = readPortalRegistry(dataDir);
    if (!registry) throw new Error(`no portals.json in ${dataDir}: start the CMS once so it writes the registry (or set CMS_DATA_DIR)`);
    const chosen = values.all ? registry.portals : registry.portals.filter((p) => p.code === values.portal);
    if (chosen.length === 0) throw new Error(`--portal ${values.portal}: no portal with this code (Mã cổng); the portals are: ${registry.portals.map((p) => p.code).join(', ')}`);
    const reports = [];
    for (const portal of chosen) {
      if (!portal.tokenFile) throw new Error(`the registry gives ${portal.code} no build token file: start the CMS once so it makes one`);
      const token = readFileSync(path.resolve(dataDir, portal.tokenFile), 'utf8').trim();
      const { rows } = await reportWith(token);
      reports.push({ portal: portal.code, name: portal.name, enabled: portal.enabled, summary: complianceSummary(rows), items: rows });
    }
    if (values.json) console.log(JSON.stringify({ today, portals: values.all ? reports : undefined, ...(values.all ? {} : reports[0]) }, null, 2));
    else if (values.all) {
      console.log(`Compliance of the ${reports.length} portals of this install on ${formatReportDay(today)}\n`);
      const lines = reports.map((r) => [r.portal, r.name, String(r.summary.ok), String(r.summary.overdue), String(r.summary.missing), r.enabled ? '' : 'disabled']);
      const header = ['portal', 'name', 'up to date', 'overdue', 'missing', ''];
      const widths = header.map((h, i) => Math.max([...h].length, ...lines.map((l) => [...l[i]!].length)));
      for (const line of [header, widths.map((w) => '-'.repeat(w)), ...lines]) console.log(line.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd());
    } else {
      const r = reports[0]!;
      console.log(`Compliance report of ${r.name} (${r.portal}) on ${formatReportDay(today)}: ${r.summary.ok} up to date, ${r.summary.overdue} overdue, ${r.summary.missing} missing\n`);
      console.log(formatTable(r.items));
    }
    return values.strict && reports.some((r) => r.summary.ok < r.items.length) ? 1 : 0;
  }
  const { cmsUrl, rows } = await reportWith();
  const summary = complianceSummary(rows);
  if (values.json) {
    console.log(JSON.stringify({ cms: cmsUrl, today, summary, items: rows }, null, 2));
  } else {
    console.log(`Compliance report of ${cmsUrl} on ${formatReportDay(today)}: ${summary.ok} up to date, ${summary.overdue} overdue, ${summary.missing} missing\n`);
    console.log(formatTable(rows));
  }
  return values.strict && summary.ok < rows.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[cong] compliance report failed: ${(error as Error).message}`);
    process.exit(2);
  },
);

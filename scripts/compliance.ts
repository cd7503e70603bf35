/**
 * `npm run compliance`: the compliance report ("Mức độ công khai thông tin") of a portal as a table,
 * or as JSON with `--json`, read from its CMS with a read-only build token (published content only).
 * By default this install's CMS (CMS_URL and the build token, as the site build finds them); a
 * province auditing a commune passes the commune's `--cms-url` and `--token`.
 *
 *   npm run compliance
 *   npm run compliance -- --json
 *   npm run compliance -- --cms-url https://cms.tanhoa.example --token … --date 2026-12-31 --strict
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import './lib/load-env.ts';
import { parseArgs } from 'node:util';
import { parseBuildEnvironment } from '../content-types/src/build-env.ts';
import { isDay, vietnamDayAt } from '../content-types/src/calendar.ts';
import { createCmsClient } from '../content-types/src/cms-client.ts';
import { complianceFacts, complianceReport, complianceSummary, formatReportDay, restComplianceReader, type ComplianceRow } from '../content-types/src/compliance.ts';
import { rootDir } from './lib/cms.ts';

const USAGE = 'Usage: npm run compliance -- [--json] [--cms-url URL --token TOKEN] [--date YYYY-MM-DD] [--strict]';

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
  const raw = { ...process.env };
  if (values['cms-url']) raw.CMS_URL = values['cms-url'];
  if (values.token) raw.CMS_TOKEN = values.token;
  const env = parseBuildEnvironment(raw, rootDir);
  const client = createCmsClient({ baseUrl: env.cmsUrl, token: env.token, tokenHint: 'build token (--token, CMS_TOKEN or cms/data/build-token)', attempts: 2, retryDelayMs: 300 });
  const today = values.date ?? vietnamDayAt(new Date());
  const rows = complianceReport(await complianceFacts(restComplianceReader(client)), today);
  const summary = complianceSummary(rows);
  if (values.json) {
    console.log(JSON.stringify({ cms: env.cmsUrl, today, summary, items: rows }, null, 2));
  } else {
    console.log(`Compliance report of ${env.cmsUrl} on ${formatReportDay(today)}: ${summary.ok} up to date, ${summary.overdue} overdue, ${summary.missing} missing\n`);
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

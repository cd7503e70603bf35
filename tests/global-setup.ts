/**
 * Runs once before all test files: compiles the CMS server code, so the integration files that
 * run in parallel never race to write cms/dist.
 */
import { buildCmsServer } from '../scripts/lib/cms.ts';

export default function setup(): void {
  buildCmsServer();
}

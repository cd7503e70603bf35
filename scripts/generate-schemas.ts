/**
 * Writes the Strapi schemas (and stock controller/route/service files) of every type of
 * the model into cms/. Run after changing content-types/; a test fails when they drift.
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strapiFiles } from '../content-types/src/strapi-schema.ts';

const cmsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'cms');
for (const [path, content] of strapiFiles()) {
  const target = join(cmsDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  console.log(`wrote cms/${path}`);
}

/**
 * A digest of the code a build renders the site with (the site's sources and public files, the
 * content model, the lockfile): the publisher's fast path renders with the live release's compiled
 * pages only while the code they were compiled from is still the code of this checkout.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, from this file (site/src/lib/) or from CONG_SITE_DIR. */
function repoRoot(): string {
  const site = process.env.CONG_SITE_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return path.resolve(site, '..');
}

function* files(target: string): Generator<string> {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) {
    yield target;
    return;
  }
  for (const entry of readdirSync(target, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    yield* files(path.join(target, entry.name));
  }
}

/** The digest of the site's code in this checkout. */
export function siteCodeHash(): string {
  const root = repoRoot();
  const hash = createHash('sha256');
  for (const part of ['site/src', 'site/public', 'site/astro.config.mjs', 'site/package.json', 'content-types/src', 'package-lock.json']) {
    for (const file of files(path.join(root, part))) {
      hash.update(path.relative(root, file));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('base64url');
}

/**
 * Reconciliation: a webhook lost while the publisher was down must not leave the site stale.
 * The publisher fingerprints what the CMS publishes (every entry's documentId and updatedAt) and
 * compares it with the fingerprint recorded in the live release; a difference schedules a build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCmsClient } from '../../site/src/lib/cms-client.ts';

const COLLECTIONS = ['articles', 'announcements', 'links', 'pages', 'categories', 'comments'];

/** A hash of (type, documentId, updatedAt) of everything published, plus the settings. */
export async function contentFingerprint(cmsUrl: string, token: string): Promise<string> {
  const client = createCmsClient({ baseUrl: cmsUrl, token, attempts: 2, retryDelayMs: 500 });
  const hash = createHash('sha256');
  for (const plural of COLLECTIONS) {
    const stamps = (await client.getAll(plural, { 'fields[0]': 'updatedAt', sort: 'documentId:asc' })) as Array<{ documentId: string; updatedAt: string }>;
    for (const s of stamps) hash.update(`${plural}:${s.documentId}:${s.updatedAt}\n`);
  }
  const settings = (await client.getSingle('site-setting', { 'fields[0]': 'updatedAt' })) as { updatedAt?: string } | null;
  hash.update(`site-setting:${settings?.updatedAt ?? ''}\n`);
  return hash.digest('hex');
}

const manifest = (releaseDir: string) => path.join(releaseDir, 'release.json');

/** Records what a release was built from. */
export function writeReleaseManifest(releaseDir: string, data: { fingerprint: string; builtAt: string }): void {
  writeFileSync(manifest(releaseDir), JSON.stringify(data, null, 2));
}

/** The fingerprint a release was built from, or null. */
export function readReleaseFingerprint(releaseDir: string): string | null {
  if (!existsSync(manifest(releaseDir))) return null;
  return (JSON.parse(readFileSync(manifest(releaseDir), 'utf8')) as { fingerprint?: string }).fingerprint ?? null;
}

/**
 * What each step of the demo seed uses to write into Strapi: find by a unique field, backdate a
 * document as if published earlier, upload a generated file once, and keep webhooks quiet.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';

export const DAY = 24 * 60 * 60 * 1000;

export type Row = Record<string, unknown> & { id: number; documentId: string };

/** Detaches every webhook of this process's runner so seeding fires none; returns the undo. */
export async function silenceWebhooks(strapi: Core.Strapi): Promise<() => void> {
  const store = strapi.get('webhookStore') as { findWebhooks(): Promise<Array<{ id: string; isEnabled: boolean }>> };
  const runner = strapi.get('webhookRunner') as { remove(webhook: { id: string }): void; add(webhook: { id: string }): void };
  const webhooks = await store.findWebhooks();
  for (const webhook of webhooks) runner.remove(webhook);
  return () => {
    for (const webhook of webhooks) if (webhook.isEnabled) runner.add(webhook);
  };
}

/** The one row of `uid` matching `where` (a slug, a URL, a name), or null. */
export async function findBy(strapi: Core.Strapi, uid: string, where: Record<string, unknown>): Promise<Row | null> {
  return (await strapi.db.query(uid as UID.ContentType).findOne({ where })) as Row | null;
}

/** Sets the dates of every row of a document, as if it had been published at `date`. */
export async function backdate(strapi: Core.Strapi, uid: string, documentId: string, date: Date): Promise<void> {
  const query = strapi.db.query(uid as UID.ContentType);
  // firstPublishedAt (cms/config/features.ts) on the draft too: later publishes copy it from there.
  const hasFirst = 'firstPublishedAt' in (strapi.contentType(uid as UID.ContentType)?.attributes ?? {});
  const first = hasFirst && (await query.count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0 ? { firstPublishedAt: date } : {};
  await query.updateMany({ where: { documentId }, data: { createdAt: date, updatedAt: date, ...first } });
  await query.updateMany({ where: { documentId, publishedAt: { $notNull: true } }, data: { publishedAt: date } });
}

export interface UploadedFile {
  id: number;
  url: string;
}

/** Uploads a generated file once; a file of the same name already in the library is reused. */
export async function ensureFile(strapi: Core.Strapi, name: string, mime: string, make: () => Promise<Buffer>, alternativeText: string): Promise<{ file: UploadedFile; created: boolean }> {
  const existing = (await strapi.db.query('plugin::upload.file').findOne({ where: { name } })) as UploadedFile | null;
  if (existing) return { file: existing, created: false };
  const dir = mkdtempSync(path.join(tmpdir(), 'cong-seed-'));
  try {
    const filepath = path.join(dir, name);
    writeFileSync(filepath, await make());
    const upload = strapi.plugin('upload').service('upload') as {
      upload(input: { data: Record<string, unknown>; files: Record<string, unknown> }): Promise<UploadedFile[]>;
    };
    const [file] = await upload.upload({
      data: { fileInfo: { name, alternativeText, caption: alternativeText } },
      files: { filepath, originalFilename: name, mimetype: mime, size: statSync(filepath).size },
    });
    if (!file) throw new Error(`Uploading ${name} returned no file`);
    return { file, created: true };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

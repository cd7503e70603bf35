/**
 * Hẹn giờ đăng / Hẹn giờ gỡ: scheduled publishing, free (Strapi's Releases are a paid feature).
 * Editors save a draft with "Hẹn giờ đăng"; a cron task (every minute, `SCHEDULE_RULE`) publishes
 * drafts whose time has come and unpublishes entries past "Hẹn giờ gỡ". Publishing fires Strapi's
 * webhooks, so the publisher deploys the change as for a Publish click.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { scheduledTypes } from '@cong/content-types';

interface Due {
  documentId: string;
}

export interface ScheduleResult {
  published: string[];
  unpublished: string[];
  failed: Array<{ documentId: string; error: string }>;
}

/** Publishes and unpublishes what is due at `now`; one failing document does not stop the others. */
export async function runScheduledPublishing(strapi: Core.Strapi, now = new Date()): Promise<ScheduleResult> {
  const result: ScheduleResult = { published: [], unpublished: [], failed: [] };
  const at = now.toISOString();
  for (const { uid } of scheduledTypes) {
    const documents = strapi.documents(uid as UID.ContentType);
    const toPublish = (await documents.findMany({ status: 'draft', filters: { publishAt: { $lte: at } } as never, fields: ['documentId', 'publishAt'] as never, limit: 200 } as never)) as unknown as Array<Due & { publishAt: string }>;
    for (const { documentId, publishAt } of toPublish) {
      let cleared = false;
      try {
        // Cleared first, so the published version does not carry the schedule and it runs once.
        await documents.update({ documentId, data: { publishAt: null } as never } as never);
        cleared = true;
        await documents.publish({ documentId } as never);
        result.published.push(documentId);
      } catch (error) {
        // A refused publish (an image without its description, a missing field) keeps its time:
        // it is retried every run until the editor fixes the entry.
        if (cleared) await documents.update({ documentId, data: { publishAt } as never } as never).catch(() => undefined);
        result.failed.push({ documentId, error: (error as Error).message });
      }
    }
    const toUnpublish = (await documents.findMany({ status: 'published', filters: { unpublishAt: { $lte: at } } as never, fields: ['documentId'] as never, limit: 200 } as never)) as unknown as Due[];
    for (const { documentId } of toUnpublish) {
      try {
        await documents.unpublish({ documentId } as never);
        await documents.update({ documentId, data: { unpublishAt: null } as never } as never);
        result.unpublished.push(documentId);
      } catch (error) {
        result.failed.push({ documentId, error: (error as Error).message });
      }
    }
  }
  for (const id of result.published) strapi.log.info(`[schedule] published ${id} (Hẹn giờ đăng)`);
  for (const id of result.unpublished) strapi.log.info(`[schedule] unpublished ${id} (Hẹn giờ gỡ)`);
  for (const f of result.failed) strapi.log.error(`[schedule] document ${f.documentId} could not be (un)published at its scheduled time: ${f.error}. The editor must fix the entry; it is retried every run.`);
  return result;
}

/** "Hẹn giờ gỡ" must come after "Hẹn giờ đăng": a ValidationError in Vietnamese otherwise. */
export function assertValidSchedule(data: Record<string, unknown>): void {
  const publishAt = typeof data.publishAt === 'string' ? Date.parse(data.publishAt) : NaN;
  const unpublishAt = typeof data.unpublishAt === 'string' ? Date.parse(data.unpublishAt) : NaN;
  if (!Number.isNaN(publishAt) && !Number.isNaN(unpublishAt) && unpublishAt <= publishAt) {
    const message = 'Hẹn giờ gỡ: phải sau thời điểm hẹn giờ đăng.';
    throw new errors.ValidationError(message, { errors: [{ path: ['unpublishAt'], message, name: 'ValidationError' }] });
  }
}

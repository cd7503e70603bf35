/**
 * Registers the webhook that tells the publisher to rebuild, from PUBLISHER_URL and
 * WEBHOOK_SECRET, on every start. Strapi loads saved webhooks before bootstrap, so the
 * runner is told too: the change works without a second restart.
 */
import type { Core } from '@strapi/strapi';
import { WEBHOOK_SECRET_HEADER } from '@cong/content-types';
import type { CmsEnvironment } from '../lib/environment';

/** Name of the webhook in Settings → Webhooks. */
export const PUBLISHER_WEBHOOK_NAME = 'Cổng: dựng lại trang công khai';
const EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish', 'media.create', 'media.update', 'media.delete'];

interface Webhook {
  id: string;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}
interface WebhookStore {
  findWebhooks(): Promise<Webhook[]>;
  createWebhook(data: Omit<Webhook, 'id'>): Promise<Webhook>;
  updateWebhook(id: string, data: Omit<Webhook, 'id'>): Promise<Webhook>;
  deleteWebhook(id: string): Promise<unknown>;
}
interface WebhookRunner {
  add(webhook: Webhook): void;
  update(webhook: Webhook): void;
  remove(webhook: Webhook): void;
}

/** Creates, updates or removes the publisher webhook to match the environment. */
export async function ensurePublisherWebhook(strapi: Core.Strapi, env: Pick<CmsEnvironment, 'PUBLISHER_URL' | 'WEBHOOK_SECRET'>): Promise<void> {
  const store = strapi.get('webhookStore') as WebhookStore;
  const runner = strapi.get('webhookRunner') as WebhookRunner;
  const existing = (await store.findWebhooks()).find((w) => w.name === PUBLISHER_WEBHOOK_NAME);
  if (!env.PUBLISHER_URL || !env.WEBHOOK_SECRET) {
    if (existing) {
      runner.remove(existing);
      await store.deleteWebhook(existing.id);
      strapi.log.info('[cong] PUBLISHER_URL is not set: removed the publisher webhook');
    }
    return;
  }
  const data = {
    name: PUBLISHER_WEBHOOK_NAME,
    url: `${env.PUBLISHER_URL.replace(/\/+$/, '')}/webhook`,
    headers: { [WEBHOOK_SECRET_HEADER]: env.WEBHOOK_SECRET },
    events: EVENTS,
    isEnabled: true,
  };
  if (existing) runner.update(await store.updateWebhook(existing.id, data));
  else runner.add(await store.createWebhook(data));
  strapi.log.info(`[cong] publisher webhook → ${data.url}`);
}

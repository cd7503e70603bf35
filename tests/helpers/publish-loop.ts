/**
 * The publish loop around a test CMS: a publisher building into a fresh folder under
 * site/.builds/ (the server bundle resolves the root node_modules), the CMS's webhook pointed at
 * it, the first release built, and public servers on the releases when a test wants them.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ensurePublisherWebhook } from '../../cms/src/bootstrap/publisher-webhook';
import { createPublicServer } from '../../scripts/public/server';
import { startPublisher, type Publisher } from '../../scripts/publisher/publisher';
import type { FullBuildAfter } from '../../scripts/publisher/portal';
import { contentFingerprint, readReleaseFingerprint } from '../../scripts/publisher/reconcile';
import { currentRelease } from '../../scripts/publisher/releases';
import type { CmsHarness } from './cms-harness';
import { waitUntil, webhooksInFlight } from './conditions';
import { listen } from './net';
import { rootDir, SITE_URL } from './site-build';

export interface PublishLoop {
  /** Folder holding releases/, current and the queue state. */
  root: string;
  publisher: Publisher;
  /** Whether the first reconciliation found nothing live and scheduled the first build. */
  firstBuildScheduled: boolean;
  /**
   * Waits until the live release shows what the CMS publishes now: every webhook the CMS queued
   * delivered, no media check, build or pending build left, the last build a success, and the
   * live release built from the CMS's current content fingerprint. Fails at once when a build
   * failed (its retry is a minute away).
   */
  settle(): Promise<void>;
  /** Starts a public server on the releases; resolves with its URL. */
  serve(env?: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

export async function startPublishLoop(
  cms: CmsHarness,
  name: string,
  options: { secret: string; keep?: number; quietMs?: number; log?: (m: string) => void; fastMaxPages?: number; fullAfter?: FullBuildAfter },
): Promise<PublishLoop> {
  mkdirSync(path.join(rootDir, 'site', '.builds'), { recursive: true });
  const root = mkdtempSync(path.join(rootDir, 'site', '.builds', `${name}-`));
  const publisher = await startPublisher({
    host: '127.0.0.1', port: 0, secret: options.secret, root, keep: options.keep ?? 2,
    cmsUrl: cms.url, token: cms.buildToken, siteUrl: SITE_URL,
    quietMs: options.quietMs ?? 500, maxWaitMs: 10_000, reconcileMs: 0, retryBaseMs: 60_000,
    // The full build after fast publishes only when a test asks for it (it would start between a test's publishes).
    fastMaxPages: options.fastMaxPages, fullAfter: options.fullAfter ?? { mode: 'idle', idleMs: 3_600_000 },
    log: options.log ?? (() => undefined),
  });
  await ensurePublisherWebhook(cms.strapi, { PUBLISHER_URL: publisher.url, WEBHOOK_SECRET: options.secret });
  const firstBuildScheduled = await publisher.reconcile();
  await publisher.queue.idle();
  const servers: Array<ReturnType<typeof createPublicServer>> = [];
  return {
    root,
    publisher,
    firstBuildScheduled,
    async settle() {
      await waitUntil(async () => {
        const webhooks = webhooksInFlight(cms.strapi);
        if (webhooks > 0) return `the CMS is sending ${webhooks} webhook(s)`;
        const media = publisher.media();
        if (media.checked < media.received) return 'a media check is running';
        const queue = publisher.queue.status();
        if (queue.building) return 'a build is running';
        const last = publisher.lastBuild();
        if (last?.result === 'failure') throw new Error(`the last build failed: ${last.error}`);
        if (queue.pending) return 'a build is pending';
        const live = currentRelease(root);
        const built = live ? readReleaseFingerprint(path.join(root, 'releases', live)) : null;
        if (built !== (await contentFingerprint(cms.url, cms.buildToken))) return `the live release ${live} is not built from what the CMS publishes now`;
        return true;
      }, { timeoutMs: 110_000, what: 'the publish loop settled' });
      expect(publisher.lastBuild()?.result).toBe('success');
    },
    async serve(env = {}) {
      // The tests stand in for nginx on loopback: they name each reader's address with X-Real-IP.
      const server = createPublicServer(root, { env, trustedProxies: ['127.0.0.1'] });
      servers.push(server);
      return listen(server);
    },
    async close() {
      for (const server of servers) await new Promise((r) => server.close(r));
      await publisher.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

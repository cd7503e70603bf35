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
import type { CmsHarness } from './cms-harness';
import { listen } from './net';
import { rootDir, SITE_URL } from './site-build';

export interface PublishLoop {
  /** Folder holding releases/, current and the queue state. */
  root: string;
  publisher: Publisher;
  /** Whether the first reconciliation found nothing live and scheduled the first build. */
  firstBuildScheduled: boolean;
  /** Waits for the webhooks to arrive and the publisher to finish what they queued, successfully. */
  settle(): Promise<void>;
  /** Starts a public server on the releases; resolves with its URL. */
  serve(env?: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

export async function startPublishLoop(cms: CmsHarness, name: string, options: { secret: string; keep?: number; quietMs?: number; log?: (m: string) => void }): Promise<PublishLoop> {
  mkdirSync(path.join(rootDir, 'site', '.builds'), { recursive: true });
  const root = mkdtempSync(path.join(rootDir, 'site', '.builds', `${name}-`));
  const publisher = await startPublisher({
    host: '127.0.0.1', port: 0, secret: options.secret, root, keep: options.keep ?? 2,
    cmsUrl: cms.url, token: cms.buildToken, siteUrl: SITE_URL,
    quietMs: options.quietMs ?? 500, maxWaitMs: 10_000, reconcileMs: 0, retryBaseMs: 60_000,
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
      await new Promise((r) => setTimeout(r, 300));
      await publisher.queue.idle();
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

/**
 * The benchmark's publish part: publish-to-live latency through the publisher, from an editor's
 * Publish in the admin API to the page answered by the public server.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startPublisher } from '../publisher/publisher.ts';
import { createPublicServer } from '../public/server.ts';
import { adminHeaders, startCms } from './cms.ts';
import type { Bench } from './context.ts';

/**
 * Publish-to-live: publishes `count` articles one after another through the admin API (as an
 * editor's Publish button does) and times each until the public server answers its page.
 */
export async function benchPublishLatency(bench: Bench, label: string, count: number): Promise<void> {
  const { url, env, dataDir, buildDir, rows } = bench;
  const root = path.join(buildDir, `publish-${rows.length}`);
  const secret = randomBytes(16).toString('hex');
  const publisher = await startPublisher({
    host: '127.0.0.1', port: 0, secret, root, keep: 2, cmsUrl: url,
    token: readFileSync(path.join(dataDir, 'build-token'), 'utf8').trim(), siteUrl: 'http://127.0.0.1',
    quietMs: 750, maxWaitMs: 30_000, reconcileMs: 0, log: () => {},
  });
  const server = createPublicServer(root);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const site = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const stop = await startCms({ ...env, PUBLISHER_URL: publisher.url, WEBHOOK_SECRET: secret }, url);
  try {
    await publisher.reconcile(); // the first release
    await publisher.queue.idle();
    const headers = await adminHeaders(bench);
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const created = (await (await fetch(`${url}/content-manager/collection-types/api::article.article`, { method: 'POST', headers, body: JSON.stringify({ title: `Đo thời gian đăng bài ${Date.now()} ${i}`, body: 'Nội dung đo.' }) })).json()) as { data: { documentId: string; slug: string } };
      const t0 = performance.now();
      await fetch(`${url}/content-manager/collection-types/api::article.article/${created.data.documentId}/actions/publish`, { method: 'POST', headers, body: '{}' });
      for (let tries = 0; (await fetch(`${site}/tin-tuc/${created.data.slug}/`)).status !== 200; tries += 1) {
        if (tries > 3000) throw new Error('the published page never appeared');
        await new Promise((r) => setTimeout(r, 100));
      }
      times.push((performance.now() - t0) / 1000);
      await publisher.queue.idle();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const steps = Object.entries(publisher.lastBuild()?.steps ?? {}).filter(([, ms]) => ms >= 100).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ');
    rows.push([label, `${median.toFixed(1)} s`, `median of ${count}; best ${times[0]!.toFixed(1)} s, worst ${times[times.length - 1]!.toFixed(1)} s; last build: ${steps}`]);
  } finally {
    await stop();
    await publisher.close();
    server.close();
  }
}

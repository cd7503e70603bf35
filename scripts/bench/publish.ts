/**
 * The benchmark's publish part (issue 15): publish-to-live through the real publisher and public
 * server, from an editor's Publish in the admin API to the page answered by the public server.
 *
 * 1. The publisher's first release is a full build (nothing is live yet): timed, not counted.
 * 2. `count` articles published one after another, each onto an idle publisher (its background
 *    work for the one before done: housekeeping.ts): median and worst, the path each publish took
 *    (fast or full, and why), and where the median publish's time went: "wait" (the publish
 *    request, the webhook and the queue's quiet period, until the build starts), then each step
 *    of the build up to the switch (lastBuild().steps), the build's time outside its steps (the
 *    fast path's process start), then "other" (the page poll).
 * 3. With `edit`: the title of an article from the oldest part of the archive corrected and published
 *    again (Strapi sets publishedAt anew: without firstPublishedAt the article moved to the top),
 *    until its page shows the new title: the time and the pages the publish rendered.
 * 4. With `burst`: that many articles published through the admin API spread over at most 10 s,
 *    then the time from the last publish until every one of their pages answers 200.
 * The consistency build after fast publishes is held off (an idle hour) so that none runs between
 * the measured publishes.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startPublisher, type Publisher } from '../publisher/publisher.ts';
import type { LastBuild } from '../publisher/server.ts';
import { createPublicServer } from '../public/server.ts';
import { adminHeaders, startCms } from './cms.ts';
import type { Bench } from './context.ts';
import { median, pathSummary, publishParts, stepShares, worst } from './report.ts';
import { BUILD_QUIET_MS } from '../publisher/config.ts';
import { settled } from '../publisher/housekeeping.ts';
import { currentRelease } from '../publisher/releases.ts';
import { siteCodeHash } from '../../site/src/lib/code-hash.ts';
import type { RendererFile } from '../../site/src/lib/renderer-format.ts';

/** The site code a release's compiled pages were built from (renderer.json), or null. */
function readRendererCode(release: string): string | null {
  const file = path.join(release, 'renderer', 'renderer.json');
  return existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as Partial<RendererFile>).code ?? null) : null;
}

export interface PublishBenchOptions {
  /** Rows' label, e.g. "Publish to live, one article, 10,000 articles". */
  label: string;
  /** Publishes one after another (at least 5 for the table's median and worst). */
  count: number;
  /** With a number: that many publishes within 10 s, then the time until all are live. */
  burst?: { count: number; label: string };
  /** With a label: an old article's title corrected and published again, until its page shows it. */
  edit?: { label: string };
}

const ARTICLES = '/content-manager/collection-types/api::article.article';
const BURST_WINDOW_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function ok(res: Response): Promise<Response> {
  if (!res.ok) throw new Error(`the admin API answered ${res.status} to ${res.url}: ${(await res.text()).slice(0, 120)}`);
  return res;
}

/** Creates a draft article through the admin API (no webhook builds for a draft); its documentId and slug. */
async function createDraft(url: string, headers: Record<string, string>, title: string): Promise<{ documentId: string; slug: string }> {
  const created = (await (await ok(await fetch(`${url}${ARTICLES}`, { method: 'POST', headers, body: JSON.stringify({ title, body: 'Nội dung đo thời gian đăng bài.' }) }))).json()) as { data: { documentId: string; slug: string } };
  return created.data;
}

/** Publishes it, as an editor's Publish button does. */
async function publish(url: string, headers: Record<string, string>, documentId: string): Promise<void> {
  await ok(await fetch(`${url}${ARTICLES}/${documentId}/actions/publish`, { method: 'POST', headers, body: '{}' }));
}

/** The public server's status for a path (the body is read so that the connection is reused). */
async function statusOf(site: string, target: string): Promise<number> {
  const res = await fetch(`${site}${target}`);
  await res.arrayBuffer();
  return res.status;
}

/** Every build the publisher runs while tracked, by its start, in its final state. */
function trackBuilds(publisher: Publisher, log: string[]): { stop(): { builds: LastBuild[]; failures: string[] } } {
  const seen = new Map<string, LastBuild>();
  const from = log.length;
  const take = () => {
    const build = publisher.lastBuild();
    if (build) seen.set(build.startedAt, build);
  };
  const timer = setInterval(take, 50);
  return {
    stop() {
      clearInterval(timer);
      take();
      // The status shows the latest build only: one that ended with the next starting within the
      // same 50 ms was last seen running. Failures are counted from the publisher's log, which has
      // a line for every build.
      const failures = log.slice(from).filter((line) => /(^|\] )build failed after /.test(line));
      return { builds: [...seen.values()], failures };
    },
  };
}

interface Publish {
  totalMs: number;
  waitMs: number;
  build: LastBuild;
}

/** See the module comment. Rows go into `bench.rows`. */
export async function benchPublishLatency(bench: Bench, options: PublishBenchOptions): Promise<void> {
  const { url, env, dataDir, buildDir, rows } = bench;
  const { label, count } = options;
  const root = path.join(buildDir, `publish-${rows.length}`);
  // A release kept by `--reuse` from other site code: its first publish would take the full path
  // and count as a measured one. Built again from nothing instead, as without --reuse.
  const kept = currentRelease(root);
  if (kept && readRendererCode(path.join(root, 'releases', kept)) !== siteCodeHash()) rmSync(root, { recursive: true, force: true });
  const secret = randomBytes(16).toString('hex');
  const publisherLog: string[] = [];
  const publisher = await startPublisher({
    host: '127.0.0.1', port: 0, secret, root, keep: 2, cmsUrl: url,
    token: readFileSync(path.join(dataDir, 'build-token'), 'utf8').trim(), siteUrl: 'http://127.0.0.1',
    quietMs: BUILD_QUIET_MS, maxWaitMs: 30_000, reconcileMs: 0, log: (line) => void publisherLog.push(line),
    // No consistency build between the measured publishes.
    fullAfter: { mode: 'idle', idleMs: 3_600_000 },
  });
  const server = createPublicServer(root);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const site = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const stop = await startCms({ ...env, PUBLISHER_URL: publisher.url, WEBHOOK_SECRET: secret }, url);
  try {
    // The first release: a full build, which also keeps the compiled pages the fast path renders with.
    // (With `npm run bench -- --reuse`, a release of an earlier run may be live and up to date: no build.)
    const live = currentRelease(root) !== null;
    await publisher.reconcile();
    await publisher.queue.idle();
    const first = publisher.lastBuild();
    if (first ? first.result !== 'success' : !live) throw new Error(`the first build failed: ${first?.error ?? 'it never ran'}`);
    const headers = await adminHeaders(bench);

    const publishes: Publish[] = [];
    for (let i = 0; i < count; i += 1) {
      const draft = await createDraft(url, headers, `Đo thời gian đăng bài ${Date.now()} ${i}`);
      const wall0 = Date.now();
      const t0 = performance.now();
      await publish(url, headers, draft.documentId);
      for (let tries = 0; (await statusOf(site, `/tin-tuc/${draft.slug}/`)) !== 200; tries += 1) {
        if (tries > 6000) throw new Error(`the published page /tin-tuc/${draft.slug}/ never appeared`);
        await sleep(100);
      }
      const totalMs = performance.now() - t0;
      await publisher.queue.idle();
      // Each publish onto an idle publisher, as an editor's next article comes minutes later: the
      // copy of the new live release and the deletion of the old one (housekeeping.ts) are done.
      // Publishes that do not wait for each other are the burst's measure.
      await settled();
      const build = publisher.lastBuild();
      if (!build || build.result !== 'success' || Date.parse(build.startedAt) < wall0) throw new Error(`publish ${i + 1}: the page is live but no build of it finished (${build?.error ?? build?.result ?? 'none'})`);
      publishes.push({ totalMs, waitMs: Date.parse(build.startedAt) - wall0, build });
    }
    const totals = publishes.map((p) => p.totalMs);
    const mid = publishes.find((p) => p.totalMs === median(totals))!;
    const pages = mid.build.pages ? `; it rendered ${mid.build.pages.rendered.toLocaleString('en')} of ${mid.build.pages.total.toLocaleString('en')} pages (${mid.build.pages.changed.toLocaleString('en')} changed)` : '';
    rows.push([
      label,
      s(median(totals)),
      `median of ${count}, worst ${s(worst(totals))} (best ${s(Math.min(...totals))}); paths: ${pathSummary(publishes.map((p) => p.build))}; `
        + `the median publish (${mid.build.path ?? '?'} path): ${stepShares(mid.totalMs, publishParts(mid.waitMs, mid.build))}${pages}; `
        + (first ? `first build (${first.path ?? 'full'}, ${first.why ?? ''}), not counted: ${(first.seconds ?? 0).toFixed(1)} s` : 'the release of an earlier run was live and up to date (--reuse)'),
    ]);

    if (options.edit) {
      await settled();
      const token = readFileSync(path.join(dataDir, 'build-token'), 'utf8').trim();
      // The 100th oldest (the newest of a smaller archive, as the demo's).
      const oldest = (await (await ok(await fetch(`${url}/api/articles?sort=publishedAt:asc&pagination[page]=1&pagination[pageSize]=100&fields[0]=slug&fields[1]=title`, { headers: { authorization: `Bearer ${token}` } }))).json()) as { data: Array<{ documentId: string; slug: string; title: string }> };
      const old = oldest.data.at(-1);
      if (!old) throw new Error('no published article to edit');
      const title = `${old.title} (đã sửa ${Date.now()})`;
      const wall0 = Date.now();
      const t0 = performance.now();
      await ok(await fetch(`${url}${ARTICLES}/${old.documentId}`, { method: 'PUT', headers, body: JSON.stringify({ title }) }));
      await publish(url, headers, old.documentId);
      for (let tries = 0; ; tries += 1) {
        const res = await fetch(`${site}/tin-tuc/${old.slug}/`);
        if ((await res.text()).includes(title.replace(/&/g, '&amp;'))) break;
        if (tries > 6000) throw new Error(`the edited page /tin-tuc/${old.slug}/ never showed its new title`);
        await sleep(100);
      }
      const totalMs = performance.now() - t0;
      await publisher.queue.idle();
      const build = publisher.lastBuild();
      if (!build || build.result !== 'success' || Date.parse(build.startedAt) < wall0) throw new Error(`the edit is live but no build of it finished (${build?.error ?? build?.result ?? 'none'})`);
      rows.push([
        options.edit.label,
        s(totalMs),
        `the ${build.path ?? '?'} path (${build.why ?? ''})${build.pages ? `: ${build.pages.rendered.toLocaleString('en')} pages rendered, ${build.pages.changed.toLocaleString('en')} changed` : ''}; ${stepShares(totalMs, publishParts(Date.parse(build.startedAt) - wall0, build))}`,
      ]);
    }

    if (options.burst) {
      const n = options.burst.count;
      const drafts = [];
      for (let i = 0; i < n; i += 1) drafts.push(await createDraft(url, headers, `Đo đăng dồn dập ${Date.now()} ${i}`));
      const burstWall = Date.now();
      const tracker = trackBuilds(publisher, publisherLog);
      const start = performance.now();
      let lastAt = start;
      // One publish every 10 s / n, the last one before the 10 s are up.
      const pace = BURST_WINDOW_MS / n;
      for (let i = 0; i < n; i += 1) {
        const due = start + i * pace;
        if (due > performance.now()) await sleep(due - performance.now());
        lastAt = performance.now();
        await publish(url, headers, drafts[i]!.documentId);
      }
      const pending = new Set(drafts.map((d) => d.slug));
      for (let tries = 0; pending.size > 0; tries += 1) {
        if (tries > 6000) throw new Error(`${pending.size} of the ${n} published pages never appeared`);
        for (const slug of [...pending]) if ((await statusOf(site, `/tin-tuc/${slug}/`)) === 200) pending.delete(slug);
        if (pending.size > 0) await sleep(100);
      }
      const allLive = performance.now();
      await publisher.queue.idle();
      const tracked = tracker.stop();
      const builds = tracked.builds.filter((b) => Date.parse(b.startedAt) >= burstWall);
      const finished = builds.filter((b) => b.result !== 'running');
      const unseen = builds.length - finished.length;
      rows.push([
        options.burst.label,
        s(allLive - lastAt),
        `from the last publish until all ${n} pages answer 200; publishes spread over ${s(lastAt - start)} (one every ${(pace / 1000).toFixed(1)} s), all live ${s(allLive - start)} after the first; `
          + `${builds.length} build(s): ${pathSummary(finished)}, ${finished.map((b) => `${(b.seconds ?? 0).toFixed(1)} s${b.pages ? ` (${b.pages.rendered} pages rendered)` : ''}`).join(', ')}`
          + `${unseen > 0 ? ` (${unseen} more ended while the next started: not seen)` : ''}${tracked.failures.length > 0 ? `; ${tracked.failures.length} failed: ${tracked.failures[0]}` : '; none failed'}`,
      ]);
    }
  } finally {
    await stop();
    await publisher.close();
    server.close();
  }
}

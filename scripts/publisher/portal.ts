/**
 * One portal's publishing (issue 14): its persistent coalescing queue (waiting for a build slot
 * shared with the other portals), build into a new release of its own root → validate → atomic
 * switch, reconciliation against what its build token reads, and media events checked against
 * what it publishes. The publisher (publisher.ts) runs one per enabled portal; a one-portal
 * install has exactly one, on RELEASES_DIR, as before portals existed.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { siteCodeHash } from '../../site/src/lib/code-hash.ts';
import path from 'node:path';
import { buildLogFile, buildSummary, writeBuildLog } from './build-log.ts';
import { CONSISTENCY_BUILD, deploy, stopOrphanBuild, warmLiveRelease, type DeployOptions } from './deploy.ts';
import { SiteBuildStopped } from '../lib/site.ts';
import { changedLiveFiles, mentionedInPublishedText } from './media.ts';
import { BuildQueue, type QueueStatus } from './queue.ts';
import { contentFingerprint, readReleaseFingerprint, readReleasePath, releaseDocuments } from './reconcile.ts';
import { currentRelease, isHeld, releaseHold, removeIncomplete } from './releases.ts';
import { tidy } from './housekeeping.ts';
import type { LastBuild, MediaStatus } from './server.ts';
import { dispatchToGitHub, readDispatchState, writeDispatchState, type GitHubTarget } from './github.ts';
import type { ReleaseSlot } from './scheduler.ts';

export interface PortalPublisherConfig {
  /** Folder holding releases/, current, cache/ and the queue state (portalRoot). */
  root: string;
  keep: number;
  cmsUrl: string;
  /** The portal's read-only build token, read when needed (its file may be rewritten by the CMS). */
  token: () => string;
  /** The portal's public URL, without a trailing slash. */
  siteUrl: () => string;
  /** SITE_PORTAL for its builds; unset (no registry): the build's default portal. */
  portal?: string;
  /** Its code while other portals name it their parent (the registry may change): what reconcile.ts stamps of their shared news. */
  sharedNewsOf?: () => string | undefined;
  quietMs: number;
  maxWaitMs: number;
  retryBaseMs?: number;
  github?: GitHubTarget;
  /** A build slot in the lane of the build to come: fast publishes never wait behind full builds (issue 15). */
  slot?: (signal: AbortSignal, lane: BuildLane) => Promise<ReleaseSlot>;
  /** The most pages a fast publish renders (FAST_PATH_MAX_PAGES); 0: every publish builds in full. */
  fastMaxPages?: number;
  /** How long the portal's fast-path worker waits for its next publish (FAST_WORKER_IDLE_MS). */
  fastWorkerIdleMs?: number;
  /** When the full build after fast publishes runs (FULL_BUILD_AFTER_FAST): once idle this long, or nightly. */
  fullAfter?: FullBuildAfter;
  log: (message: string) => void;
  progress?: (message: string) => void;
}

/** Which slots a build waits for. */
export type BuildLane = 'fast' | 'full';

/** When the consistency build after fast publishes runs. */
export type FullBuildAfter = { mode: 'idle'; idleMs: number } | { mode: 'nightly'; hour: number };

/** Milliseconds from `now` to the next `hour`:00 in Viet Nam (UTC+7, no daylight saving). */
export function msUntilVietnamHour(hour: number, now = new Date()): number {
  const offset = 7 * 3_600_000;
  const local = new Date(now.getTime() + offset);
  const next = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour) - offset;
  return next > now.getTime() ? next - now.getTime() : next + 86_400_000 - now.getTime();
}

/** What /status shows of one portal. */
export interface PortalStatus {
  liveRelease: string | null;
  lastBuild: LastBuild | null;
  queue: QueueStatus;
  lastReconciliation: { at: string; result: string } | null;
  media: MediaStatus;
}

export interface PortalPublisher {
  readonly root: string;
  queue: BuildQueue;
  lastBuild(): LastBuild | null;
  lastReconciliation(): { at: string; result: string } | null;
  reconcile(): Promise<boolean>;
  media(): MediaStatus;
  onMediaEvent(reason: string, files?: readonly string[]): void;
  /** Whether its live release was built from an entry with this documentId. */
  liveShows(documentId: string): boolean;
  status(): PortalStatus;
  /** Starts its queue (catching up persisted work). */
  start(): void;
  stop(): void;
}

/** Creates a portal's publishing; call start() to begin. */
export function createPortalPublisher(config: PortalPublisherConfig): PortalPublisher {
  let lastBuild: LastBuild | null = null;
  let lastReconciliation: { at: string; result: string } | null = null;
  const log = config.log;
  const progress = config.progress ?? log;
  /** What the fingerprint covers besides the portal's own entries. */
  const state = () => ({ sharedNewsOf: config.sharedNewsOf?.() });

  /** Why the next build must take the full path (the consistency build, a replaced file); null: the fast path may. */
  let fullReason: string | null = null;
  let consistencyTimer: NodeJS.Timeout | undefined;
  /** The consistency build running now: a publish stops it, goes live by the fast path at once, and the full build runs again once idle. */
  let consistencyRun: AbortController | null = null;
  let stopped = false;
  const fullAfter: FullBuildAfter = config.fullAfter ?? { mode: 'idle', idleMs: 600_000 };

  /** Whether the live release came from the fast path (a full build is owed, to check and refresh it). */
  function liveIsFast(): boolean {
    const live = currentRelease(config.root);
    return live !== null && readReleasePath(path.join(config.root, 'releases', live)) === 'fast';
  }

  /** (Re)arms the consistency build: after fast publishes, a full build once idle (or at night) builds the same content in full. */
  function armConsistency(): void {
    if (stopped || config.github || !liveIsFast()) {
      clearTimeout(consistencyTimer);
      consistencyTimer = undefined;
      return;
    }
    // Idle: counted from the last build. Nightly: a time already set stays (a build at 01:59 must not move it a day).
    if (fullAfter.mode === 'nightly' && consistencyTimer) return;
    clearTimeout(consistencyTimer);
    const due = () => {
      const { pending, building } = queue.status();
      if (pending || building) {
        consistencyTimer = setTimeout(due, 60_000); // busy now: again in a minute
        consistencyTimer.unref?.();
        return;
      }
      consistencyTimer = undefined;
      if (!liveIsFast()) return;
      fullReason ??= CONSISTENCY_BUILD;
      queue.notify('consistency: a full build after fast publishes');
    };
    consistencyTimer = setTimeout(due, fullAfter.mode === 'idle' ? fullAfter.idleMs : msUntilVietnamHour(fullAfter.hour));
    consistencyTimer.unref?.();
  }

  /** Whether the live release can render the next publish by the fast path (its compiled pages match this code). */
  function fastLane(): boolean {
    if (fullReason || config.fastMaxPages === 0) return false;
    const live = currentRelease(config.root);
    if (!live) return false;
    try {
      const renderer = JSON.parse(readFileSync(path.join(config.root, 'releases', live, 'renderer', 'renderer.json'), 'utf8')) as { code?: string };
      return renderer.code === siteCodeHash();
    } catch {
      return false;
    }
  }

  /** What every publish of this portal is deployed with. */
  function deployOptions(): DeployOptions {
    return {
      root: config.root,
      keep: config.keep,
      cmsUrl: config.cmsUrl,
      token: config.token(),
      siteUrl: config.siteUrl(),
      portal: config.portal,
      ...state(),
      fastMaxPages: config.fastMaxPages,
      ...(config.fastWorkerIdleMs !== undefined ? { fastWorkerIdleMs: config.fastWorkerIdleMs } : {}),
      log,
    };
  }

  mkdirSync(config.root, { recursive: true }); // a portal's root under RELEASES_DIR/portals/ is made on its first use
  const orphan = stopOrphanBuild(config.root);
  if (orphan !== null) log(`stopped build process ${orphan} left running by a publisher that did not stop cleanly`);
  const leftovers = removeIncomplete(config.root);
  if (leftovers.length > 0) log(`removed releases whose build never finished: ${leftovers.join(', ')}`);
  tidy(config.root, currentRelease(config.root)); // what an earlier publisher left to delete, spares of releases no longer live

  const queue = new BuildQueue({
    quietMs: config.quietMs,
    maxWaitMs: config.maxWaitMs,
    retryBaseMs: config.retryBaseMs,
    stateFile: path.join(config.root, 'queue.json'),
    log,
    // The lane is chosen before the build: a fast publish that turns out to need a full build runs it in its fast slot.
    slot: config.slot ? (signal) => config.slot!(signal, fastLane() ? 'fast' : 'full') : undefined,
    // An editor's publish does not wait behind the consistency build (2 minutes and more at 10,000
    // articles): it is stopped, unless the next build must be a full one anyway.
    onEventDuringBuild: (reason) => {
      if (consistencyRun && !consistencyRun.signal.aborted && fullReason === null) consistencyRun.abort(`a publish came in (${reason})`);
    },
    build: async (reason) => {
      const startedAt = new Date();
      const mode = config.github ? 'github' : 'deploy';
      const logFile = buildLogFile(config.root);
      lastBuild = { startedAt: startedAt.toISOString(), seconds: null, result: 'running', mode, release: null, error: null, steps: {}, log: config.github ? null : logFile };
      const lines: string[] = [];
      const step = (message: string) => {
        lines.push(`${new Date().toISOString()} ${message}`);
        progress(message);
      };
      step(`build started: ${reason}`);
      let output: string | undefined;
      try {
        if (config.github) {
          // What the dispatch covers, for reconciliation; GitHub gets the event even if the CMS is slow to answer here.
          const fingerprint = await contentFingerprint(config.cmsUrl, config.token(), state()).catch(() => null);
          await dispatchToGitHub(config.github, config.portal ? `${config.portal}: ${reason}` : reason);
          writeDispatchState(config.root, fingerprint);
          lastBuild = { ...lastBuild, seconds: (Date.now() - startedAt.getTime()) / 1000, result: 'success' };
          log(buildSummary({ result: 'success', seconds: lastBuild.seconds ?? 0, reason, steps: {}, forwardedTo: `${config.github.repository}, event ${config.github.eventType}` }));
          return;
        }
        const why = fullReason;
        fullReason = null;
        consistencyRun = why === CONSISTENCY_BUILD ? new AbortController() : null;
        const result = await deploy({
          ...deployOptions(),
          full: why !== null,
          ...(why ? { fullReason: why } : {}),
          log: (m) => step(`  ${m}`),
          ...(consistencyRun ? { signal: consistencyRun.signal } : {}),
        }).catch((error: unknown) => {
          // Still owed: the retry takes the full path again (a stopped consistency build is owed again once idle: armConsistency).
          if (!(error instanceof SiteBuildStopped)) fullReason ??= why;
          throw error;
        });
        output = result.output;
        lastBuild = { ...lastBuild, seconds: result.seconds, result: 'success', release: result.release, steps: result.steps, path: result.path, why: result.why, pages: result.pages ?? null };
        releaseHold(config.root);
        const summary = buildSummary({ result: 'success', seconds: result.seconds, reason, release: result.release, steps: result.steps, path: result.path, why: result.why, pages: result.pages });
        step(summary);
        log(summary);
      } catch (error) {
        if (error instanceof SiteBuildStopped) {
          lastBuild = { ...lastBuild, seconds: (Date.now() - startedAt.getTime()) / 1000, result: 'stopped', path: 'full', why: CONSISTENCY_BUILD };
          const message = `consistency build stopped after ${lastBuild.seconds!.toFixed(1)} s: ${error.message.replace(/^astro build was stopped: /, '')}; that publish goes live now, the full build runs again once the portal is idle`;
          step(message);
          log(message);
          return;
        }
        const message = (error as Error).message;
        output = (error as { output?: string }).output;
        lastBuild = { ...lastBuild, seconds: (Date.now() - startedAt.getTime()) / 1000, result: 'failure', error: message };
        const summary = buildSummary({ result: 'failure', seconds: lastBuild.seconds ?? 0, reason, steps: {}, error: message, ...(config.github ? { forwardedTo: config.github.repository } : { logFile }) });
        step(summary);
        // The summary, then what went wrong (the end of the build's output); all of it is in the log file.
        const details = message.split('\n').slice(1).join('\n').trim();
        log(details ? `${summary}\n${details}` : summary);
        throw new Error(message.split('\n')[0]);
      } finally {
        consistencyRun = null;
        if (!config.github) writeBuildLog(logFile, lines, output);
        armConsistency();
      }
    },
  });

  /** The fingerprint the live release (or, forwarding to GitHub, the last dispatch) was built from. */
  function builtFingerprint(): string | null {
    if (config.github) return readDispatchState(config.root)?.fingerprint ?? null;
    const live = currentRelease(config.root);
    return live ? readReleaseFingerprint(path.join(config.root, 'releases', live)) : null;
  }

  /** Builds when the CMS publishes something the live release was not built from. */
  async function reconcile(): Promise<boolean> {
    try {
      if (isHeld(config.root)) {
        lastReconciliation = { at: new Date().toISOString(), result: 'held after a rollback: the next publish builds again' };
        return false;
      }
      const built = builtFingerprint();
      const now = await contentFingerprint(config.cmsUrl, config.token(), state());
      const stale = built !== now;
      lastReconciliation = { at: new Date().toISOString(), result: stale ? 'stale: build scheduled' : 'up to date' };
      if (stale && !queue.status().pending && !queue.status().building) queue.notify('reconciliation: the CMS changed without a webhook');
      return stale;
    } catch (error) {
      lastReconciliation = { at: new Date().toISOString(), result: `failed: ${(error as Error).message}` };
      return false;
    }
  }

  /*
   * Media events. A file's webhook cannot say whether a published entry shows it, and most
   * (uploads for drafts, descriptions of unused files) change nothing the public sees. Each is
   * checked instead, once no build is pending or running; it builds when
   * - the live release holds one of the event's files (a page references it: the media mirror
   *   copies exactly those) and the CMS's copy now differs or is gone: an image placed in a
   *   Markdown body and replaced keeps its URL, so nothing the fingerprint covers changes;
   *   forwarding to GitHub, with no release here, when a published entry's Markdown mentions it;
   * - or the fingerprint of what is published (entries and the files their media fields show)
   *   differs from the live release's.
   * Checks run one at a time; events during a check cause one more check after it.
   */
  const media: MediaStatus = { received: 0, checked: 0, lastCheck: null };
  let mediaRun: Promise<void> | null = null;
  let mediaAgain = false;
  /** The `/uploads/…` paths named by the events not checked yet. */
  const mediaFiles = new Set<string>();

  /** Which of `files` the public site shows in a version the CMS has since changed (see above). */
  async function changedShownFiles(files: string[]): Promise<string[]> {
    if (files.length === 0) return [];
    if (config.github) return (await mentionedInPublishedText(config.cmsUrl, config.token(), files)) ? files : [];
    const live = currentRelease(config.root);
    return live ? changedLiveFiles(path.join(config.root, 'releases', live), config.cmsUrl, files) : [];
  }

  async function checkMediaOnce(): Promise<void> {
    await queue.idle(); // a pending or running build fingerprints the CMS itself: compare with what it built
    mediaAgain = false;
    const covered = media.received; // the change behind each of these is in the CMS already (webhooks follow the write)
    const files = [...mediaFiles];
    mediaFiles.clear();
    let result: string;
    if (isHeld(config.root)) {
      result = 'held after a rollback: the next publish builds again';
    } else {
      try {
        const shown = await changedShownFiles(files);
        if (shown.length > 0) {
          // The fast path keeps the live release's copy of a file it does not render again: a full build copies the new one.
          fullReason ??= `a file the live site shows was replaced (${shown[0]})`;
          queue.notify(`media: ${shown[0]}${shown.length > 1 ? ` and ${shown.length - 1} more` : ''}, which the live site shows, was replaced or deleted`);
          result = `changed: the live site shows ${shown.join(', ')}: build scheduled`;
        } else if ((await contentFingerprint(config.cmsUrl, config.token(), state())) === builtFingerprint()) {
          result = 'unchanged: no file a published entry shows has changed, nothing to build';
        } else {
          queue.notify('media: a file a published entry shows has changed');
          result = 'changed: build scheduled';
        }
      } catch (error) {
        // The CMS could not be compared with: build, and let the build's retries wait for it.
        queue.notify('media: the CMS could not be compared with the live release');
        result = `check failed (${(error as Error).message}): build scheduled`;
      }
    }
    media.checked = covered;
    media.lastCheck = { at: new Date().toISOString(), result };
    log(`media check (${covered} event(s) so far): ${result}`);
  }

  async function runMediaChecks(): Promise<void> {
    try {
      while (mediaAgain) await checkMediaOnce();
    } finally {
      mediaRun = null; // in the same turn as the last loop test: no event can fall in between
    }
  }

  function onMediaEvent(reason: string, files: readonly string[] = []): void {
    media.received += 1;
    for (const file of files) mediaFiles.add(file);
    log(`event: ${reason}: checking whether a published entry shows the file`);
    mediaAgain = true;
    // A throw outside checkMediaOnce's own try (the queue cannot save its state, …) must not
    // become an unhandled rejection, which would stop the publisher: log it; the next media
    // event or reconciliation checks again.
    mediaRun ??= runMediaChecks().catch((error: unknown) => {
      log(`media check failed: ${error instanceof Error ? error.message : String(error)}; the next media event or reconciliation checks again (check that RELEASES_DIR is writable and its disk not full if this repeats)`);
    });
  }


  function liveShows(documentId: string): boolean {
    const live = currentRelease(config.root);
    return live !== null && releaseDocuments(path.join(config.root, 'releases', live)).has(documentId);
  }

  return {
    root: config.root,
    queue,
    lastBuild: () => lastBuild,
    lastReconciliation: () => lastReconciliation,
    reconcile,
    media: () => ({ ...media }),
    onMediaEvent,
    liveShows,
    status: () => ({ liveRelease: currentRelease(config.root), lastBuild, queue: queue.status(), lastReconciliation, media: { ...media } }),
    start: () => {
      queue.start();
      armConsistency(); // a publisher restarted after fast publishes still owes the full build
      // A large portal's worker is ready before its first publish (none when a build is owed now: it warms after it).
      if (!config.github && !queue.status().pending && fastLane()) {
        try {
          if (warmLiveRelease(deployOptions())) log('fast path: the worker is loading the live release\'s pages for the next publish');
        } catch (error) {
          log(`fast path: the worker could not be started ahead of the next publish (${(error as Error).message}); the next publish starts it`);
        }
      }
    },
    stop: () => {
      stopped = true;
      clearTimeout(consistencyTimer);
      queue.stop();
    },
  };
}

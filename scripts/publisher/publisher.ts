/**
 * The publisher: webhook → the portal the event belongs to → its persistent coalescing queue →
 * a build slot shared by every portal → build into a new release → validate → atomic switch;
 * plus periodic reconciliation against the CMS, and media events checked against what is
 * published (a file nobody published shows builds nothing).
 *
 * Portals (issue 14) come from the CMS's registry, `<CMS data dir>/portals.json`
 * (content-types/src/portals.ts), re-read when it changes: each enabled portal is built on its
 * own (portal.ts) into `portalRoot` (the primary keeps RELEASES_DIR), with its own build token,
 * public URL and SITE_PORTAL; a portal added gets its first build, a portal disabled is never
 * built again and its live release stays. The registry is copied without tokens to
 * `RELEASES_DIR/portals.json` for the public server and nginx-config. Without a registry the
 * publisher is the one-portal publisher it always was: RELEASES_DIR, the configured token.
 */
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createCmsClient } from '../../content-types/src/cms-client.ts';
import { contentTypes } from '../../content-types/src/model.ts';
import { hasChildPortals, PORTAL_REGISTRY_FILE, portalRoot, portalUrl, readPortalRegistry, writePortalRegistry, type PortalInfo } from '../../content-types/src/portals.ts';
import { createPortalPublisher, type FullBuildAfter, type PortalPublisher, type PortalStatus } from './portal.ts';
import type { BuildQueue } from './queue.ts';
import { routeEvent } from './routing.ts';
import { BuildScheduler } from './scheduler.ts';
import { createPublisherServer, type LastBuild, type MediaStatus } from './server.ts';
import { currentRelease } from './releases.ts';
import { settled } from './housekeeping.ts';
import { stopFastWorkers } from './fast/index.ts';
import type { GitHubTarget } from './github.ts';
import type { WebhookEvent } from './webhook.ts';

export interface PublisherConfig {
  host: string;
  port: number;
  secret: string;
  statusToken?: string;
  /** RELEASES_DIR: the primary portal's releases/, current, cache/ and queue state; the others' under portals/<code>/. */
  root: string;
  keep: number;
  cmsUrl: string;
  /** The build token when there is no registry (and for a registry portal without a token file). */
  token: string;
  /** The primary portal's public URL; the others' are made from it (contract: scheme and port, their first domain). */
  siteUrl: string;
  quietMs: number;
  maxWaitMs: number;
  /** 0 turns reconciliation off. */
  reconcileMs: number;
  retryBaseMs?: number;
  /** Forward coalesced events to GitHub Actions instead of building here. */
  github?: GitHubTarget;
  /** The CMS data dir holding portals.json and the portals' token files; unset or no file: one portal. */
  registryDir?: string;
  /** Builds at once across portals (PUBLISH_CONCURRENCY); default 1. Fast publishes have as many slots of their own. */
  concurrency?: number;
  /** The most pages a fast publish renders (FAST_PATH_MAX_PAGES); 0: every publish builds in full. */
  fastMaxPages?: number;
  /** How long a portal's fast-path worker waits for its next publish (FAST_WORKER_IDLE_MS). */
  fastWorkerIdleMs?: number;
  /** When the full build after fast publishes runs (FULL_BUILD_AFTER_FAST). */
  fullAfter?: FullBuildAfter;
  /** Events, checks and one line per build with its result and timings. */
  log: (message: string) => void;
  /**
   * A build's progress ("build started", each step): `log` when not given. Whatever it gets is
   * also in the build's log file (RELEASES_DIR/build.log) with the whole `astro build` output.
   */
  progress?: (message: string) => void;
}

export interface Publisher {
  url: string;
  /** The primary portal's queue. */
  queue: BuildQueue;
  /** The primary portal's last build. */
  lastBuild(): LastBuild | null;
  /** Reconciles every portal; true when one was stale (a build was scheduled). */
  reconcile(): Promise<boolean>;
  /** Media events received and checked, over every portal, and the primary's last check (also at /status). */
  media(): MediaStatus;
  /** A portal's publishing by its code, while it is enabled. */
  portal(code: string): PortalPublisher | undefined;
  /** The codes of the portals being built, the primary first. */
  portals(): string[];
  /** Re-reads the registry now (it is also watched); true when it changed. */
  refreshRegistry(): boolean;
  /** Slots of full builds (`astro build`) across portals. */
  scheduler: BuildScheduler;
  /** Slots of fast publishes: a commune's publish never waits behind a province's full build. */
  fastScheduler: BuildScheduler;
  /** Resolves once no portal has a build pending or running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** A portal being built. */
interface Unit {
  info: PortalInfo;
  publisher: PortalPublisher;
}

/** The code shown for the one portal of an install without a registry. */
const DEFAULT_CODE = 'default';
const COLLECTIONS = new Map(contentTypes.filter((t) => t.kind === 'collectionType').map((t) => [t.singularName, t.pluralName]));

/** Starts the publisher; resolves once it listens. */
export async function startPublisher(config: PublisherConfig): Promise<Publisher> {
  const log = config.log;
  const scheduler = new BuildScheduler(config.concurrency ?? 1);
  const fastScheduler = new BuildScheduler(config.concurrency ?? 1);
  /** Portals being built, by root (the primary's root stays the same when a registry appears). */
  const units = new Map<string, Unit>();
  let multi = false;
  let registryText: string | null = null;
  let registry: PortalInfo[] = [];
  let started = false;

  const byCode = (code: string): Unit | undefined => [...units.values()].find((u) => u.info.code === code);
  const primaryUnit = (): Unit | undefined => [...units.values()].find((u) => u.info.primary) ?? [...units.values()][0];
  const primaryPublisher = (): PortalPublisher => {
    const unit = primaryUnit();
    if (!unit) throw new Error('no portal is enabled in the portal registry: enable one in the CMS (Cổng → Đang hoạt động)');
    return unit.publisher;
  };

  function tokenOf(info: PortalInfo): string {
    if (!info.tokenFile || !config.registryDir) return config.token;
    const file = path.resolve(config.registryDir, info.tokenFile);
    try {
      return readFileSync(file, 'utf8').trim();
    } catch {
      throw new Error(`the build token of portal ${info.code} (${file}, its tokenFile in ${path.join(config.registryDir, PORTAL_REGISTRY_FILE)}) cannot be read: start the CMS, which writes it`);
    }
  }

  function addUnit(info: PortalInfo, root: string): Unit {
    const unit: Unit = { info, publisher: undefined as unknown as PortalPublisher };
    const prefix = () => (multi ? `${unit.info.code}: ` : '');
    const progress = config.progress ?? log;
    unit.publisher = createPortalPublisher({
      root,
      keep: config.keep,
      cmsUrl: config.cmsUrl,
      token: () => tokenOf(unit.info),
      siteUrl: () => (unit.info.primary || !multi ? config.siteUrl : portalUrl(unit.info, config.siteUrl).replace(/\/+$/, '')),
      portal: multi ? info.code : undefined,
      sharedNewsOf: () => (multi && hasChildPortals(registry, unit.info.code) ? unit.info.code : undefined),
      quietMs: config.quietMs,
      maxWaitMs: config.maxWaitMs,
      retryBaseMs: config.retryBaseMs,
      github: config.github,
      slot: (signal, lane) => (lane === 'fast' ? fastScheduler : scheduler).acquire(unit.info.code, signal),
      fastMaxPages: config.fastMaxPages,
      ...(config.fastWorkerIdleMs !== undefined ? { fastWorkerIdleMs: config.fastWorkerIdleMs } : {}),
      fullAfter: config.fullAfter,
      log: (m) => log(`${prefix()}${m}`),
      progress: (m) => progress(`${prefix()}${m}`),
    });
    units.set(root, unit);
    if (started) unit.publisher.start();
    return unit;
  }

  /** Applies the registry (or its absence); returns true when it changed. */
  function refreshRegistry(): boolean {
    if (!config.registryDir) return false;
    let read;
    try {
      read = readPortalRegistry(config.registryDir);
    } catch (error) {
      const message = (error as Error).message;
      if (registryText !== message) log(`the portal registry cannot be read, the portals stay as they were: ${message}`);
      registryText = message;
      return false;
    }
    if (!read) return false; // none (yet): one portal, as before portals existed
    const text = JSON.stringify(read);
    if (text === registryText) return false;
    registryText = text;
    registry = read.portals;
    multi = true;
    const enabled = read.portals.filter((p) => p.enabled);
    const roots = new Set(enabled.map((p) => portalRoot(config.root, p)));
    for (const [root, unit] of units) {
      if (roots.has(root)) continue;
      unit.publisher.stop();
      units.delete(root);
      log(`portal ${unit.info.code} is disabled or gone: it is no longer built; its live release stays`);
    }
    const added: Unit[] = [];
    for (const info of enabled) {
      const root = portalRoot(config.root, info);
      const existing = units.get(root);
      if (existing) existing.info = info; // a new name, domain or token file; the primary's unit from before the registry
      else added.push(addUnit(info, root));
    }
    try {
      writePortalRegistry(config.root, { portals: read.portals.map(({ tokenFile: _token, ...rest }) => rest) });
    } catch (error) {
      log(`could not write ${path.join(config.root, PORTAL_REGISTRY_FILE)} for the public server (${(error as Error).message}): check that RELEASES_DIR is writable`);
    }
    log(`portals: ${enabled.map((p) => p.code).join(', ') || 'none enabled'}${added.length > 0 && started ? ` (new: ${added.map((u) => u.info.code).join(', ')})` : ''}`);
    // A portal added while running: its first build (nothing is live yet, so it is stale).
    if (started) for (const unit of added) void unit.publisher.reconcile();
    return true;
  }

  /** The CMS's answer to "whose is this entry": each portal's token reads only its portal's entries once fenced. */
  async function lookup(model: string, documentId: string): Promise<string[]> {
    const plural = COLLECTIONS.get(model);
    if (!plural) return [];
    const owners = new Set<string>();
    await Promise.all([...units.values()].map(async (unit) => {
      try {
        const client = createCmsClient({ baseUrl: config.cmsUrl, token: tokenOf(unit.info), attempts: 1 });
        const query = new URLSearchParams({ 'filters[documentId][$eq]': documentId, 'fields[0]': 'documentId', 'populate[portal][fields][0]': 'slug' });
        const body = (await client.getJson(`/api/${plural}?${query}`)) as { data?: Array<{ portal?: { slug?: string } | null }> };
        for (const entry of body.data ?? []) if (entry.portal?.slug) owners.add(entry.portal.slug);
      } catch {
        // This token cannot read it (or the CMS did not answer): another may.
      }
    }));
    return [...owners];
  }

  async function onEntryEvent(event: WebhookEvent): Promise<string[] | 'all'> {
    const what = `${event.event} ${event.model ?? ''}`.trim();
    // A portal's own change may come with a new registry (the CMS rewrites it), and may name a portal just added.
    if (event.model === 'portal' || (event.portal && !byCode(event.portal))) refreshRegistry();
    if (event.portalDisabled) {
      // Its registry entry may still say enabled (the CMS rewrites it on its own time): never build a portal being disabled.
      log(`event: ${what}: portal ${event.portal} is disabled: not built`);
      return [];
    }
    const active = [...units.values()].map((u) => u.info.code);
    const route = await routeEvent(event, {
      active,
      parentOf: (code) => registry.find((p) => p.code === code)?.parent ?? null,
      liveHolders: (documentId) => [...units.values()].filter((u) => u.publisher.liveShows(documentId)).map((u) => u.info.code),
      lookup,
    });
    if (route.portals === 'all') {
      log(`event: ${what}: ${route.how}`);
      const all = [...units.values()];
      // A running build may have read the entry before this change: one more build after it.
      for (const unit of all) if (unit.publisher.queue.status().building) unit.publisher.queue.notify(`${what} (during a build)`);
      // The others are fingerprinted one after another (a hundred at once would load the CMS for nothing).
      void (async () => {
        for (const unit of all) if (!unit.publisher.queue.status().building) await unit.publisher.reconcile();
      })();
      return 'all';
    }
    if (route.portals.length === 0) log(`event: ${what}: nothing to build (${route.how})`);
    else if (multi && route.how !== 'the only portal') log(`event: ${what} → ${route.portals.join(', ')} (${route.how})`);
    for (const code of route.portals) byCode(code)?.publisher.queue.notify(what);
    return route.portals;
  }

  function onMediaEvent(reason: string, files: readonly string[]): void {
    // A file belongs to no portal: each portal checks whether what it publishes shows it.
    for (const unit of units.values()) unit.publisher.onMediaEvent(reason, files);
  }

  function portalStatus(code: string): (PortalStatus & { code: string; enabled: boolean; primary: boolean; url: string }) | { code: string; enabled: false; liveRelease: string | null } | null {
    const unit = byCode(code) ?? (!multi && code === DEFAULT_CODE ? primaryUnit() : undefined);
    if (unit) return { code: unit.info.code, enabled: true, primary: unit.info.primary, url: unit.info.primary || !multi ? config.siteUrl : portalUrl(unit.info, config.siteUrl), ...unit.publisher.status() };
    const known = registry.find((p) => p.code === code);
    return known ? { code, enabled: false, liveRelease: currentRelease(portalRoot(config.root, known)) } : null;
  }

  function status(): Record<string, unknown> {
    const primary = primaryUnit()?.publisher.status();
    const portals = Object.fromEntries((multi ? registry.map((p) => p.code) : [DEFAULT_CODE]).map((code) => [code, portalStatus(code)]));
    return {
      mode: config.github ? 'github' : 'deploy',
      liveRelease: primary?.liveRelease ?? currentRelease(config.root),
      lastBuild: primary?.lastBuild ?? null,
      queue: primary?.queue ?? null,
      lastReconciliation: primary?.lastReconciliation ?? null,
      media: primary?.media ?? null,
      scheduler: scheduler.status(),
      fastScheduler: fastScheduler.status(),
      portals,
    };
  }

  async function reconcileAll(): Promise<boolean> {
    refreshRegistry();
    let stale = false;
    // One portal after another: a hundred portals' fingerprints at once would load the CMS for nothing.
    for (const unit of [...units.values()]) if (await unit.publisher.reconcile()) stale = true;
    return stale;
  }

  // The portals: from the registry, else the one portal on RELEASES_DIR.
  refreshRegistry();
  if (units.size === 0) {
    if (multi) log('the portal registry has no enabled portal: nothing is built until one is enabled');
    else addUnit({ code: DEFAULT_CODE, name: '', level: '', parent: null, domains: [], enabled: true, primary: true }, config.root);
  }

  const server = createPublisherServer({
    secret: config.secret,
    statusToken: config.statusToken,
    log,
    onEntryEvent,
    onMediaEvent,
    status,
    portalStatus,
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  started = true;
  for (const unit of units.values()) unit.publisher.start();

  // Watching the registry's folder (the CMS replaces the file by a rename); each reconciliation and portal event re-reads it too.
  let watcher: FSWatcher | undefined;
  if (config.registryDir && existsSync(config.registryDir)) {
    try {
      watcher = watch(config.registryDir, (_type, name) => {
        if (name !== PORTAL_REGISTRY_FILE) return;
        try {
          refreshRegistry();
        } catch (error) {
          log(`could not apply the portal registry (${(error as Error).message}); the next reconciliation tries again`);
        }
      });
      watcher.on('error', () => watcher?.close());
    } catch {
      // No watching here (a filesystem without it): reconciliation and portal events re-read it.
    }
  }
  const timer = config.reconcileMs > 0 ? setInterval(() => void reconcileAll(), config.reconcileMs) : undefined;
  if (config.reconcileMs > 0) void reconcileAll();

  return {
    url: `http://${config.host}:${port}`,
    get queue() {
      return primaryPublisher().queue;
    },
    lastBuild: () => primaryUnit()?.publisher.lastBuild() ?? null,
    reconcile: reconcileAll,
    media() {
      const all = [...units.values()].map((u) => u.publisher.media());
      return { received: all.reduce((n, m) => n + m.received, 0), checked: all.reduce((n, m) => n + m.checked, 0), lastCheck: primaryUnit()?.publisher.media().lastCheck ?? null };
    },
    portal: (code) => (byCode(code) ?? (!multi && code === DEFAULT_CODE ? primaryUnit() : undefined))?.publisher,
    portals: () => [...units.values()].map((u) => u.info.code),
    refreshRegistry,
    scheduler,
    fastScheduler,
    async idle() {
      for (;;) {
        await Promise.all([...units.values()].map((u) => u.publisher.queue.idle()));
        if ([...units.values()].every((u) => !u.publisher.queue.status().pending && !u.publisher.queue.status().building)) return;
      }
    },
    async close() {
      clearInterval(timer);
      watcher?.close();
      for (const unit of units.values()) unit.publisher.stop();
      await new Promise((r) => server.close(r));
      stopFastWorkers();
      await settled(); // spares being linked, old releases being deleted (housekeeping.ts)
    },
  };
}

/**
 * What follows the portals (issue 14): their admin roles, their fenced build tokens and the
 * registry file `<dataDir>/portals.json` the publisher and public server read
 * (content-types/src/portals.ts). Brought in line at every start and after every create, update
 * or delete of a portal through the Document Service (the admin, `npm run portal`, the seed).
 *
 * Media files belong to portals too: a new file gets its uploader's first portal (else the
 * primary one); files from before portals existed are given to the primary portal at start.
 */
import type { Core } from '@strapi/strapi';
import { parseDomains, writePortalRegistry, type PortalInfo } from '@cong/content-types';
import { ensurePortalTokens } from '../bootstrap/build-token';
import { currentAdminUser, currentTokenPortal, ensurePortalRoles, FILE_UID, PORTAL_UID, portalScopeOf, removePortalRole } from './portal-fence';

interface PortalRow {
  id: number;
  documentId: string;
  slug: string;
  agencyName: string;
  level: string | null;
  domains: string | null;
  enabled: boolean | null;
  parent?: { slug: string } | null;
}

interface SyncOptions {
  dataDir: string;
  buildTokenFile: string;
}

let options: SyncOptions | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** The registry entries of `portals` (ordered by id: the first is the primary one). */
export function registryOf(portals: PortalRow[], tokenFiles: Map<number, string>): PortalInfo[] {
  return portals.map((p, index) => ({
    code: p.slug,
    name: p.agencyName,
    level: p.level ?? '',
    parent: p.parent?.slug ?? null,
    domains: parseDomains(p.domains),
    enabled: p.enabled !== false,
    primary: index === 0,
    ...(tokenFiles.has(p.id) ? { tokenFile: tokenFiles.get(p.id)! } : {}),
  }));
}

async function syncNow(strapi: Core.Strapi, { dataDir, buildTokenFile }: SyncOptions): Promise<void> {
  const portals = (await strapi.db.query(PORTAL_UID).findMany({
    select: ['id', 'documentId', 'slug', 'agencyName', 'level', 'domains', 'enabled'],
    populate: { parent: { select: ['slug'] } },
    orderBy: { id: 'asc' },
  })) as PortalRow[];
  const named = portals.filter((p) => p.slug);
  await ensurePortalRoles(strapi);
  const tokenFiles = await ensurePortalTokens(strapi, dataDir, buildTokenFile, named);
  writePortalRegistry(dataDir, { portals: registryOf(named, tokenFiles) });
}

/** Brings roles, tokens and the registry in line with the portals; runs one at a time. */
export function syncPortals(strapi: Core.Strapi, opts: SyncOptions = options!): Promise<void> {
  options = opts;
  const run = queue.then(() => syncNow(strapi, opts));
  queue = run.catch((error: Error) => strapi.log.error(`[portals] could not update the portal roles, tokens or ${opts.dataDir}/portals.json: ${error.message}`));
  return run;
}

/** Registers the Document Service hook that re-syncs after a portal changes; call from `register()`. */
export function registerPortalSync(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== PORTAL_UID || !['create', 'update', 'delete', 'clone'].includes(context.action)) return next();
    let deletedCode: string | null = null;
    if (context.action === 'delete') {
      const documentId = (context.params as { documentId?: string }).documentId;
      const row = documentId ? ((await strapi.db.query(PORTAL_UID).findOne({ where: { documentId }, select: ['slug'] })) as { slug: string } | null) : null;
      deletedCode = row?.slug ?? null;
    }
    const result = await next();
    // Before the first start's sync (bootstrap), there is nothing to follow yet.
    if (options) {
      await syncPortals(strapi);
      if (deletedCode) await removePortalRole(strapi, deletedCode);
    }
    return result;
  });
}

/**
 * Gives a new media file its uploader's first portal, else the primary one; and a portal's build
 * token lists and reads that portal's files only (`/api/upload/files`). Call from `register()`.
 */
export function registerFileOwnership(strapi: Core.Strapi): void {
  const fence = async (event: { params: { where?: unknown } }) => {
    const portalId = await currentTokenPortal(strapi);
    if (portalId === null) return;
    const mine = { portal: { id: portalId } };
    event.params.where = event.params.where && Object.keys(event.params.where as object).length > 0 ? { $and: [event.params.where, mine] } : mine;
  };
  strapi.db.lifecycles.subscribe({
    models: [FILE_UID],
    beforeFindMany: fence,
    beforeFindOne: fence,
    beforeCount: fence,
    async beforeCreate(event) {
      const data = event.params.data as Record<string, unknown>;
      if (data.portal !== undefined && data.portal !== null) return;
      const user = currentAdminUser(strapi);
      const scope = user ? await portalScopeOf(strapi, user) : 'all';
      if (scope !== 'all' && scope.length > 0) {
        data.portal = scope[0];
        return;
      }
      const primary = (await strapi.db.query(PORTAL_UID).findOne({ select: ['id'], orderBy: { id: 'asc' } })) as { id: number } | null;
      if (primary) data.portal = primary.id;
    },
  });
}


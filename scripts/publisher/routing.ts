/**
 * Which portal a webhook event belongs to (issue 14): only that portal is rebuilt.
 *
 * What Strapi 5.54 sends (node_modules/@strapi/core document-service/events.js): for
 * entry.create, .update and .publish the entry is read again with every relation populated, so
 * the payload's `entry.portal` holds the portal (its `slug` is the code); for .unpublish and
 * .delete the entry is the row as it was deleted, without the relation. A portal's own events
 * carry its `slug`. So, in order:
 * 1. the payload's portal (and its parent too when the article is shared with it), and any other
 *    portal whose live release still shows the entry (it was moved from there);
 * 2. the portals whose live release was built from the entry (release.json lists the
 *    documentIds): an unpublished or deleted entry changes only the sites that show it;
 * 3. the CMS, asked with each portal's build token (the portal relation of the entry, while it
 *    is still published: a payload without the relation);
 * 4. nothing tells: every portal is reconciled (fingerprinted; only the stale ones build).
 */
import type { WebhookEvent } from './webhook.ts';

export interface RoutingContext {
  /** The codes of the portals being built (enabled), the primary first. */
  active: readonly string[];
  /** A portal's parent's code, or null. */
  parentOf(code: string): string | null;
  /** The portals whose live release shows the entry. */
  liveHolders(documentId: string): string[];
  /** The portals the CMS says own the entry (each portal's token); [] when no token reads it. */
  lookup(model: string, documentId: string): Promise<string[]>;
}

export type Route =
  /** Build these portals (none: nothing any portal builds shows it). */
  | { portals: string[]; how: string }
  /** Reconcile every portal. */
  | { portals: 'all'; how: string };

/** Where an event that changes a public site must be built (see the file's comment). */
export async function routeEvent(event: WebhookEvent, ctx: RoutingContext): Promise<Route> {
  if (ctx.active.length === 1) return { portals: [...ctx.active], how: 'the only portal' };
  if (ctx.active.length === 0) return { portals: [], how: 'no portal is enabled' };
  const withShared = (codes: string[]): string[] => {
    const out = new Set(codes.filter((c) => ctx.active.includes(c)));
    if (event.shareWithParent) {
      for (const code of [...out]) {
        const parent = ctx.parentOf(code);
        if (parent && ctx.active.includes(parent)) out.add(parent);
      }
    }
    return [...out];
  };
  if (event.portal) {
    // An entry moved to another portal is still on the live site of the one it left: that one builds too.
    const left = event.documentId ? ctx.liveHolders(event.documentId).filter((c) => c !== event.portal && ctx.active.includes(c)) : [];
    if (!ctx.active.includes(event.portal)) {
      if (left.length > 0) return { portals: withShared(left), how: `portal ${event.portal} is not built; the live release of ${left.join(', ')} still shows the entry` };
      return { portals: [], how: `portal ${event.portal} is not built (disabled, or not in the registry)` };
    }
    if (left.length > 0) return { portals: withShared([event.portal, ...left]), how: `the entry names its portal; the live release of ${left.join(', ')} still shows it` };
    return { portals: withShared([event.portal]), how: 'the entry names its portal' };
  }
  if (event.documentId) {
    const holders = withShared(ctx.liveHolders(event.documentId));
    if (holders.length > 0) return { portals: holders, how: 'their live release shows the entry' };
    if (event.model) {
      const owners = withShared(await ctx.lookup(event.model, event.documentId).catch(() => []));
      if (owners.length > 0) return { portals: owners, how: 'the CMS says the entry is theirs' };
    }
  }
  return { portals: 'all', how: 'the event does not tell which portal: every portal is reconciled' };
}

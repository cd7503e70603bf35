/**
 * Which portal a webhook event builds (issue 14): the payload's portal, else the portals whose
 * live release shows the entry, else the CMS's answer, else every portal reconciled.
 */
import { describe, expect, test } from 'vitest';
import { routeEvent, type RoutingContext } from '../../scripts/publisher/routing';
import { parseWebhookBody } from '../../scripts/publisher/webhook';

function context(overrides: Partial<RoutingContext> = {}): RoutingContext & { lookups: string[] } {
  const lookups: string[] = [];
  return {
    active: ['lam-giang', 'xa-tan-hoa', 'xa-binh-an'],
    parentOf: (code) => (code.startsWith('xa-') ? 'lam-giang' : null),
    liveHolders: () => [],
    lookup: async (model, documentId) => {
      lookups.push(`${model}:${documentId}`);
      return [];
    },
    lookups,
    ...overrides,
  };
}

/** A webhook body as Strapi 5.54 sends it (document-service/events.js + webhook-runner.js). */
const body = (event: string, model: string, entry: Record<string, unknown>) => parseWebhookBody(JSON.stringify({ event, createdAt: '2026-12-01T01:00:00.000Z', model, uid: `api::${model}.${model}`, entry }));

describe('parseWebhookBody', () => {
  test('reads the entry, its portal (populated relation, or a portal event\'s own slug) and the sharing flag', () => {
    expect(body('entry.publish', 'article', { id: 7, documentId: 'doc1', title: 'Tin', shareWithParent: true, portal: { id: 2, documentId: 'p2', slug: 'xa-tan-hoa', agencyName: 'Ủy ban nhân dân xã Tân Hòa' } }))
      .toMatchObject({ event: 'entry.publish', model: 'article', documentId: 'doc1', portal: 'xa-tan-hoa', shareWithParent: true });
    // entry.unpublish: relations are counts, not the portal.
    const unpublished = body('entry.unpublish', 'article', { id: 8, documentId: 'doc1', portal: { count: 1 } });
    expect(unpublished.documentId).toBe('doc1');
    expect(unpublished.portal).toBeUndefined();
    expect(body('entry.update', 'portal', { id: 2, documentId: 'p2', slug: 'xa-tan-hoa' }).portal).toBe('xa-tan-hoa');
    expect(body('entry.update', 'portal', { id: 2, documentId: 'p2', slug: 'xa-tan-hoa', enabled: false })).toMatchObject({ portal: 'xa-tan-hoa', portalDisabled: true });
    expect(body('entry.update', 'portal', { id: 2, documentId: 'p2', slug: 'xa-tan-hoa', enabled: true }).portalDisabled).toBeUndefined();
    expect(body('entry.delete', 'article', { id: 9, documentId: 'doc2', portal: null }).portal).toBeUndefined();
  });
});

describe('routeEvent', () => {
  test('an entry naming its portal builds that portal only, and its parent too when it is shared', async () => {
    const ctx = context();
    expect(await routeEvent({ event: 'entry.publish', model: 'article', documentId: 'd', portal: 'xa-tan-hoa' }, ctx)).toEqual({ portals: ['xa-tan-hoa'], how: 'the entry names its portal' });
    expect((await routeEvent({ event: 'entry.publish', model: 'article', documentId: 'd', portal: 'xa-tan-hoa', shareWithParent: true }, ctx)).portals).toEqual(['xa-tan-hoa', 'lam-giang']);
    expect(ctx.lookups).toEqual([]); // the payload sufficed: the CMS is not asked
  });

  test('a portal that is disabled or unknown builds nothing', async () => {
    const route = await routeEvent({ event: 'entry.publish', model: 'article', documentId: 'd', portal: 'xa-da-tat' }, context());
    expect(route.portals).toEqual([]);
    expect(route.how).toContain('xa-da-tat is not built');
  });

  test('an entry moved to another portal builds the portal it names and the one whose live release still shows it', async () => {
    const ctx = context({ liveHolders: (id) => (id === 'd' ? ['xa-binh-an'] : []) });
    const moved = await routeEvent({ event: 'entry.update', model: 'article', documentId: 'd', portal: 'xa-tan-hoa' }, ctx);
    expect(moved.portals).toEqual(['xa-tan-hoa', 'xa-binh-an']);
    expect(moved.how).toContain('xa-binh-an still shows it');
    // Moved into a portal that is not built: the one it left still drops it.
    expect((await routeEvent({ event: 'entry.update', model: 'article', documentId: 'd', portal: 'xa-da-tat' }, ctx)).portals).toEqual(['xa-binh-an']);
    // An entry its own portal shows builds that portal once.
    const own = context({ liveHolders: () => ['xa-tan-hoa'] });
    expect(await routeEvent({ event: 'entry.publish', model: 'article', documentId: 'd', portal: 'xa-tan-hoa' }, own)).toEqual({ portals: ['xa-tan-hoa'], how: 'the entry names its portal' });
  });

  test('an unpublish or delete (no portal in the payload) builds the portals whose live release shows the entry', async () => {
    const ctx = context({ liveHolders: (id) => (id === 'd' ? ['xa-binh-an'] : []) });
    expect(await routeEvent({ event: 'entry.unpublish', model: 'article', documentId: 'd' }, ctx)).toEqual({ portals: ['xa-binh-an'], how: 'their live release shows the entry' });
    expect(ctx.lookups).toEqual([]);
  });

  test('else the CMS is asked with the portals\' tokens; if nothing tells, every portal is reconciled', async () => {
    const ctx = context({ lookup: async (_m, id) => (id === 'known' ? ['xa-tan-hoa'] : []) });
    expect(await routeEvent({ event: 'entry.update', model: 'link', documentId: 'known' }, ctx)).toEqual({ portals: ['xa-tan-hoa'], how: 'the CMS says the entry is theirs' });
    expect((await routeEvent({ event: 'entry.delete', model: 'link', documentId: 'gone' }, ctx)).portals).toBe('all');
    expect((await routeEvent({ event: 'entry.delete', model: 'link' }, ctx)).portals).toBe('all');
    // A lookup that fails is "cannot tell", not a crash.
    expect((await routeEvent({ event: 'entry.delete', model: 'link', documentId: 'x' }, context({ lookup: () => Promise.reject(new Error('down')) }))).portals).toBe('all');
  });

  test('one portal (an install without a registry) takes every event, as before portals existed', async () => {
    const ctx = context({ active: ['default'] });
    expect((await routeEvent({ event: 'entry.delete', model: 'article', documentId: 'd' }, ctx)).portals).toEqual(['default']);
    expect(ctx.lookups).toEqual([]);
  });
});

/**
 * Upgrading a real install from before portals (issue 14, item 1): today's CMS starts on a database
 * that the last commit before portals filled with the demo (tests/fixtures/pre-portals), on SQLite
 * and on PostgreSQL (migration.sqlite.int.test.ts, migration.postgres.int.test.ts). Nothing here
 * writes the old state by hand: the schema change is Strapi's own, the migration is the start's.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { contentTypes, PORTAL_FIELD } from '../../content-types/src/index';
import { BUILD_TOKEN_NAME } from '../../cms/src/bootstrap/build-token';
import { ensurePortals, portalCodeOf } from '../../cms/src/bootstrap/portals';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { request } from '../helpers/http';
import { loadPrePortalsDatabase, readPrePortalsFixture } from '../helpers/pre-portals-fixture';

const PORTAL = 'api::portal.portal';
const FILE = 'plugin::upload.file';
const LEGACY = 'api::site-setting.site-setting';

type PortalRow = Record<string, unknown> & { id: number; documentId: string; slug: string; agencyName: string };
type MenuItem = { label: string; url: string };

export function defineMigrationSuite(database: 'sqlite' | 'postgres'): void {
  const fixture = readPrePortalsFixture();
  const owned = contentTypes.filter((t) => PORTAL_FIELD in t.attributes).map((t) => t.uid as string);
  let cms: CmsHarness;

  /** Rows of `uid` (drafts and published versions apart), how many are published, how many are the portal's. */
  async function countsOf(uid: string, portalId: number): Promise<{ rows: number; published: number; ofPortal: number }> {
    const query = cms.strapi.db.query(uid as never);
    const rows = await query.count({});
    const published = uid === FILE ? rows : await query.count({ where: { publishedAt: { $notNull: true } } });
    const ofPortal = await query.count({ where: { [PORTAL_FIELD]: { id: portalId } } });
    return { rows, published, ofPortal };
  }

  const onlyPortal = async (): Promise<PortalRow> => {
    const portals = (await cms.strapi.db.query(PORTAL).findMany({ populate: ['mainMenu', 'serviceLinks', 'emblem', 'mapImage'] })) as PortalRow[];
    expect(portals.map((p) => p.slug)).toHaveLength(1);
    return portals[0]!;
  };

  beforeAll(async () => {
    cms = await startCms(database, { initDatabase: loadPrePortalsDatabase });
  });

  afterAll(async () => {
    await cms?.close();
  });

  test(`the fixture is the demo of ${fixture.commit.slice(0, 7)} and names every type that belongs to a portal today`, () => {
    // A type added since the fixture was made needs a new fixture (scripts/make-migration-fixture.ts).
    expect(Object.keys(fixture.counts).sort()).toEqual([...owned, FILE, LEGACY].sort());
    expect(fixture.counts['api::article.article']!.rows).toBeGreaterThan(fixture.counts['api::article.article']!.published);
    expect(fixture.counts[FILE]!.rows).toBeGreaterThan(0);
  });

  test('"Cấu hình cổng" became the one portal: its name, contacts, menus and pictures', async () => {
    const portal = await onlyPortal();
    const { fields, menus, media } = fixture.settings;
    expect(fields.agencyName).toBe('Ủy ban nhân dân xã Tân Hòa');
    for (const [name, value] of Object.entries(fields)) expect(portal[name] ?? null, name).toEqual(value);
    expect(portal).toMatchObject({ slug: portalCodeOf(fields.agencyName!), level: 'Xã, phường, đặc khu', enabled: true });
    expect(Object.keys(menus).sort()).toEqual(['mainMenu', 'serviceLinks']);
    for (const [name, items] of Object.entries(menus)) {
      expect((portal[name] as MenuItem[]).map(({ label, url }) => ({ label, url })), name).toEqual(items);
    }
    expect(Object.keys(media)).not.toHaveLength(0);
    for (const name of ['emblem', 'mapImage']) expect((portal[name] as { name: string } | null)?.name ?? null, name).toBe(media[name] ?? null);
    // The old settings are kept (hidden), untouched.
    expect(await cms.strapi.db.query(LEGACY as never).count({})).toBe(1);
  });

  test('every entry of every type (drafts and published versions) and every media file is the portal\'s; nothing lost', async () => {
    const portal = await onlyPortal();
    for (const uid of [...owned, FILE]) {
      const { rows, published, ofPortal } = await countsOf(uid, portal.id);
      expect({ rows, published }, uid).toEqual(fixture.counts[uid]);
      expect(ofPortal, `${uid}: rows of the portal`).toBe(rows);
    }
  });

  test('a published article answers through the build token\'s REST API with its old slug and document id; the token reads the portal', async () => {
    const { documentId, slug, title } = fixture.article[database];
    const bySlug = await request(`${cms.url}/api/articles?filters[slug][$eq]=${slug}&populate[portal][fields][0]=slug`, { token: cms.buildToken });
    expect(bySlug.status, JSON.stringify(bySlug.body)).toBe(200);
    expect(bySlug.body.data).toHaveLength(1);
    expect(bySlug.body.data[0]).toMatchObject({ documentId, slug, title, portal: { slug: portalCodeOf(fixture.settings.fields.agencyName!) } });
    const all = await request(`${cms.url}/api/articles?pagination[pageSize]=100&fields[0]=slug`, { token: cms.buildToken });
    expect(all.body.meta.pagination.total).toBe(fixture.counts['api::article.article']!.published);
    const portals = await request(`${cms.url}/api/portals?populate[0]=mapImage`, { token: cms.buildToken });
    expect(portals.status, JSON.stringify(portals.body)).toBe(200);
    expect(portals.body.data).toHaveLength(1);
    expect(portals.body.data[0]).toMatchObject({ agencyName: fixture.settings.fields.agencyName, mapImage: { name: fixture.settings.media.mapImage } });
    // The old install's build token was kept (its key made anew into the missing file), not doubled.
    expect(await cms.strapi.db.query('admin::api-token').count({ where: { name: BUILD_TOKEN_NAME } })).toBe(1);
  });

  test('the old install\'s admin still logs in, and a second start changes nothing', async () => {
    const login = await request(`${cms.url}/admin/login`, { method: 'POST', body: fixture.admin });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const before = await onlyPortal();
    await ensurePortals(cms.strapi);
    const after = await onlyPortal();
    expect(after.id).toBe(before.id);
    for (const uid of [...owned, FILE]) expect((await countsOf(uid, after.id)).ofPortal, uid).toBe(fixture.counts[uid]!.rows);
  });
}

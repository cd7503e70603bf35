/** Demo organisation: units in their hierarchy and officials (data in organisation-data.ts). */
import type { Core } from '@strapi/strapi';
import { createSlug } from '@cong/content-types';
import type { SeedCounts } from './index';
import { OFFICIALS, UNITS } from './organisation-data';
import { findBy, type Row } from './store';

const UNIT = 'api::unit.unit';
const OFFICIAL = 'api::official.official';

/** Units and officials of the demo portal; each looked up by its slug and created only when missing. */
export async function seedOrganisation(strapi: Core.Strapi, created: SeedCounts): Promise<void> {
  const unitIds = new Map<string, string>();
  // Parents come before their units in UNITS, so each parent's documentId is known when needed.
  for (const { parent, ...unit } of UNITS) {
    const slug = createSlug(unit.name);
    let row = await findBy(strapi, UNIT, { slug });
    if (!row) {
      const parentId = parent ? unitIds.get(parent) : undefined;
      if (parent && !parentId) throw new Error(`Demo unit ${unit.name}: its parent ${parent} must come first`);
      row = (await strapi.documents(UNIT).create({ data: { ...unit, slug, ...(parentId ? { parent: parentId } : {}) } as never, status: 'published' })) as unknown as Row;
      created.units += 1;
    }
    unitIds.set(unit.name, row.documentId);
  }
  for (const { unit, draft, ...official } of OFFICIALS) {
    const slug = createSlug(official.name);
    if (await findBy(strapi, OFFICIAL, { slug })) continue;
    const data = { ...official, slug, unit: unitIds.get(unit) } as never;
    await strapi.documents(OFFICIAL).create(draft ? { data } : { data, status: 'published' });
    created.officials += 1;
  }
}

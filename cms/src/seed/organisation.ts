/** Demo organisation: units in their hierarchy and officials (data in organisation-data.ts). */
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';
import { createSlug } from '@cong/content-types';
import type { SeedCounts } from './index';
import { OFFICIALS, UNITS } from './organisation-data';
import { ensureFile, findBy, type Row } from './store';

/** A neutral portrait placeholder (a silhouette on a soft background), 300×400 JPEG. */
export function portraitJpeg(seed: number): Promise<Buffer> {
  const hues = [205, 150, 25, 280, 350];
  const hue = hues[seed % hues.length];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400" viewBox="0 0 300 400">
  <rect width="300" height="400" fill="hsl(${hue} 35% 88%)"/>
  <circle cx="150" cy="150" r="70" fill="hsl(${hue} 20% 62%)"/>
  <path d="M30 400 C30 290 90 245 150 245 C210 245 270 290 270 400 Z" fill="hsl(${hue} 20% 55%)"/>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
}

/** Officials with a placeholder portrait: the leadership's (a real portal uploads real photos). */
const WITH_PORTRAIT = 3;

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
  for (const [i, { unit, draft, ...official }] of OFFICIALS.entries()) {
    const slug = createSlug(official.name);
    if (await findBy(strapi, OFFICIAL, { slug })) continue;
    let photo: number | undefined;
    if (i < WITH_PORTRAIT) {
      const { file, created: isNew } = await ensureFile(strapi, `chan-dung-${slug}.jpg`, 'image/jpeg', () => portraitJpeg(i), 'Ảnh chân dung minh họa');
      photo = file.id;
      if (isNew) created.media += 1;
    }
    const data = { ...official, slug, unit: unitIds.get(unit), ...(photo ? { photo } : {}) } as never;
    await strapi.documents(OFFICIAL).create(draft ? { data } : { data, status: 'published' });
    created.officials += 1;
  }
}

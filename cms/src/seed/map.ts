/**
 * Demo map (Bản đồ) of xã Tân Hòa: an administrative map drawn here (hamlet outlines with their
 * names, the provincial road, the river) and uploaded as the settings' map image, and the places
 * of the map page with invented addresses and coordinates. No tile server: the demo's map page
 * makes no request outside the portal. Idempotent: places are looked up by name, the picture by
 * its file name, and the settings' picture is set only when none is chosen.
 */
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';
import type { PlaceKind } from '@cong/content-types';
import type { SeedCounts } from './index';
import { ensureFile, findBy } from './store';

const UID = 'api::place.place';
const SETTINGS = 'api::portal.portal';

/** File name and alternative text of the demo's map picture. */
export const MAP_IMAGE = {
  name: 'ban-do-hanh-chinh-xa-tan-hoa.png',
  alt: 'Bản đồ hành chính xã Tân Hòa: 6 thôn, đường tỉnh chạy qua trung tâm xã, sông Lam Giang ở phía đông',
} as const;

export interface DemoPlace {
  name: string;
  kind: PlaceKind;
  address: string;
  latitude: number;
  longitude: number;
  description?: string;
}

export const DEMO_PLACES: DemoPlace[] = [
  { name: 'Trụ sở Ủy ban nhân dân xã Tân Hòa', kind: 'Trụ sở cơ quan', address: 'Số 12 đường Trần Phú, thôn Trung Hòa', latitude: 18.3602, longitude: 105.8891, description: 'Làm việc từ thứ Hai đến sáng thứ Bảy; Bộ phận Một cửa ở tầng 1.' },
  { name: 'Công an xã Tân Hòa', kind: 'Trụ sở cơ quan', address: 'Số 20 đường Trần Phú, thôn Trung Hòa', latitude: 18.3611, longitude: 105.8902 },
  { name: 'Thôn Trung Hòa', kind: 'Thôn, tổ dân phố', address: 'Trung tâm xã, hai bên đường tỉnh', latitude: 18.3598, longitude: 105.8884, description: '612 hộ, 2.284 nhân khẩu.' },
  { name: 'Thôn Đồng Lạc', kind: 'Thôn, tổ dân phố', address: 'Phía bắc xã, giáp kênh Đồng Sâu', latitude: 18.3712, longitude: 105.8853, description: '498 hộ, 1.907 nhân khẩu.' },
  { name: 'Thôn Bãi Sậy', kind: 'Thôn, tổ dân phố', address: 'Phía đông xã, ven sông', latitude: 18.3625, longitude: 105.9018, description: '455 hộ, 1.733 nhân khẩu.' },
  { name: 'Thôn Gò Mít', kind: 'Thôn, tổ dân phố', address: 'Phía nam xã, vùng đồi cây ăn quả', latitude: 18.3489, longitude: 105.8927, description: '531 hộ, 2.016 nhân khẩu.' },
  { name: 'Thôn Tân Phú', kind: 'Thôn, tổ dân phố', address: 'Phía tây xã, dọc đường liên thôn', latitude: 18.3571, longitude: 105.8745, description: '540 hộ, 2.041 nhân khẩu.' },
  { name: 'Thôn Hòa Bình', kind: 'Thôn, tổ dân phố', address: 'Phía tây bắc xã', latitude: 18.3683, longitude: 105.8762, description: '490 hộ, 1.861 nhân khẩu.' },
  { name: 'Trường Tiểu học Tân Hòa', kind: 'Trường học', address: 'Thôn Trung Hòa, cạnh sân thể thao xã', latitude: 18.3589, longitude: 105.8869 },
  { name: 'Trường Trung học cơ sở Tân Hòa', kind: 'Trường học', address: 'Thôn Đồng Lạc', latitude: 18.3694, longitude: 105.8871 },
  { name: 'Trạm Y tế xã Tân Hòa', kind: 'Cơ sở y tế', address: 'Số 5 đường Lê Lợi, thôn Trung Hòa', latitude: 18.3615, longitude: 105.8878, description: 'Trực cấp cứu 24/24 giờ.' },
];

/** Hamlet outlines of the drawing: name, polygon points (1200×800), label position, fill. */
const HAMLETS: Array<[string, string, [number, number], string]> = [
  ['Hòa Bình', '80,90 430,60 470,300 250,360 60,300', [240, 210], '#e8f1d9'],
  ['Đồng Lạc', '430,60 820,70 800,330 470,300', [630, 190], '#f6ecd2'],
  ['Tân Phú', '60,300 250,360 300,620 90,700', [175, 580], '#f4e1dc'],
  ['Trung Hòa', '250,360 470,300 800,330 760,520 320,560', [540, 510], '#fff6c9'],
  ['Bãi Sậy', '800,330 820,70 1010,120 1050,560 760,520', [920, 330], '#dcebf3'],
  ['Gò Mít', '320,560 760,520 1050,560 980,760 300,740 300,620', [650, 650], '#e4f0e0'],
];

/** The administrative map as SVG: hamlets, the provincial road, the river, the commune centre, a legend. */
export function mapSvg(): string {
  const hamlets = HAMLETS.map(
    ([name, points, [x, y], fill]) =>
      `<polygon points="${points}" fill="${fill}" stroke="#6b5b3e" stroke-width="3" stroke-dasharray="14 8"/>` +
      `<text x="${x}" y="${y}" font-family="DejaVu Sans, sans-serif" font-size="30" font-weight="bold" fill="#3b3222" text-anchor="middle">Thôn ${name}</text>`,
  ).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
<rect width="1200" height="800" fill="#f7f7f2"/>
${hamlets}
<path d="M1090 0 C1040 200 1120 380 1070 560 S1100 760 1130 800" fill="none" stroke="#5aa0d6" stroke-width="34"/>
<text x="1135" y="90" font-family="DejaVu Sans, sans-serif" font-size="24" fill="#1f5f8b" transform="rotate(80 1135 90)">Sông Lam Giang</text>
<path d="M0 470 C300 430 600 420 1200 380" fill="none" stroke="#c0392b" stroke-width="10"/>
<text x="40" y="500" font-family="DejaVu Sans, sans-serif" font-size="22" fill="#8e2b20">Đường tỉnh 548</text>
<circle cx="540" cy="400" r="14" fill="#c0392b" stroke="#fff" stroke-width="4"/>
<text x="560" y="392" font-family="DejaVu Sans, sans-serif" font-size="22" fill="#3b3222">UBND xã</text>
<rect x="20" y="14" width="540" height="54" fill="#ffffff" stroke="#6b5b3e"/>
<text x="36" y="50" font-family="DejaVu Sans, sans-serif" font-size="26" font-weight="bold" fill="#3b3222">BẢN ĐỒ HÀNH CHÍNH XÃ TÂN HÒA</text>
<text x="20" y="785" font-family="DejaVu Sans, sans-serif" font-size="16" fill="#555">Bản đồ minh họa của bản trình diễn Cổng, không dùng để đo đạc.</text>
</svg>`;
}

/** The map picture as a palette PNG (line art stays sharp and small). */
export function mapPng(): Promise<Buffer> {
  return sharp(Buffer.from(mapSvg())).png({ palette: true, compressionLevel: 9 }).toBuffer();
}

/** The map picture in the settings (when none is chosen) and the places, published. */
export async function seedMap(strapi: Core.Strapi, created: SeedCounts): Promise<void> {
  const { file, created: isNew } = await ensureFile(strapi, MAP_IMAGE.name, 'image/png', mapPng, MAP_IMAGE.alt);
  if (isNew) created.media += 1;
  const settings = (await strapi.documents(SETTINGS).findFirst({ sort: 'id:asc', populate: ['mapImage'] })) as { documentId: string; mapImage?: unknown } | null;
  if (settings && !settings.mapImage) await strapi.documents(SETTINGS).update({ documentId: settings.documentId, data: { mapImage: file.id } as never });
  for (const [order, place] of DEMO_PLACES.entries()) {
    if (await findBy(strapi, UID, { name: place.name })) continue;
    await strapi.documents(UID).create({ data: { ...place, order } as never, status: 'published' });
    created.places += 1;
  }
}

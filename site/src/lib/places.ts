/**
 * Places of the map page (/ban-do/): grouped by kind, their coordinates as readers read them, the
 * OpenStreetMap link a reader may follow, and the origin of a configured tile server (for the
 * page's Content-Security-Policy). Pure: unit-tested.
 */
import { PLACE_KINDS } from '@cong/content-types';
import type { PlaceRecord } from './records';

/** The kinds that have places, in the model's order, each with its places in their order. */
export function groupPlaces<T extends PlaceRecord>(places: T[]): Array<{ kind: string; places: T[] }> {
  const known = new Set<string>(PLACE_KINDS);
  const kinds = [...PLACE_KINDS, ...new Set(places.map((p) => p.kind).filter((k) => !known.has(k)))];
  return kinds.map((kind) => ({ kind, places: places.filter((p) => p.kind === kind) })).filter((g) => g.places.length > 0);
}

/** Whether a place has both coordinates (the model lets an editor leave both empty). */
export const hasCoordinates = (p: Pick<PlaceRecord, 'latitude' | 'longitude'>): p is { latitude: number; longitude: number } =>
  typeof p.latitude === 'number' && typeof p.longitude === 'number' && Number.isFinite(p.latitude) && Number.isFinite(p.longitude);

const degrees = (value: number) => `${Math.abs(value).toFixed(4).replace('.', ',')}°`;

/** "18,3602° B, 105,8891° Đ" (Bắc/Nam, Đông/Tây). */
export function coordinateLabel(latitude: number, longitude: number): string {
  return `${degrees(latitude)} ${latitude >= 0 ? 'B' : 'N'}, ${degrees(longitude)} ${longitude >= 0 ? 'Đ' : 'T'}`;
}

/** The place on openstreetmap.org with a marker: a link the reader follows, never loaded by the page. */
export function openStreetMapUrl(latitude: number, longitude: number): string {
  const lat = latitude.toFixed(5);
  const lon = longitude.toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

/**
 * The source the page's policy must allow for pictures of a tile URL template
 * (`https://{s}.tile.example.org/{z}/{x}/{y}.png` → `https://*.tile.example.org`), or null for a
 * template that is not an http(s) address of a plain host (then no interactive map is shown).
 */
export function tileSource(template: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)(?:[/?#]|$)/i.exec(template.trim());
  if (!match) return null;
  const host = match[2]!.replace(/^\{s\}\./, '*.');
  if (!/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(host) || /\{|\}/.test(host)) return null;
  return `${match[1]!.toLowerCase()}://${host.toLowerCase()}`;
}

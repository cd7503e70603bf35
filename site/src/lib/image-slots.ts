/**
 * Where pictures sit on the portal's pages and which widths are made for each place: the
 * plain rules behind images.ts (which needs Astro's build), kept apart so they can be tested.
 */

/** The places a CMS picture appears: a news list's thumbnail, the home page's lead story, the content column. */
export type ImageSlot = 'thumb' | 'lead' | 'content' | 'portrait';

interface SlotRule {
  /** Candidate widths in CSS pixels × density; only those below the file's own width are made. */
  widths: number[];
  /** The width written into the <img>'s width/height (its aspect ratio) and used as the plain src. */
  fallbackWidth: number;
  /** How wide the slot is at each breakpoint of global.css (layout: 1200 px page, 300 px sidebar). */
  sizes: string;
}

const SLOTS: Record<ImageSlot, SlotRule> = {
  // .news-item: a 200 px column; one column under 600 px.
  thumb: { widths: [240, 400, 640], fallbackWidth: 400, sizes: '(max-width: 600px) calc(100vw - 2rem), 200px' },
  // .featured .lead: two thirds of the content column; all of it under 700 px.
  lead: { widths: [400, 640, 960, 1280], fallbackWidth: 640, sizes: '(max-width: 700px) calc(100vw - 2rem), (max-width: 900px) calc(66vw - 2rem), 560px' },
  // The content column: 836 px beside the sidebar; the whole page width under 900 px.
  content: { widths: [400, 640, 960, 1280], fallbackWidth: 960, sizes: '(max-width: 900px) calc(100vw - 2rem), 840px' },
  // .official-photo: an official's photo, 96 px wide everywhere.
  portrait: { widths: [96, 192, 288], fallbackWidth: 96, sizes: '96px' },
};

export function pictureSlot(slot: ImageSlot): SlotRule {
  return SLOTS[slot];
}

/**
 * The widths to make for a file `original` pixels wide: the slot's candidates below it, and the
 * file's own width when the largest candidate would enlarge it (never upscaled).
 */
export function widthLadder(original: number, candidates: number[]): number[] {
  const below = candidates.filter((w) => w < original);
  if (below.length < candidates.length) below.push(original);
  return [...new Set(below)].sort((a, b) => a - b);
}

/** The format a fallback keeps (jpg, png, webp), or null for a file the pipeline leaves alone (SVG, GIF, AVIF, unknown). */
export function rasterFormat(mime: string, url: string): 'jpg' | 'png' | 'webp' | null {
  const type = mime.toLowerCase();
  if (type === 'image/jpeg' || type === 'image/jpg') return 'jpg';
  if (type === 'image/png') return 'png';
  if (type === 'image/webp') return 'webp';
  if (type) return null;
  const extension = /\.([a-z0-9]+)$/i.exec(url.split(/[?#]/)[0] ?? '')?.[1]?.toLowerCase();
  if (extension === 'jpg' || extension === 'jpeg') return 'jpg';
  if (extension === 'png' || extension === 'webp') return extension;
  return null;
}

/** Text safe inside a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

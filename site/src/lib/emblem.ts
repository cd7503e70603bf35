/**
 * The portal's emblem: the image set in the portal's entry (Cổng → Biểu trưng), or a built-in mark. The
 * header shows it, and the favicon, the .ico and the touch icon are made from it at build time
 * (sharp), so a browser's tab, a bookmark and a phone's home screen show the same mark and no page
 * asks for a /favicon.ico that is not there. An uploaded SVG is only ever rasterised: it is never
 * served as SVG from the portal's origin, where a script inside it could run.
 */
import sharp from 'sharp';
import { getSettings } from './content';
import { siteCmsUrl } from './site-env';
import { perRender } from './render-scope';

const SHAPES = '<circle cx="32" cy="32" r="30" fill="#ffd54f"/><polygon points="32,12 37,27 53,27 40,36 45,52 32,42 19,52 24,36 11,27 27,27" fill="#c62828"/>';

/** The emblem as an SVG element; `attributes` go on the <svg> (class, aria-hidden, …). */
export function emblemSvg(attributes = ''): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"${attributes ? ` ${attributes}` : ''}>${SHAPES}</svg>`;
}

/**
 * The bytes of the emblem set in the CMS, fetched once per build; null when none is set. Per
 * render (render-scope.ts): a warm fast-path worker renders publish after publish.
 */
export const customEmblem = perRender(async (): Promise<Buffer | null> => {
  const emblem = (await getSettings()).emblem;
  if (!emblem) return null;
  const response = await fetch(new URL(emblem.url, `${siteCmsUrl()}/`), { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`The emblem set in the portal (Cổng → Biểu trưng) (${emblem.url}) could not be read from the CMS (HTTP ${response.status}): upload it again or clear the field.`);
  const bytes = Buffer.from(await response.arrayBuffer());
  // Refused here with the field's name rather than deep inside sharp when an icon is made.
  await sharp(bytes).metadata().catch(() => {
    throw new Error(`The emblem set in the portal (Cổng → Biểu trưng) (${emblem.url}) is not an image sharp can read: upload a PNG, JPEG or SVG.`);
  });
  return bytes;
});

/** `size`×`size` pixels of the emblem, transparent around it: the CMS's image fitted in, or the built-in mark. */
async function emblemSquare(size: number): Promise<Buffer> {
  const own = await customEmblem();
  if (!own) return sharp(Buffer.from(emblemSvg(`width="${size}" height="${size}"`))).png().toBuffer();
  // SVG is drawn at a density that gives at least `size` pixels, then fitted like any picture.
  const { format, width = size, height = size } = await sharp(own).metadata();
  const density = format === 'svg' ? Math.min(2400, Math.ceil((72 * size) / Math.min(width, height))) : undefined;
  return sharp(own, density ? { density } : {})
    .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
}

/** The emblem as a square PNG of `size` pixels, on `background` (transparent when not given). */
export async function emblemPng(size: number, background?: string): Promise<Buffer> {
  const padding = background ? Math.round(size * 0.1) : 0;
  const inner = await emblemSquare(size - 2 * padding);
  const canvas = sharp({ create: { width: size, height: size, channels: 4, background: background ?? { r: 0, g: 0, b: 0, alpha: 0 } } });
  return canvas.composite([{ input: inner, left: padding, top: padding }]).png({ compressionLevel: 9 }).toBuffer();
}

/**
 * A .ico holding PNG images (the format every browser since Internet Explorer Vista reads): a
 * 6-byte header, one 16-byte entry per image, then the PNG files.
 */
export function icoFromPngs(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 = 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/**
 * /favicon.svg: the built-in mark as it is, or the CMS's emblem as a 128 px PNG inside an SVG
 * (the header shows the same file, sharp at twice its 56 px).
 */
export async function faviconSvg(): Promise<string> {
  if (!(await customEmblem())) return emblemSvg();
  const png = (await emblemPng(128)).toString('base64');
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 128 128"><image width="128" height="128" xlink:href="data:image/png;base64,${png}"/></svg>`;
}

/**
 * The portal's emblem, drawn once: the header shows it inline, and the favicon, the .ico and the
 * touch icon are made from it at build time (sharp), so a browser's tab, a bookmark and a phone's
 * home screen show the same mark and no page asks for a /favicon.ico that is not there.
 */
import sharp from 'sharp';

const SHAPES = '<circle cx="32" cy="32" r="30" fill="#ffd54f"/><polygon points="32,12 37,27 53,27 40,36 45,52 32,42 19,52 24,36 11,27 27,27" fill="#c62828"/>';

/** The emblem as an SVG element; `attributes` go on the <svg> (class, aria-hidden, …). */
export function emblemSvg(attributes = ''): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"${attributes ? ` ${attributes}` : ''}>${SHAPES}</svg>`;
}

/** The emblem as a square PNG of `size` pixels, on `background` (transparent when not given). */
export async function emblemPng(size: number, background?: string): Promise<Buffer> {
  const padding = background ? Math.round(size * 0.1) : 0;
  const inner = await sharp(Buffer.from(emblemSvg(`width="${size - 2 * padding}" height="${size - 2 * padding}"`))).png().toBuffer();
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

/**
 * Images from the CMS at build time (image-files.ts, sharp): each picture gets WebP sources and a
 * JPEG (or PNG) fallback at a ladder of widths, with its intrinsic size, so the browser picks the
 * smallest file that fills the slot and reserves the room before it loads. Files are
 * content-addressed (`/_astro/<name>_<hash>.webp`), so they are served as immutable; the media's
 * `updatedAt` is part of the source URL, so a file replaced in the CMS gets new names. Made files
 * are cached in the build's cache folder between releases.
 *
 * Pages rendered on demand (the draft preview) keep the plain file: no image endpoint runs there.
 */
import { getBodyMedia } from './body-media';
import { imageFile } from './image-files';
import type { MediaRecord } from './records';
import { siteCmsUrl } from './site-env';
import { escapeAttribute, pictureSlot, rasterFormat, widthLadder, type ImageSlot } from './image-slots';
import { perRender } from './render-scope';

export interface ResponsiveImage {
  /** WebP sources (`<source type="image/webp">`). */
  sources: Array<{ type: string; srcset: string }>;
  /** The original file, and the srcset in its format. */
  src: string;
  srcset: string;
  width: number;
  height: number;
}

/** What a picture needs to know about its file; a MediaRecord has it all. */
export type ImageSource = Pick<MediaRecord, 'url' | 'width' | 'height' | 'mime'> & { version?: string | null };

/** Per render (render-scope.ts): a warm fast-path worker renders publish after publish. */
const cmsUrl = perRender((): string => siteCmsUrl());

/**
 * The responsive variants of a CMS image, or null when it cannot go through the pipeline
 * (not under /uploads/, no known size, not a raster photo format such as SVG or GIF).
 */
export async function responsiveImage(media: ImageSource, slot: ImageSlot): Promise<ResponsiveImage | null> {
  const fallback = rasterFormat(media.mime, media.url);
  if (!fallback || !media.url.startsWith('/uploads/') || !media.width || !media.height) return null;
  const widths = widthLadder(media.width, pictureSlot(slot).widths);
  const display = widths.find((w) => w >= pictureSlot(slot).fallbackWidth) ?? widths.at(-1)!;
  const height = Math.round((display * media.height) / media.width);
  const src = `${cmsUrl()}${media.url}${media.version ? `?v=${encodeURIComponent(media.version)}` : ''}`;
  // Resized 'inside' the width: a photo whose EXIF turns it (Strapi records the stored width and height) is never cropped.
  const srcset = (format: 'webp' | 'jpg' | 'png') => widths.map((width) => `${imageFile({ src, width, format })} ${width}w`).join(', ');
  return {
    sources: fallback === 'webp' ? [] : [{ type: 'image/webp', srcset: srcset('webp') }],
    // The original file as the plain src: browsers take a `w` srcset instead, and the media mirror
    // copies what pages name, so the live release keeps the source a replaced file is compared with.
    src: media.url,
    srcset: srcset(fallback),
    width: display,
    height,
  };
}

/**
 * Rendered Markdown with each `<img src="/uploads/…">` turned into a responsive `<picture>`; the
 * size and version come from the CMS's media library (body-media.ts). Any other picture stays as it is.
 */
export async function responsiveBodyImages(html: string): Promise<string> {
  const tags = [...html.matchAll(/<img\b([^>]*)>/g)];
  if (tags.length === 0) return html;
  const media = await getBodyMedia();
  const replacements = await Promise.all(
    tags.map(async (match) => {
      const attributes = Object.fromEntries([...match[1]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      const file = media.get(decodeEntities(attributes.src ?? ''));
      const image = file ? await responsiveImage(file, 'content') : null;
      if (!image) return match[0];
      return pictureHtml(image, { alt: decodeEntities(attributes.alt ?? ''), slot: 'content', title: attributes.title ? decodeEntities(attributes.title) : undefined });
    }),
  );
  let i = 0;
  return html.replace(/<img\b[^>]*>/g, () => replacements[i++]!);
}

function decodeEntities(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The `<picture>` markup of a responsive image: for Markdown bodies and for CmsImage.astro alike.
 * `priority`: the one picture a reader sees first (eager, fetchpriority high); any other loads lazily.
 */
export function pictureHtml(image: ResponsiveImage, options: { alt: string; slot: ImageSlot; title?: string | undefined; priority?: boolean }): string {
  const sizes = escapeAttribute(pictureSlot(options.slot).sizes);
  const sources = image.sources.map((s) => `<source type="${s.type}" srcset="${escapeAttribute(s.srcset)}" sizes="${sizes}">`).join('');
  const title = options.title ? ` title="${escapeAttribute(options.title)}"` : '';
  const loading = options.priority ? 'loading="eager" decoding="async" fetchpriority="high"' : 'loading="lazy" decoding="async"';
  return `<picture>${sources}<img src="${escapeAttribute(image.src)}" srcset="${escapeAttribute(image.srcset)}" sizes="${sizes}" width="${image.width}" height="${image.height}" alt="${escapeAttribute(options.alt)}"${title} ${loading}></picture>`;
}

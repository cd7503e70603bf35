/**
 * The files behind the portal's responsive pictures (images.ts), made with sharp from the CMS's
 * media. Rendering a page only names them (`imageFile()`: a content-addressed
 * `/_astro/<name>_<hash>.<format>`, the same in a full build and in the publisher's fast path);
 * `writeImages()` (image-writer.ts) then puts every named file into the release, from the image cache
 * (SITE_CACHE_DIR/cong-images, kept between releases) or made afresh.
 *
 * Issue 15: Astro's own image pipeline (getImage) names its files only inside `astro build`; a page
 * rendered by the fast path with the release's bundle would have pointed at the on-demand
 * /_image endpoint instead, and no file would have been made.
 */
import { createHash } from 'node:crypto';

/** How one file is made: the source (with its version), the width and the format. */
export interface ImageTransform {
  /** Absolute URL of the CMS file, its version in the query (a replaced file has another). */
  src: string;
  width: number;
  format: 'webp' | 'jpg' | 'png';
}

/** Encoder settings; part of every file's hash, so changing them names new files. */
export const QUALITY = { webp: 80, jpg: 80 } as const;
const PIPELINE = `sharp inside q${QUALITY.webp}/${QUALITY.jpg} v1`;

export interface Registry {
  /** File name (without /_astro/) → how it is made: every picture named in this process. */
  named: Map<string, ImageTransform>;
}

/** Shared by every copy of this module in the process (the build's bundle and its integrations are separate copies). */
export function registry(): Registry {
  const scope = globalThis as typeof globalThis & { __congImages?: Registry };
  scope.__congImages ??= { named: new Map() };
  return scope.__congImages;
}

/** The public path of the file for `transform`, remembered so writeImages() can make it. */
export function imageFile(transform: ImageTransform): string {
  const base = decodeURIComponent(new URL(transform.src).pathname.split('/').pop() ?? 'image').replace(/\.[a-z0-9]+$/i, '').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60) || 'image';
  const hash = createHash('sha256').update(JSON.stringify([PIPELINE, transform.src, transform.width, transform.format])).digest('base64url').slice(0, 10);
  const name = `${base}_${hash}.${transform.format}`;
  registry().named.set(name, transform);
  return `/_astro/${name}`;
}

/** The `/_astro/` picture files an HTML page names that this module made (Astro's own assets are left to Astro). */
export function namedImageFiles(html: string, known: (name: string) => boolean): string[] {
  return [...html.matchAll(/\/_astro\/([A-Za-z0-9_-]+_[A-Za-z0-9_-]{10}\.(?:webp|jpg|png))\b/g)].map((m) => m[1]!).filter(known);
}

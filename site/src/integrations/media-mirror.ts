/**
 * Copies every media file the built pages reference (`/uploads/…`, Strapi's local provider)
 * from the CMS into the build, so the public server never needs to reach Strapi, and puts in the
 * picture files they name (src/lib/image-files.ts). Files already present from an earlier build
 * are kept (uploads never change in place). The publisher's fast path does the same for the pages
 * it renders (`mirrorPages`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseSiteEnvironment } from '../lib/site-env';
import { namedImageFiles } from '../lib/image-files';
import { knownImages, writeImages } from '../lib/image-writer';

export function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (/\.(html|xml)$/.test(entry.name)) yield full;
  }
}

/** Every `/uploads/…` path referenced by the built pages. */
export function findUploadPaths(html: string): string[] {
  return [...html.matchAll(/["'(](\/uploads\/[A-Za-z0-9._\-/]+)["')]/g)].map((m) => m[1]!).filter((p) => !p.includes('..'));
}

/**
 * Puts into the release `root` (its client folder) the media files and pictures the pages `files`
 * name. Returns the counts for the log.
 */
export async function mirrorPages(root: string, files: Iterable<string>): Promise<{ media: number; copied: number; images: number; made: number }> {
  const wanted = new Set<string>();
  const pictures = new Set<string>();
  const known = knownImages();
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    for (const p of findUploadPaths(html)) wanted.add(p);
    for (const name of namedImageFiles(html, known)) pictures.add(name);
  }
  const env = parseSiteEnvironment(process.env);
  let copied = 0;
  for (const uploadPath of wanted) {
    const target = path.join(root, uploadPath);
    if (existsSync(target) && statSync(target).size > 0) continue;
    const response = await fetch(`${env.cmsUrl}${uploadPath}`);
    if (!response.ok) throw new Error(`Media ${uploadPath} is referenced by a page but the CMS answered ${response.status}: re-upload it or fix the entry that uses it.`);
    mkdirSync(path.dirname(target), { recursive: true });
    // A new name, never written through: the fast path's release shares its files with the live one by hard links.
    rmSync(target, { force: true });
    writeFileSync(target, Buffer.from(await response.arrayBuffer()));
    copied += 1;
  }
  const images = await writeImages(root, pictures);
  return { media: wanted.size, copied, images: pictures.size, made: images.made };
}

/** The integration; runs after the pages are written. */
export function mediaMirror(): AstroIntegration {
  return {
    name: 'cong-media-mirror',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const counts = await mirrorPages(fileURLToPath(dir), htmlFiles(fileURLToPath(dir)));
        logger.info(`media: ${counts.media} referenced, ${counts.copied} copied from the CMS; pictures: ${counts.images} named, ${counts.made} made`);
      },
    },
  };
}

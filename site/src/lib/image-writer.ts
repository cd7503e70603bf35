/**
 * Makes and places the picture files that rendered pages named (image-files.ts): kept apart from
 * the naming, which runs inside the pages' bundle, because this part needs sharp.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { QUALITY, registry, type ImageTransform } from './image-files';
import { imageCacheDir } from './site-env';

const indexFile = () => path.join(imageCacheDir(), 'index.json');

/** Every transform ever named, by file name (the cache's index: pages restored from Astro's cache name files without rendering). */
function readIndex(): Map<string, ImageTransform> {
  if (!existsSync(indexFile())) return new Map();
  return new Map(Object.entries(JSON.parse(readFileSync(indexFile(), 'utf8')) as Record<string, ImageTransform>));
}

function writeIndex(index: Map<string, ImageTransform>): void {
  mkdirSync(imageCacheDir(), { recursive: true });
  const temporary = `${indexFile()}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(Object.fromEntries(index)));
  renameSync(temporary, indexFile());
}

async function makeImage(transform: ImageTransform, target: string): Promise<void> {
  const response = await fetch(transform.src);
  if (!response.ok) throw new Error(`Image ${transform.src} is shown by a page but the CMS answered ${response.status}: re-upload it or fix the entry that uses it.`);
  const pipeline = sharp(Buffer.from(await response.arrayBuffer()), { failOn: 'error' }).rotate().resize({ width: transform.width, fit: 'inside', withoutEnlargement: true });
  const encoded = transform.format === 'webp' ? pipeline.webp({ quality: QUALITY.webp }) : transform.format === 'jpg' ? pipeline.jpeg({ quality: QUALITY.jpg, mozjpeg: true }) : pipeline.png();
  const temporary = `${target}.${process.pid}.tmp`;
  await encoded.toFile(temporary);
  renameSync(temporary, target);
}

/**
 * Puts the picture files `names` (or, without it, every file named in this process) into
 * `clientDir/_astro/`: each is linked from the image cache, made there first when missing.
 * Returns how many were made and how many came from the cache.
 */
export async function writeImages(clientDir: string, names?: Iterable<string>): Promise<{ made: number; reused: number }> {
  const index = readIndex();
  const named = registry().named;
  let changedIndex = false;
  for (const [name, transform] of named) {
    if (!index.has(name)) {
      index.set(name, transform);
      changedIndex = true;
    }
  }
  if (changedIndex) writeIndex(index);
  const wanted = [...new Set(names ?? named.keys())];
  const cache = imageCacheDir();
  mkdirSync(cache, { recursive: true });
  mkdirSync(path.join(clientDir, '_astro'), { recursive: true });
  let made = 0;
  let reused = 0;
  for (let i = 0; i < wanted.length; i += 4) {
    await Promise.all(wanted.slice(i, i + 4).map(async (name) => {
      const target = path.join(clientDir, '_astro', name);
      if (existsSync(target)) return;
      const cached = path.join(cache, name);
      if (existsSync(cached)) reused += 1;
      else {
        const transform = index.get(name);
        if (!transform) throw new Error(`A page names the picture /_astro/${name}, which this build cannot make (not in ${indexFile()}): build again with a fresh cache (delete SITE_CACHE_DIR).`);
        await makeImage(transform, cached);
        made += 1;
      }
      try {
        linkSync(cached, target);
      } catch {
        copyFileSync(cached, target); // another filesystem
      }
    }));
  }
  return { made, reused };
}

/** True for a picture file name in the cache's index (made by this module at some time). */
export function knownImages(): (name: string) => boolean {
  const index = readIndex();
  const named = registry().named;
  return (name) => named.has(name) || index.has(name);
}

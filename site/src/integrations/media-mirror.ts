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

/** The files each page names, by the page's file (relative to the client folder): `/uploads/…` and `/_astro/<picture>`. */
export type PageFiles = Record<string, string[]>;

/** Where a build keeps its PageFiles, beside its compiled pages (src/integrations/renderer.ts). */
export const PAGE_FILES = 'files.json';

/**
 * PageFiles as files.json holds them: each distinct list once, each page by its list's number.
 * Pages name few distinct lists (an article: its cover's upload and pictures; at 50,000 articles
 * 58,500 pages named 174 files): written whole the lists were 58 MB, written at every publish.
 */
interface PageFilesFile {
  lists: string[][];
  pages: Record<string, number>;
}

/** The text of files.json for `files`. */
export function encodePageFiles(files: PageFiles): string {
  const lists: string[][] = [];
  const byIdentity = new Map<readonly string[], number>(); // decoded pages share their list
  const byText = new Map<string, number>();
  const pages: Record<string, number> = {};
  for (const [page, list] of Object.entries(files)) {
    let at = byIdentity.get(list);
    if (at === undefined) {
      const text = list.join('\n');
      at = byText.get(text);
      if (at === undefined) {
        at = lists.push(list) - 1;
        byText.set(text, at);
      }
      byIdentity.set(list, at);
    }
    pages[page] = at;
  }
  return JSON.stringify({ lists, pages } satisfies PageFilesFile);
}

/** files.json parsed back into PageFiles (pages with the same list share it: never change one in place); null when it is not one. */
export function decodePageFiles(parsed: unknown): PageFiles | null {
  const file = parsed as Partial<PageFilesFile> | null;
  if (!file || !Array.isArray(file.lists) || !file.pages || typeof file.pages !== 'object') return null;
  const files: PageFiles = {};
  for (const [page, at] of Object.entries(file.pages)) {
    const list = file.lists[at];
    if (!Array.isArray(list)) return null;
    files[page] = list;
  }
  return files;
}

/**
 * Puts into the release `root` (its client folder) the media files and pictures the pages `files`
 * name. Returns the counts for the log, and what each page names (the fast path removes a file no
 * page names any more, as a full build never copies it).
 */
export async function mirrorPages(
  root: string,
  files: Iterable<string>,
  options: { refresh?: boolean } = {},
): Promise<{ media: number; copied: number; copiedFiles: string[]; images: number; made: number; references: PageFiles }> {
  const wanted = new Set<string>();
  const pictures = new Set<string>();
  const known = knownImages();
  const references: PageFiles = {};
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const uploads = findUploadPaths(html);
    const named = namedImageFiles(html, known);
    for (const p of uploads) wanted.add(p);
    for (const name of named) pictures.add(name);
    const own = [...new Set([...uploads, ...named.map((n) => `/_astro/${n}`)])].sort();
    if (own.length > 0) references[path.relative(root, file)] = own;
  }
  const env = parseSiteEnvironment(process.env);
  const copiedFiles: string[] = [];
  for (const uploadPath of wanted) {
    const target = path.join(root, uploadPath);
    const present = existsSync(target) && statSync(target).size > 0;
    // A full build starts from nothing; the fast path (`refresh`) checks the files its new pages show
    // against the CMS: Strapi's "replace" keeps a file's name.
    if (present && !options.refresh) continue;
    const response = await fetch(`${env.cmsUrl}${uploadPath}`);
    if (!response.ok) throw new Error(`Media ${uploadPath} is referenced by a page but the CMS answered ${response.status}: re-upload it or fix the entry that uses it.`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (present && readFileSync(target).equals(bytes)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    // A new name, never written through: the fast path's release shares its files with the live one by hard links.
    for (const suffix of ['', '.br', '.gz']) rmSync(`${target}${suffix}`, { force: true });
    writeFileSync(target, bytes);
    copiedFiles.push(uploadPath.replace(/^\/+/, ''));
  }
  const copied = copiedFiles.length;
  const images = await writeImages(root, pictures);
  return { media: wanted.size, copied, copiedFiles, images: pictures.size, made: images.made, references };
}

/** The integration; runs after the pages are written. */
export function mediaMirror(): AstroIntegration {
  return {
    name: 'cong-media-mirror',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const client = fileURLToPath(dir);
        const counts = await mirrorPages(client, htmlFiles(client));
        // Beside the compiled pages (the client folder's sibling `renderer/`), for the fast path.
        mkdirSync(path.join(client, '..', 'renderer'), { recursive: true });
        writeFileSync(path.join(client, '..', 'renderer', PAGE_FILES), encodePageFiles(counts.references));
        logger.info(`media: ${counts.media} referenced, ${counts.copied} copied from the CMS; pictures: ${counts.images} named, ${counts.made} made`);
      },
    },
  };
}

/**
 * Copies every media file the built pages reference (`/uploads/…`, Strapi's local provider)
 * from the CMS into the build, so the public server never needs to reach Strapi.
 * Files already present from an earlier build are kept (uploads never change in place).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseSiteEnvironment } from '../lib/site-env';

function* htmlFiles(dir: string): Generator<string> {
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

/** The integration; runs after the pages are written. */
export function mediaMirror(): AstroIntegration {
  return {
    name: 'cong-media-mirror',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const wanted = new Set<string>();
        for (const file of htmlFiles(root)) for (const p of findUploadPaths(readFileSync(file, 'utf8'))) wanted.add(p);
        const env = parseSiteEnvironment(process.env);
        let copied = 0;
        for (const uploadPath of wanted) {
          const target = path.join(root, uploadPath);
          if (existsSync(target) && statSync(target).size > 0) continue;
          const response = await fetch(`${env.cmsUrl}${uploadPath}`);
          if (!response.ok) throw new Error(`Media ${uploadPath} is referenced by a page but the CMS answered ${response.status}: re-upload it or fix the entry that uses it.`);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, Buffer.from(await response.arrayBuffer()));
          copied += 1;
        }
        logger.info(`media: ${wanted.size} referenced, ${copied} copied from the CMS`);
      },
    },
  };
}

/**
 * "Hướng dẫn biên tập" (issue 16): the editor's guide, written in Markdown in cms/guide/, shown on
 * the admin page of that name. Its screenshots (cms/guide/anh/) are taken by the browser test of
 * the editor's path (tests/e2e/editor-admin.e2e.test.ts) from the admin as it is, so the guide
 * shows the screens of this version; tests/cms/guide.test.ts checks that every picture the guide
 * names is one that test takes.
 *
 * GET /cong/huong-dan        the guide as HTML (signed-in admin users)
 * GET /cong/huong-dan/anh/x  one screenshot (public: an <img> sends no admin token; nothing in it is secret)
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import MarkdownIt from 'markdown-it';

export const GUIDE_FILE = 'huong-dan-bien-tap.md';
export const GUIDE_IMAGES = 'anh';
/** Where the guide's pictures are served. */
export const GUIDE_IMAGE_PATH = '/cong/huong-dan/anh/';
const IMAGE_NAME = /^[a-z0-9-]+\.jpg$/;

/** The guide's HTML: its own Markdown (no raw HTML), pictures pointed at the route. */
export function renderGuide(markdown: string, imageBase = GUIDE_IMAGE_PATH): string {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet('src') ?? '';
    const name = src.startsWith(`${GUIDE_IMAGES}/`) ? src.slice(GUIDE_IMAGES.length + 1) : null;
    if (name && IMAGE_NAME.test(name)) token.attrSet('src', `${imageBase}${name}`);
    token.attrSet('loading', 'lazy');
    return defaultImage(tokens, idx, options, env, self);
  };
  return md.render(markdown);
}

/** The pictures a guide names (`![…](anh/x.jpg)`), in order. */
export function guideImages(markdown: string): string[] {
  return [...markdown.matchAll(new RegExp(`!\\[[^\\]]*\\]\\(${GUIDE_IMAGES}/([^)\\s]+)\\)`, 'g'))].map((m) => m[1]!);
}

export function registerGuideRoutes(strapi: Core.Strapi): void {
  const dir = path.join(strapi.dirs.app.root, 'guide');
  strapi.server.routes({
    type: 'admin',
    prefix: '/cong',
    routes: [
      {
        method: 'GET',
        path: '/huong-dan',
        handler: async (ctx: { body: unknown }) => {
          ctx.body = { html: renderGuide(readFileSync(path.join(dir, GUIDE_FILE), 'utf8')) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'GET',
        path: '/huong-dan/anh/:name',
        handler: async (ctx: { params: { name: string }; body: unknown; type: string; status: number; set(name: string, value: string): void }) => {
          const { name } = ctx.params;
          if (!IMAGE_NAME.test(name)) {
            ctx.status = 404;
            return;
          }
          try {
            ctx.body = await readFile(path.join(dir, GUIDE_IMAGES, name));
            ctx.type = 'image/jpeg';
            ctx.set('cache-control', 'no-cache');
          } catch {
            ctx.status = 404;
          }
        },
        config: { auth: false },
      },
    ],
  } as never);
}

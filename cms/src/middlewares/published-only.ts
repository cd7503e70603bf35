/**
 * Route middleware on every content-API route of the draft & publish types: only the preview
 * token (bootstrap/build-token.ts) ever sees a draft. Everyone else — the public, the build
 * token, the comment token, tokens an operator makes — gets published entries:
 *
 * - reads lose `status` (Strapi 5.54 lets anyone holding `find` add `?status=draft`) and the
 *   publication filters (`publicationFilter`, `hasPublishedVersion`) that describe drafts;
 * - writes lose `populate`: a comment is created as a draft, and its answer would show the
 *   related article in its draft version (title, body) to whoever sent it.
 */
import type { Core } from '@strapi/strapi';
import { PREVIEW_TOKEN_NAME, recordedPreviewTokenId } from '../bootstrap/build-token';

const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);
const DRAFT_PARAMS = ['status', 'publicationFilter', 'hasPublishedVersion'];

interface Context {
  method: string;
  query: Record<string, unknown>;
  state: { auth?: { strategy?: { name?: string }; credentials?: { id?: unknown; name?: unknown } } };
}

/**
 * True for the preview token: an API token with the preview token's name and the id the
 * bootstrap recorded for it (a token an operator names like it, after renaming the real one, is
 * not it). Before the bootstrap recorded an id, no token is.
 */
export function isPreviewToken(auth: Context['state']['auth'], previewId: number | null = recordedPreviewTokenId()): boolean {
  if (!auth?.strategy?.name || !TOKEN_STRATEGIES.has(auth.strategy.name)) return false;
  return previewId !== null && auth.credentials?.name === PREVIEW_TOKEN_NAME && Number(auth.credentials?.id) === previewId;
}

export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    if (!isPreviewToken(ctx.state.auth)) {
      const dropped = ctx.method === 'GET' || ctx.method === 'HEAD' ? DRAFT_PARAMS : ['populate'];
      if (dropped.some((key) => key in ctx.query)) {
        ctx.query = Object.fromEntries(Object.entries(ctx.query).filter(([key]) => !dropped.includes(key)));
      }
    }
    await next();
  };

/**
 * Route middleware on the read routes of every draft & publish type: a caller without an API
 * token always gets the published version. Strapi 5.54 lets anyone holding `find` add
 * `?status=draft` and read drafts; this closes that even if an operator later grants the
 * Public role `find`.
 */
import type { Core } from '@strapi/strapi';

const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

interface Context {
  query: Record<string, unknown>;
  state: { auth?: { strategy?: { name?: string } } };
}

export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const strategy = ctx.state.auth?.strategy?.name;
    if (!strategy || !TOKEN_STRATEGIES.has(strategy)) {
      if ('status' in ctx.query) {
        const { status: _dropped, ...rest } = ctx.query;
        ctx.query = rest;
      }
    }
    await next();
  };

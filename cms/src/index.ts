import type { Core } from '@strapi/strapi';
import { unsupportedNodeMessage } from '@cong/content-types';
import { applyAdminLabels, defaultAdminLanguage } from './bootstrap/admin-labels';
import { ensureBuildToken, ensureCommentToken } from './bootstrap/build-token';
import { ensureEditorRoles } from './bootstrap/editor-roles';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { lockPublicAccess } from './bootstrap/public-access';
import { ensurePublisherWebhook } from './bootstrap/publisher-webhook';
import { registerDocumentMiddleware } from './lib/document-middleware';
import { loadEnvironment } from './lib/environment';
import { seedDemoContent } from './seed';

export default {
  /** Runs before the app is initialised: hooks into the Document Service. */
  register({ strapi }: { strapi: Core.Strapi }) {
    const problem = unsupportedNodeMessage('The Cổng CMS');
    if (problem) throw new Error(problem);
    strapi.log.info(`Cổng CMS on Node.js ${process.version}`);
    registerDocumentMiddleware(strapi);
  },

  /** Runs on every start; every step is idempotent. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = loadEnvironment();
    await lockPublicAccess(strapi);
    await ensureEditorRoles(strapi);
    await applyAdminLabels(strapi);
    await ensureFirstAdmin(strapi, env);
    await defaultAdminLanguage(strapi);
    await ensureBuildToken(strapi, env.buildTokenFile);
    await ensureCommentToken(strapi, env.commentTokenFile);
    await ensurePublisherWebhook(strapi, env);
    // `npm start` asks for the demo portal; the seed is a no-op once it has completed.
    if (env.SEED_DEMO_CONTENT) await seedDemoContent(strapi);
  },
};

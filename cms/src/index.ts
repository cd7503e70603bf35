import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { unsupportedNodeMessage, uploadFileUrls } from '@cong/content-types';
import { applyAdminLabels, defaultAdminLanguage } from './bootstrap/admin-labels';
import { ensureCommentToken, ensurePreviewToken, ensureQuestionToken } from './bootstrap/build-token';
import { ensureEditorRoles } from './bootstrap/editor-roles';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { lockPublicAccess } from './bootstrap/public-access';
import { ensurePortals } from './bootstrap/portals';
import { ensurePublisherWebhook } from './bootstrap/publisher-webhook';
import { registerComplianceRoute } from './lib/compliance';
import { registerImportRoutes } from './lib/csv-import-route';
import { registerSharedNewsRoute } from './lib/shared-news';
import { registerStampsRoute } from './lib/stamps-route';
import { registerGuideRoutes } from './lib/guide-route';
import { registerDocumentMiddleware } from './lib/document-middleware';
import { registerPortalConditions, registerPortalFence } from './lib/portal-fence';
import { registerFileOwnership, registerPortalSync, syncPortals } from './lib/portal-sync';
import { loadEnvironment } from './lib/environment';
import { privatizeUploads, securePrivateFiles } from './lib/file-modes';
import { registerFileRelationSanitizer } from './lib/file-related';
import { demoteMigrationSteps } from './lib/quiet-log';
import { seedDemoContent } from './seed';
import { decideDemoSeed, readSeedState } from './seed/when';

export default {
  /** Runs before the app is initialised: hooks into the Document Service. */
  async register({ strapi }: { strapi: Core.Strapi }) {
    const problem = unsupportedNodeMessage('The Cổng CMS');
    if (problem) throw new Error(problem);
    strapi.log.info(`Cổng CMS on Node.js ${process.version}`);
    demoteMigrationSteps(strapi.log);
    // Editors and build tokens fenced to their portals (issue 14): RBAC conditions, then the
    // Document Service fence, which runs before the model's middleware (a save's portal is checked
    // as the editor sent it).
    await registerPortalConditions(strapi);
    registerPortalFence(strapi);
    registerPortalSync(strapi);
    registerFileOwnership(strapi);
    registerDocumentMiddleware(strapi);
    // "Mức độ công khai thông tin": the admin page's figures (GET /cong/compliance).
    registerComplianceRoute(strapi);
    // The admin's "Nhập từ tệp CSV" page posts here (procedures, dossier figures).
    registerImportRoutes(strapi);
    // "Tin từ cơ sở": a province's build reads the news its communes share (GET /api/cong/shared-news).
    registerSharedNewsRoute(strapi);
    // Issue 15: every publish reads every published entry's stamp (GET /api/cong/stamps/<type>).
    registerStampsRoute(strapi);
    // "Hướng dẫn biên tập": the editor's guide and its screenshots (GET /cong/huong-dan).
    registerGuideRoutes(strapi);
    // A file's `related` entries include drafts: no content-API answer carries them.
    registerFileRelationSanitizer(strapi);
    // Databases, secrets, token keys and uploads are the CMS user's alone (700/600), also when an
    // older install or a restored backup left them readable by others.
    // The SQLite file is made here, before Strapi's bootstrap opens it (SQLite would use the umask).
    const env = loadEnvironment();
    const uploadsDir = path.join(strapi.dirs.static.public, 'uploads');
    const database = strapi.config.get('database.connection') as { client: string; connection: { filename?: string } };
    const sqliteFile = database.client === 'sqlite' ? database.connection.filename : undefined;
    securePrivateFiles({ dataDir: env.dataDir, uploadsDir, sqliteFile });
    // Strapi's local provider writes new uploads with the umask's mode: tighten each as it is saved.
    strapi.db.lifecycles.subscribe({
      models: ['plugin::upload.file'],
      afterCreate: (event) => privatizeUploads(uploadsDir, uploadFileUrls(event.result)),
      afterUpdate: (event) => privatizeUploads(uploadsDir, uploadFileUrls(event.result)),
    });
  },

  /** Runs on every start; every step is idempotent. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = loadEnvironment();
    // Read before the steps below write anything: is this a new database?
    const seed = env.SEED_DEMO_CONTENT ? decideDemoSeed(true, env.NODE_ENV === 'production', await readSeedState(strapi)) : null;
    await lockPublicAccess(strapi);
    // Portals as data: a first portal (an upgrade copies its old settings), every entry owned.
    await ensurePortals(strapi);
    await ensureEditorRoles(strapi);
    await applyAdminLabels(strapi);
    await ensureFirstAdmin(strapi, env);
    await defaultAdminLanguage(strapi);
    // The build token of each portal (the primary portal's is the build token), the portals' roles
    // and <dataDir>/portals.json; redone whenever a portal changes (lib/portal-sync.ts).
    await syncPortals(strapi, { dataDir: env.dataDir, buildTokenFile: env.buildTokenFile });
    await ensureCommentToken(strapi, env.commentTokenFile);
    await ensureQuestionToken(strapi, env.questionTokenFile);
    await ensurePreviewToken(strapi, env.previewTokenFile);
    await ensurePublisherWebhook(strapi, env);
    // `npm start` asks for the demo portal: filled on a new database only (seed/when.ts).
    if (seed?.seed) await seedDemoContent(strapi, { portals: env.SEED_DEMO_PORTALS });
    else if (seed?.notable) strapi.log.info(`[seed] demo content not added: ${seed.reason}`);
  },
};

import type { Core } from '@strapi/strapi';
import { loadEnvironment } from '../src/lib/environment';
import { runScheduledPublishing } from '../src/lib/scheduler';

const config = (): Core.Config.Server => {
  const env = loadEnvironment();
  return {
    host: env.CMS_HOST,
    port: env.CMS_PORT,
    ...(env.CMS_PUBLIC_URL ? { url: env.CMS_PUBLIC_URL } : {}),
    app: { keys: env.secrets.APP_KEYS.split(',') },
    // The public folder (uploads/ inside): cms/public unless CMS_PUBLIC_DIR names another (absolute, or relative to cms/).
    ...(env.CMS_PUBLIC_DIR ? { dirs: { public: env.CMS_PUBLIC_DIR } } : {}),
    webhooks: { populateRelations: false },
    // Strapi's table of versions and URLs at start; `npm start` prints its own summary instead.
    logger: { startup: { enabled: env.CMS_STARTUP_MESSAGE } },
    // Hẹn giờ đăng / gỡ (src/lib/scheduler.ts): every minute by default.
    cron: {
      enabled: true,
      tasks: {
        congScheduledPublishing: {
          task: async ({ strapi }: { strapi: Core.Strapi }) => {
            await runScheduledPublishing(strapi).catch((error: Error) => strapi.log.error(`[schedule] run failed: ${error.message}`));
          },
          options: { rule: env.SCHEDULE_RULE },
        },
      },
    },
  };
};

export default config;

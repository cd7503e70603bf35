import type { Core } from '@strapi/strapi';
import { loadEnvironment } from '../src/lib/environment';

const config = (): Core.Config.Server => {
  const env = loadEnvironment();
  return {
    host: env.CMS_HOST,
    port: env.CMS_PORT,
    ...(env.CMS_PUBLIC_URL ? { url: env.CMS_PUBLIC_URL } : {}),
    app: { keys: env.secrets.APP_KEYS.split(',') },
    webhooks: { populateRelations: false },
  };
};

export default config;

import type { Core } from '@strapi/strapi';
import { loadEnvironment } from '../src/lib/environment';

const config = (): Core.Config.Admin => {
  const { secrets } = loadEnvironment();
  return {
    auth: { secret: secrets.ADMIN_JWT_SECRET },
    apiToken: { salt: secrets.API_TOKEN_SALT },
    transfer: { token: { salt: secrets.TRANSFER_TOKEN_SALT } },
    secrets: { encryptionKey: secrets.ENCRYPTION_KEY },
    flags: { nps: false, promoteEE: false },
  };
};

export default config;

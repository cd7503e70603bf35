import type { Core } from '@strapi/strapi';
import { PREVIEW_KINDS, previewPath } from '@cong/content-types';
import { loadEnvironment } from '../src/lib/environment';

const config = (): Core.Config.Admin => {
  const { secrets, PREVIEW_SECRET, PREVIEW_URL } = loadEnvironment();
  const site = PREVIEW_URL.replace(/\/+$/, '');
  return {
    auth: { secret: secrets.ADMIN_JWT_SECRET },
    apiToken: { salt: secrets.API_TOKEN_SALT },
    transfer: { token: { salt: secrets.TRANSFER_TOKEN_SALT } },
    secrets: { encryptionKey: secrets.ENCRYPTION_KEY },
    flags: { nps: false, promoteEE: false },
    // "Xem trước" opens the draft on the public server with a signed link (content-types/src/preview.ts);
    // without PREVIEW_SECRET there is no preview button.
    preview: {
      enabled: Boolean(PREVIEW_SECRET),
      config: {
        allowedOrigins: [new URL(site).origin],
        async handler(uid: string, { documentId }: { documentId: string }) {
          const kind = PREVIEW_KINDS[uid as keyof typeof PREVIEW_KINDS];
          return kind && PREVIEW_SECRET ? `${site}${previewPath(PREVIEW_SECRET, kind, documentId)}` : null;
        },
      },
    },
  };
};

export default config;

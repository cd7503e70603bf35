/**
 * Loads what the CMS publishes for each item of the compliance catalogue (content-types/src/compliance.ts):
 * how many published entries and the latest day, one record per item. The page judges them on the
 * build's day (the publisher rebuilds after midnight), the same way the admin page and
 * `npm run compliance` do.
 */
import type { StoreLoader } from './store';
import { complianceFacts, createCmsClient, restComplianceReader } from '@cong/content-types';
import { parseSiteEnvironment } from './site-env';

export function complianceLoader(): StoreLoader {
  return {
    name: 'cong-compliance',
    async load({ store }) {
      const env = parseSiteEnvironment(process.env);
      const facts = await complianceFacts(restComplianceReader(createCmsClient({ baseUrl: env.cmsUrl, token: env.token }), env.portal));
      store.clear();
      for (const [key, value] of facts) store.set({ id: key, data: { ...value } });
    },
  };
}

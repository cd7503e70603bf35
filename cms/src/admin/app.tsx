/**
 * The admin panel in Vietnamese: the only language offered, with the strings Strapi 5.54 lacks
 * for the screens editors use most (content manager, media library) filled in.
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import { BulletList } from '@strapi/icons';
import vi from './translations/vi.json';
import { registerCsvImport } from './csv-import-link';

// The admin reads its language from here before anyone signs in (the login page included).
const LANGUAGE_KEY = 'strapi-admin-language';
// Strapi's guided tour is English-only and covers the list view on a first visit: start it off.
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';

export default {
  config: {
    locales: ['vi'],
    translations: { vi },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // "Mức độ công khai thông tin": what the portal still lacks of what the law asks it to publish.
    app.addMenuLink({
      to: 'cong-khai-thong-tin',
      icon: BulletList,
      intlLabel: { id: 'cong.compliance.menu', defaultMessage: 'Mức độ công khai thông tin' },
      Component: () => import('./pages/Compliance'),
      permissions: [],
    });
    registerCsvImport(app);
  },
  bootstrap(_app: StrapiApp) {
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'vi');
    if (!window.localStorage.getItem(GUIDED_TOUR_KEY)) window.localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ enabled: false }));
  },
};

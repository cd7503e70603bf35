/**
 * The admin panel in Vietnamese: the only language offered, with the strings Strapi 5.54 lacks
 * for the screens editors use most (content manager, media library) filled in.
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import { BulletList, Book } from '@strapi/icons';
import vi from './translations/vi.json';
import { registerCsvImport } from './csv-import-link';
import { watchHardCodedEnglish } from './hard-coded';

// The admin reads its language from here before anyone signs in (the login page included).
const LANGUAGE_KEY = 'strapi-admin-language';
// Strapi's guided tour is English-only and covers the list view on a first visit: start it off.
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';
// Strapi 5.54 shows an English banner about its new media library above every screen until it is
// closed; the key is scoped to the project's uuid (package.json `strapi.uuid`, `false` when unset)
// and to the legacy-library flag. Closed for good here, for the scope /admin/init names.
const MEDIA_BANNER_KEYS = (uuid: string) => [true, false].map((legacy) => `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${uuid}`);

function dismissMediaBanner(uuid: string): void {
  for (const key of MEDIA_BANNER_KEYS(uuid)) window.localStorage.setItem(key, 'true');
}

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
    // "Hướng dẫn biên tập": the editor's guide, for every signed-in user.
    app.addMenuLink({
      to: 'huong-dan-bien-tap',
      icon: Book,
      intlLabel: { id: 'cong.guide.menu', defaultMessage: 'Hướng dẫn biên tập' },
      Component: () => import('./pages/Guide'),
      permissions: [],
    });
    registerCsvImport(app);
    // "Thống kê dự án" (webhooks, API tokens, components, locales) is the operator's: Strapi 5.54
    // marks it for Super Admins (`roles`) but the home page does not read that; a permission editors
    // never have (reading webhooks) hides it from Tác giả and Biên tập viên.
    app.widgets.register((widgets) =>
      widgets.map((widget) => (widget.id === 'key-statistics' ? { ...widget, permissions: [{ action: 'admin::webhooks.read' }] } : widget)),
    );
  },
  bootstrap(_app: StrapiApp) {
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'vi');
    if (!window.localStorage.getItem(GUIDED_TOUR_KEY)) window.localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ enabled: false }));
    watchHardCodedEnglish();
    // Before the first render: the scope while /admin/init loads, and the one it names when unset.
    for (const uuid of ['undefined', 'false']) dismissMediaBanner(uuid);
    const backend = (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
    void fetch(`${backend}/admin/init`)
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { data?: { uuid?: string | false } } | null) => {
        if (body?.data) dismissMediaBanner(String(body.data.uuid ?? false));
      })
      .catch(() => undefined);
  },
};

/** The "Nhập từ tệp CSV" menu entry and its page (pages/CsvImport.tsx), registered on its own. */
import type { StrapiApp } from '@strapi/strapi/admin';

/** A small upload icon (the menu needs one; no icon package is a dependency of the CMS). */
function ImportIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z" />
      <path d="M14 2v6h6" />
      <path d="M12 18v-6" />
      <path d="m9 15 3-3 3 3" />
    </svg>
  );
}

export function registerCsvImport(app: StrapiApp): void {
  app.addMenuLink({
    to: 'cong-nhap-csv',
    icon: ImportIcon,
    intlLabel: { id: 'cong.csv-import.menu', defaultMessage: 'Nhập từ tệp CSV' },
    Component: () => import('./pages/CsvImport'),
    permissions: [],
  });
}

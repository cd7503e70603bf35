import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const require = createRequire(import.meta.url);
const vi = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../cms/src/admin/translations/vi.json'), 'utf8')) as Record<string, string>;
const strapiDir = path.resolve(import.meta.dirname, '../../node_modules/@strapi');

/** The admin panel's parts an editor meets: the admin itself, the content manager, the media library, the language picker. */
const PLUGINS = {
  admin: { prefix: '', dir: 'admin/dist/admin', translations: 'admin/dist/admin/admin/src/translations' },
  'content-manager': { prefix: 'content-manager.', dir: 'content-manager/dist/admin', translations: 'content-manager/dist/admin/translations' },
  upload: { prefix: 'upload.', dir: 'upload/dist/admin', translations: 'upload/dist/admin/translations' },
  i18n: { prefix: 'i18n.', dir: 'i18n/dist/admin', translations: 'i18n/dist/admin/translations' },
} as const;
type Plugin = keyof typeof PLUGINS;

/** Strapi's strings of a plugin in one language, keyed as the admin looks them up (with the plugin's prefix). */
function strings(plugin: Plugin, language: 'en' | 'vi'): Record<string, string> {
  // Not in the packages' exports map: load the built file by path.
  let module: { default?: Record<string, string> };
  try {
    module = require(path.join(strapiDir, PLUGINS[plugin].translations, `${language}.json.js`)) as typeof module;
  } catch {
    return {}; // Strapi ships no Vietnamese for this plugin
  }
  const table = module.default ?? (module as Record<string, string>);
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${PLUGINS[plugin].prefix}${k}`, v]));
}

function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mjs'))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * The message ids Strapi's built code asks for with an English `defaultMessage` (some have no
 * entry in its English file): literal ids as they are, `getTranslation('x')` with the plugin's prefix.
 */
function codeMessages(): Map<string, string> {
  const found = new Map<string, string>();
  for (const [plugin, { prefix, dir }] of Object.entries(PLUGINS)) {
    for (const file of builtFiles(path.join(strapiDir, dir))) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/id:\s*(getTrad\(|getTranslation\()?(['"`])([^'"`$]+)\2\)?,\s*defaultMessage:\s*(['"`])((?:\\.|(?!\4)[^])*)\4/g)) {
        const key = `${m[1] ? prefix : ''}${m[3]}`;
        if (!found.has(key)) found.set(key, `${plugin}: ${m[5]}`);
      }
    }
  }
  return found;
}

const hardCoded = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../cms/src/admin/translations/hard-coded.vi.json'), 'utf8')) as { exact: Record<string, string>; prefix: Record<string, string>; text: Record<string, string> };

/** Where Strapi (or a library of its admin) writes each hard-coded English value: file under node_modules, and the code that writes it. */
const HARD_CODED_SOURCES: Record<string, [string, string]> = {
  Editor: ['@strapi/content-manager/dist/admin/pages/EditView/components/FormInputs/Wysiwyg/Editor.mjs', "setOption('screenReaderLabel', 'Editor')"],
  'Choose date': ['@strapi/design-system/dist/index.mjs', '"Choose date"'],
  'Choose time': ['@strapi/design-system/dist/index.mjs', '"Choose time"'],
  Pagination: ['@strapi/design-system/dist/index.mjs', 't = "Pagination"'],
  pagination: ['@strapi/upload/dist/admin/components/AssetDialog/BrowseStep/PaginationFooter/Pagination.mjs', "label = 'pagination'"],
  draft: ['@strapi/content-manager/dist/admin/pages/EditView/components/DocumentStatus.mjs', '"aria-label": status'],
  published: ['@strapi/content-manager/dist/admin/pages/EditView/components/DocumentStatus.mjs', '"aria-label": status'],
  modified: ['@strapi/content-manager/dist/admin/pages/EditView/components/DocumentStatus.mjs', '"aria-label": status'],
  Notifications: ['sonner/dist/index.mjs', "containerAriaLabel = 'Notifications'"],
  'Close modal': ['@strapi/design-system/dist/index.mjs', 'closeLabel: t = "Close modal"'],
  Clear: ['@strapi/design-system/dist/index.mjs', 'clearLabel: t = "Clear"'],
  Month: ['@strapi/design-system/dist/index.mjs', 'monthSelectLabel: l = "Month"'],
  Year: ['@strapi/design-system/dist/index.mjs', 'yearSelectLabel: h = "Year"'],
  Search: ['@strapi/upload/dist/admin/components/AssetDialog/BrowseStep/SearchAsset/SearchAsset.mjs', 'label: "Search"'],
};

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

describe('admin translations (vi)', () => {
  const english: Record<string, string> = Object.assign({}, ...Object.keys(PLUGINS).map((p) => strings(p as Plugin, 'en')));
  const shipped: Record<string, string> = Object.assign({}, ...Object.keys(PLUGINS).map((p) => strings(p as Plugin, 'vi')));
  const inCode = codeMessages();

  test('translate keys that Strapi really has (in its English file, or asked for by its code)', () => {
    const unknown = Object.keys(vi).filter((k) => !(k in english) && !inCode.has(k));
    expect(unknown).toEqual([]);
  });

  test('every string of the admin, content manager, media library and language picker is in Vietnamese: an upgrade that adds keys fails here', () => {
    // Strapi's English file, and the ids its code asks for with only an English default.
    const all = new Set([...Object.keys(english), ...inCode.keys()]);
    const untranslated = [...all].filter((k) => !vi[k] && !shipped[k]).map((k) => `${k} = ${english[k] ?? inCode.get(k)}`);
    expect(untranslated).toEqual([]);
  });

  test('keep every placeholder of the English string', () => {
    for (const [key, text] of Object.entries(vi)) {
      const original = english[key] ?? inCode.get(key);
      if (original === undefined) continue;
      for (const name of placeholders(text)) expect(placeholders(original), `${key}: {${name}}`).toContain(name);
    }
  });

  test('replace only English that Strapi still writes without a key, each in Vietnamese', () => {
    const values = { ...hardCoded.exact, ...hardCoded.prefix, ...hardCoded.text };
    for (const [english, vietnamese] of Object.entries(values)) {
      expect(HARD_CODED_SOURCES[english], `${english}: say where Strapi writes it`).toBeDefined();
      const [file, code] = HARD_CODED_SOURCES[english]!;
      expect(readFileSync(path.resolve(import.meta.dirname, '../../node_modules', file), 'utf8'), `${english} in ${file}`).toContain(code);
      expect(vietnamese, english).toMatch(VIETNAMESE);
    }
  });

  test("use the portal's words: “đăng”, “gỡ đăng”, “xóa” (not Strapi's “xuất bản”, “xoá”) wherever an editor reads them", () => {
    const seen = { ...shipped, ...vi };
    const keys = [...new Set([...Object.keys(english), ...inCode.keys()])];
    expect(keys.filter((k) => /xuất bản|xoá/i.test(seen[k] ?? '')).map((k) => `${k} = ${seen[k]}`)).toEqual([]);
  });

  test('are stored in Unicode NFC', () => {
    expect(Object.entries(vi).filter(([, text]) => text !== text.normalize('NFC')).map(([key]) => key)).toEqual([]);
  });

  test('cover the screens editors use most, and the English the editors met (issue 16)', () => {
    for (const key of [
      'content-manager.containers.List.draft',
      'content-manager.containers.List.published',
      'content-manager.HeaderLayout.button.label-add-entry',
      'content-manager.success.record.publish',
      'content-manager.actions.unpublish.dialog.body',
      'upload.header.actions.add-assets',
      'upload.form.input.label.file-alt',
      'HomePage.addWidget.button', // "Add Widget"
      'search.placeholder', // "Search", the content manager's sidebar
      'global.profile', // "Profile settings"
      'app.components.MediaLibraryBanner.intro',
    ]) {
      expect(vi[key] ?? shipped[key], key).toMatch(VIETNAMESE);
    }
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const require = createRequire(import.meta.url);
const vi = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../cms/src/admin/translations/vi.json'), 'utf8')) as Record<string, string>;

/** Strapi's English strings of a plugin, keyed with the plugin's prefix as the admin looks them up. */
function english(plugin: 'admin' | 'content-manager' | 'upload'): Record<string, string> {
  // Not in the packages' exports map: load the built file by path. The admin's own keys have no prefix.
  const file = path.resolve(import.meta.dirname, '../../node_modules/@strapi', plugin, plugin === 'admin' ? 'dist/admin/admin/src/translations/en.json.js' : 'dist/admin/translations/en.json.js');
  const module = require(file) as { default?: Record<string, string> };
  const strings = module.default ?? (module as Record<string, string>);
  return Object.fromEntries(Object.entries(strings).map(([k, v]) => [plugin === 'admin' ? k : `${plugin}.${k}`, v]));
}

/** Keys with no English entry, and the built file of Strapi that asks for them. */
const CODE_ONLY: Record<string, string> = {
  'content-manager.containers.list.table-headers.status': 'content-manager/dist/admin/pages/ListView/ListViewPage.mjs',
};

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();

describe('admin translations (vi)', () => {
  const sources = { ...english('admin'), ...english('content-manager'), ...english('upload') };

  test('translate keys that Strapi really has', () => {
    const unknown = Object.keys(vi).filter((k) => !(k in sources) && !(k in CODE_ONLY));
    expect(unknown).toEqual([]);
  });

  test('translate keys Strapi has only in its code (a defaultMessage, no English entry), still used there', () => {
    for (const [key, file] of Object.entries(CODE_ONLY)) {
      const code = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/@strapi', file), 'utf8');
      expect(code, key).toContain(key.replace(/^content-manager\./, ''));
      expect(vi[key], key).toBeTruthy();
    }
  });

  test('keep every placeholder of the English string', () => {
    for (const [key, text] of Object.entries(vi)) {
      const original = sources[key];
      if (original === undefined) continue;
      for (const name of placeholders(text)) expect(placeholders(original), `${key}: {${name}}`).toContain(name);
    }
  });

  test('cover the content manager and media library screens editors use most', () => {
    for (const key of [
      'content-manager.containers.List.draft',
      'content-manager.containers.List.published',
      'content-manager.HeaderLayout.button.label-add-entry',
      'content-manager.success.record.publish',
      'content-manager.actions.unpublish.dialog.body',
      'upload.header.actions.add-assets',
      'upload.form.input.label.file-alt',
    ]) {
      expect(vi[key], key).toMatch(/[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i);
    }
  });
});

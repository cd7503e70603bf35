/**
 * Labels the model's types in the Vietnamese admin: field labels, help texts, list columns and
 * default sort come from content-types/, so editors never see a raw field name.
 */
import type { Core } from '@strapi/strapi';
import { components, contentTypes, toContentManagerMetadatas, type Field } from '@cong/content-types';

interface Metadata {
  edit?: Record<string, unknown>;
  list?: Record<string, unknown>;
}
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: unknown };
}
interface ConfigurationService {
  findConfiguration(model: { uid: string }): Promise<Configuration>;
  updateConfiguration(model: { uid: string }, configuration: Omit<Configuration, 'uid'>): Promise<unknown>;
}

/** Labels of the fields Strapi adds to every type. */
const SYSTEM_LABELS: Record<string, string> = { createdAt: 'Ngày tạo', updatedAt: 'Cập nhật lúc', publishedAt: 'Ngày đăng', id: 'Mã số' };

function mergeLabels(current: Configuration, attributes: Record<string, Field>): Configuration['metadatas'] {
  const labels = toContentManagerMetadatas(attributes);
  for (const [name, label] of Object.entries(SYSTEM_LABELS)) {
    if (current.metadatas[name]) labels[name] = { edit: { label }, list: { label } };
  }
  const merged: Configuration['metadatas'] = { ...current.metadatas };
  for (const [name, meta] of Object.entries(labels)) {
    const existing = merged[name] ?? {};
    merged[name] = { edit: { ...existing.edit, ...meta.edit }, list: { ...existing.list, ...meta.list } };
  }
  // Relations show the target's main field (a category's name, an article's title), not its id.
  for (const [name, field] of Object.entries(attributes)) {
    if (field.strapi.type !== 'relation') continue;
    const mainField = contentTypes.find((t) => t.uid === field.strapi.target)?.mainField ?? 'id';
    merged[name] = { ...merged[name], edit: { ...merged[name]?.edit, mainField }, list: { ...merged[name]?.list, mainField } };
  }
  return merged;
}

/** Applies the model's Vietnamese labels to the content manager; safe to run on every start. */
export async function applyAdminLabels(strapi: Core.Strapi): Promise<void> {
  const cm = strapi.plugin('content-manager');
  const typesService = cm.service('content-types') as ConfigurationService;
  for (const type of contentTypes) {
    const model = { uid: type.uid };
    const current = await typesService.findConfiguration(model);
    await typesService.updateConfiguration(model, {
      settings: {
        ...current.settings,
        mainField: type.mainField,
        defaultSortBy: type.defaultSort.field,
        defaultSortOrder: type.defaultSort.order,
      },
      metadatas: mergeLabels(current, type.attributes),
      layouts: { ...current.layouts, list: [...type.listFields] },
    });
  }
  const componentsService = cm.service('components') as ConfigurationService;
  for (const component of components) {
    const model = { uid: component.uid };
    const current = await componentsService.findConfiguration(model);
    await componentsService.updateConfiguration(model, {
      settings: { ...current.settings, mainField: component.mainField },
      metadatas: mergeLabels(current, component.attributes),
      layouts: current.layouts,
    });
  }
}

/**
 * Makes Vietnamese the admin language of every admin user who has not chosen one: existing
 * users now, and users created later (invited from Settings) as they are created.
 */
export async function defaultAdminLanguage(strapi: Core.Strapi): Promise<void> {
  await strapi.db.query('admin::user').updateMany({ where: { preferedLanguage: { $null: true } }, data: { preferedLanguage: 'vi' } });
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event) {
      const data = event.params.data as { preferedLanguage?: string | null };
      if (!data.preferedLanguage) data.preferedLanguage = 'vi';
    },
  });
}

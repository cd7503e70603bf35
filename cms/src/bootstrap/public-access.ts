/**
 * Locks the content API down: the Public and Authenticated roles of users-permissions read
 * nothing, and self-registration is off. The site reads with a token instead.
 *
 * Why: anyone holding `find` can add `?status=draft` and read drafts (Strapi 5.54); a public
 * role with no permission cannot, and the public never needs to reach Strapi.
 */
import type { Core } from '@strapi/strapi';

/** Removes every content-API permission of the users-permissions roles and disables sign-up. */
export async function lockPublicAccess(strapi: Core.Strapi): Promise<void> {
  const roles = await strapi.db.query('plugin::users-permissions.role').findMany({ where: { type: { $in: ['public', 'authenticated'] } } });
  for (const role of roles) {
    await strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { role: role.id } });
  }
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
}

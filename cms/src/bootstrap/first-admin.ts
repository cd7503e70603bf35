/**
 * The first admin: from ADMIN_EMAIL / ADMIN_PASSWORD when set, otherwise generated, with its
 * credentials printed once and kept in a git-ignored file (mode 600) for the local demo.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { CmsEnvironment } from '../lib/environment';

interface UserService {
  exists(): Promise<boolean>;
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
}

/** A password Strapi accepts: lower, upper, digit, 20+ characters. */
export function generatePassword(): string {
  const core = randomBytes(15).toString('base64').replace(/[+/=]/g, '');
  return `Cong-${core}9a`;
}

/** Creates the first Super Admin when there is no admin user yet. Returns what was created. */
export async function ensureFirstAdmin(strapi: Core.Strapi, env: CmsEnvironment): Promise<{ email: string; generated: boolean } | null> {
  const users = strapi.service('admin::user') as unknown as UserService;
  if (await users.exists()) return null;
  const superAdmin = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  if (!superAdmin) throw new Error('The Super Admin role is missing: the admin plugin did not bootstrap.');

  const generated = !env.ADMIN_EMAIL;
  const email = env.ADMIN_EMAIL ?? 'admin@cong.local';
  const password = env.ADMIN_PASSWORD ?? generatePassword();
  await users.create({
    email,
    firstname: 'Quản trị',
    lastname: 'Cổng',
    password,
    isActive: true,
    registrationToken: null,
    preferedLanguage: 'vi',
    roles: [superAdmin.id],
  });
  if (generated) {
    const file = path.join(env.dataDir, 'admin-credentials.txt');
    mkdirSync(env.dataDir, { recursive: true });
    writeFileSync(file, `email: ${email}\npassword: ${password}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    // Printed once, on the first start only, as the README promises.
    strapi.log.info(
      `\n\n  First admin created. Sign in at /admin with\n    email:    ${email}\n    password: ${password}\n  (also kept in ${file}; change the password after signing in)\n`,
    );
  } else {
    strapi.log.info(`[cong] first admin created from ADMIN_EMAIL (${email})`);
  }
  return { email, generated };
}

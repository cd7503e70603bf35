/**
 * The read-only API token the site build uses. Created once; its key is handed to the build
 * through a git-ignored file (mode 600), never through the logs.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { contentTypes } from '@cong/content-types';

/** Name of the token in Settings → API Tokens. */
export const BUILD_TOKEN_NAME = 'Cổng: dựng trang công khai (chỉ đọc)';

/** Content-API actions the build needs: find and findOne on each type of the model, and media. */
export function buildTokenPermissions(): string[] {
  const actions = contentTypes.flatMap((type) =>
    type.kind === 'singleType' ? [`${type.uid}.find`] : [`${type.uid}.find`, `${type.uid}.findOne`],
  );
  return [...actions, 'plugin::upload.content-api.find', 'plugin::upload.content-api.findOne'];
}

interface TokenService {
  create(attributes: Record<string, unknown>): Promise<{ id: number; accessKey: string }>;
  regenerate(id: number): Promise<{ accessKey: string }>;
  update(id: number, attributes: Record<string, unknown>): Promise<unknown>;
}

/** Makes sure the build token exists with exactly its permissions and its key is in `file`. */
export async function ensureBuildToken(strapi: Core.Strapi, file: string): Promise<void> {
  const service = strapi.service('admin::api-token-content-api') as unknown as TokenService;
  const permissions = buildTokenPermissions();
  const existing = await strapi.db.query('admin::api-token').findOne({ where: { name: BUILD_TOKEN_NAME } });
  let key: string | undefined;
  if (!existing) {
    const created = await service.create({
      name: BUILD_TOKEN_NAME,
      description: 'Dùng khi dựng trang công khai; chỉ đọc nội dung đã đăng.',
      type: 'custom',
      permissions,
      lifespan: null,
    });
    key = created.accessKey;
    strapi.log.info(`[cong] created the build API token; its key is in ${file}`);
  } else {
    await service.update(existing.id as number, { type: 'custom', permissions });
    if (!existsSync(file) || readFileSync(file, 'utf8').trim() === '') {
      key = (await service.regenerate(existing.id as number)).accessKey;
      strapi.log.warn(`[cong] ${file} was missing: regenerated the build API token into it`);
    }
  }
  if (key) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
}

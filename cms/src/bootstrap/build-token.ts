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

/** Name of the public server's token for sending comments. */
export const COMMENT_TOKEN_NAME = 'Cổng: gửi bình luận của bạn đọc (chỉ tạo)';

/** What the public server may do: create comments (always drafts) and find the article they are for. */
export function commentTokenPermissions(): string[] {
  return ['api::comment.comment.create', 'api::article.article.find'];
}

interface TokenSpec {
  name: string;
  description: string;
  permissions: string[];
  /** Where the key is handed off (mode 600). */
  file: string;
}

/** Makes sure a custom API token exists with exactly `permissions` and its key is in `file`. */
export async function ensureApiToken(strapi: Core.Strapi, spec: TokenSpec): Promise<void> {
  const service = strapi.service('admin::api-token-content-api') as unknown as TokenService;
  const { name, description, permissions, file } = spec;
  const existing = await strapi.db.query('admin::api-token').findOne({ where: { name } });
  let key: string | undefined;
  if (!existing) {
    const created = await service.create({ name, description, type: 'custom', permissions, lifespan: null });
    key = created.accessKey;
    strapi.log.info(`[cong] created the API token "${name}"; its key is in ${file}`);
  } else {
    await service.update(existing.id as number, { type: 'custom', permissions });
    if (!existsSync(file) || readFileSync(file, 'utf8').trim() === '') {
      key = (await service.regenerate(existing.id as number)).accessKey;
      strapi.log.warn(`[cong] ${file} was missing: regenerated the API token "${name}" into it`);
    }
  }
  if (key) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
}

/** Makes sure the build token exists with exactly its permissions and its key is in `file`. */
export async function ensureBuildToken(strapi: Core.Strapi, file: string): Promise<void> {
  await ensureApiToken(strapi, { name: BUILD_TOKEN_NAME, description: 'Dùng khi dựng trang công khai; chỉ đọc nội dung đã đăng.', permissions: buildTokenPermissions(), file });
}

/** Makes sure the public server's comment token exists and its key is in `file`. */
export async function ensureCommentToken(strapi: Core.Strapi, file: string): Promise<void> {
  await ensureApiToken(strapi, { name: COMMENT_TOKEN_NAME, description: 'Máy chủ công khai dùng để gửi bình luận của bạn đọc vào hàng chờ duyệt.', permissions: commentTokenPermissions(), file });
}

/**
 * The CMS's own API tokens, each named (in Vietnamese, in Settings → API Tokens) for what it can
 * do, with exactly the permissions that name promises. Created once; each key is handed to its
 * user through a git-ignored file (mode 600), never through the logs.
 *
 * Which token may read drafts is decided by cms/src/middlewares/published-only.ts: only the
 * preview token. The build, comment and question tokens get published entries whatever they ask for.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { contentTypes, portalTokenFile, PREVIEW_KINDS } from '@cong/content-types';
import { fenceToken, unfenceToken } from '../lib/portal-fence';

/** Name of the site build's token. */
export const BUILD_TOKEN_NAME = 'Cổng: dựng trang công khai (chỉ đọc nội dung đã đăng)';
/** Name of the public server's token for sending comments. */
export const COMMENT_TOKEN_NAME = 'Cổng: gửi bình luận chờ duyệt (tạo bình luận, đọc tin đã đăng)';
/** Name of the public server's token for sending citizens' questions. */
export const QUESTION_TOKEN_NAME = 'Cổng: gửi câu hỏi chờ trả lời (tạo câu hỏi, đọc lĩnh vực)';
/** Name of the public server's token for the draft preview: the only token that reads drafts. */
export const PREVIEW_TOKEN_NAME = 'Cổng: xem trước bản nháp (chỉ đọc tin, thông báo, trang)';

/** Names earlier versions gave the same tokens: renamed in place, so their keys stay valid. */
const FORMER_NAMES: Record<string, string[]> = {
  [BUILD_TOKEN_NAME]: ['Cổng: dựng trang công khai (chỉ đọc)'],
  [COMMENT_TOKEN_NAME]: ['Cổng: gửi bình luận của bạn đọc (chỉ tạo)'],
};

const MEDIA_READ = ['plugin::upload.content-api.find', 'plugin::upload.content-api.findOne'];

/** Content-API actions the build needs: find and findOne on each type of the model, and media. */
export function buildTokenPermissions(): string[] {
  const actions = contentTypes.flatMap((type) =>
    type.kind === 'singleType' ? [`${type.uid}.find`] : [`${type.uid}.find`, `${type.uid}.findOne`],
  );
  return [...actions, ...MEDIA_READ];
}

/**
 * What the public server may do: create comments (always drafts) and find the article they are for;
 * read the portals, so that a comment sent on a portal's site is created in that portal (Strapi
 * lets a token set a relation only to a type it may read).
 */
export function commentTokenPermissions(): string[] {
  return ['api::comment.comment.create', 'api::article.article.find', 'api::portal.portal.find'];
}

/**
 * What the public server may do for a citizen's question: create it (always a draft) and read the
 * sectors (Strapi lets a token set a relation only to a type it may read; sectors are public and
 * have no drafts) and the portals (a question sent on a portal's site is created in that portal).
 * It cannot read, change or publish a question.
 */
export function questionTokenPermissions(): string[] {
  return ['api::question.question.create', 'api::sector.sector.find', 'api::portal.portal.find'];
}

/** What the draft preview reads: the previewable types, the categories an article shows, and media. */
export function previewTokenPermissions(): string[] {
  const previewable = Object.keys(PREVIEW_KINDS).flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);
  return [...previewable, 'api::category.category.find', ...MEDIA_READ];
}

interface TokenService {
  create(attributes: Record<string, unknown>): Promise<{ id: number; accessKey: string }>;
  regenerate(id: number): Promise<{ accessKey: string }>;
  update(id: number, attributes: Record<string, unknown>): Promise<unknown>;
}

interface TokenSpec {
  name: string;
  description: string;
  permissions: string[];
  /** Where the key is handed off (mode 600). */
  file: string;
  /** Earlier names of this token: one found under such a name is renamed and keeps its key. */
  formerNames?: string[];
}

/** The preview token's id, recorded at bootstrap: published-only.ts checks it as well as the name. */
let previewTokenId: number | null = null;

/** The id ensurePreviewToken() recorded, or null before the bootstrap ran. */
export function recordedPreviewTokenId(): number | null {
  return previewTokenId;
}

/** Makes sure a custom API token exists with exactly `permissions` and its key is in `file`; returns its id. */
export async function ensureApiToken(strapi: Core.Strapi, spec: TokenSpec): Promise<number> {
  const service = strapi.service('admin::api-token-content-api') as unknown as TokenService;
  const { name, description, permissions, file } = spec;
  const tokens = strapi.db.query('admin::api-token');
  const existing =
    (await tokens.findOne({ where: { name } })) ??
    (spec.formerNames?.length ? await tokens.findOne({ where: { name: { $in: spec.formerNames } } }) : null);
  let key: string | undefined;
  let id: number;
  if (!existing) {
    const created = await service.create({ name, description, type: 'custom', permissions, lifespan: null });
    key = created.accessKey;
    id = created.id;
    strapi.log.info(`[cong] created the API token "${name}"; its key is in ${file}`);
  } else {
    if (existing.name !== name) strapi.log.info(`[cong] renamed the API token "${existing.name}" to "${name}" (its key is unchanged)`);
    id = existing.id as number;
    await service.update(id, { name, description, type: 'custom', permissions });
    if (!existsSync(file) || readFileSync(file, 'utf8').trim() === '') {
      key = (await service.regenerate(existing.id as number)).accessKey;
      strapi.log.warn(`[cong] ${file} was missing: regenerated the API token "${name}" into it`);
    }
  }
  if (key) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
  }
  if (existsSync(file)) chmodSync(file, 0o600);
  return id;
}

/** Makes sure the build token exists with exactly its permissions and its key is in `file`; returns its id. */
export async function ensureBuildToken(strapi: Core.Strapi, file: string): Promise<number> {
  return ensureApiToken(strapi, {
    name: BUILD_TOKEN_NAME,
    description: 'Dùng khi dựng trang công khai: chỉ đọc nội dung đã đăng và bình luận đã duyệt, không đọc được bản nháp.',
    permissions: buildTokenPermissions(),
    file,
    formerNames: FORMER_NAMES[BUILD_TOKEN_NAME],
  });
}

/** Makes sure the public server's comment token exists and its key is in `file`. */
export async function ensureCommentToken(strapi: Core.Strapi, file: string): Promise<void> {
  await ensureApiToken(strapi, {
    name: COMMENT_TOKEN_NAME,
    description: 'Máy chủ công khai dùng để gửi bình luận của bạn đọc vào hàng chờ duyệt; chỉ tìm được tin đã đăng, không đọc được bản nháp.',
    permissions: commentTokenPermissions(),
    file,
    formerNames: FORMER_NAMES[COMMENT_TOKEN_NAME],
  });
}

/** Makes sure the public server's question token exists and its key is in `file`. */
export async function ensureQuestionToken(strapi: Core.Strapi, file: string): Promise<void> {
  await ensureApiToken(strapi, {
    name: QUESTION_TOKEN_NAME,
    description: 'Máy chủ công khai dùng để gửi câu hỏi của người dân vào hàng chờ trả lời: chỉ tạo được câu hỏi ở trạng thái nháp và đọc danh sách lĩnh vực; không đọc, sửa hay đăng được câu hỏi.',
    permissions: questionTokenPermissions(),
    file,
  });
}

/** Makes sure the public server's preview token exists and its key is in `file`. */
export async function ensurePreviewToken(strapi: Core.Strapi, file: string): Promise<void> {
  previewTokenId = await ensureApiToken(strapi, {
    name: PREVIEW_TOKEN_NAME,
    description: 'Máy chủ công khai dùng cho nút “Xem trước”: đọc bản nháp tin tức, thông báo, trang tĩnh; không sửa được gì.',
    permissions: previewTokenPermissions(),
    file,
  });
}

/** Name of the build token of a portal other than the primary one (issue 14). */
export const PORTAL_TOKEN_PREFIX = 'Cổng build: ';

interface PortalRow {
  id: number;
  slug: string;
}

/**
 * One read-only build token per portal, each fenced to its portal (lib/portal-fence.ts): every
 * content-API read with it sees that portal's entries only. The primary portal's is the build
 * token (`buildTokenFile`), its key also copied to `<dataDir>/portal-tokens/<code>`; the others are
 * "Cổng build: <code>", their keys in `<dataDir>/portal-tokens/<code>` (mode 600). Tokens of
 * deleted portals are revoked and their files removed. Returns each portal's token file.
 */
export async function ensurePortalTokens(strapi: Core.Strapi, dataDir: string, buildTokenFile: string, portals: PortalRow[]): Promise<Map<number, string>> {
  const files = new Map<number, string>();
  const [primary, ...others] = portals;
  if (!primary) return files;
  const buildTokenId = await ensureBuildToken(strapi, buildTokenFile);
  fenceToken(buildTokenId, primary.id);
  const primaryFile = path.join(dataDir, portalTokenFile(primary.slug));
  mkdirSync(path.dirname(primaryFile), { recursive: true, mode: 0o700 });
  writeFileSync(primaryFile, readFileSync(buildTokenFile, 'utf8'), { mode: 0o600 });
  chmodSync(primaryFile, 0o600);
  files.set(primary.id, portalTokenFile(primary.slug));
  for (const portal of others) {
    const id = await ensureApiToken(strapi, {
      name: `${PORTAL_TOKEN_PREFIX}${portal.slug}`,
      description: `Dùng khi dựng trang công khai của cổng ${portal.slug}: chỉ đọc nội dung đã đăng của cổng này.`,
      permissions: buildTokenPermissions(),
      file: path.join(dataDir, portalTokenFile(portal.slug)),
    });
    fenceToken(id, portal.id);
    files.set(portal.id, portalTokenFile(portal.slug));
  }
  // Tokens of portals that no longer exist (or became the primary one).
  const codes = new Set(others.map((p) => p.slug));
  const stale = (await strapi.db.query('admin::api-token').findMany({ where: { name: { $startsWith: PORTAL_TOKEN_PREFIX } }, select: ['id', 'name'] })) as Array<{ id: number; name: string }>;
  const service = strapi.service('admin::api-token-content-api') as unknown as { revoke(id: number): Promise<unknown> };
  for (const token of stale) {
    const code = token.name.slice(PORTAL_TOKEN_PREFIX.length);
    if (codes.has(code)) continue;
    await service.revoke(token.id);
    unfenceToken(token.id);
    if (code !== primary.slug && /^[a-z0-9-]+$/.test(code)) rmSync(path.join(dataDir, portalTokenFile(code)), { force: true });
    strapi.log.info(`[portals] revoked the build token of the portal "${code}", which no longer exists`);
  }
  return files;
}

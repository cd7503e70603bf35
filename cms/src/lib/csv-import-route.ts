/**
 * The admin's CSV import ("Nhập từ tệp CSV"): two admin routes that take the text of a CSV file,
 * check every row (csv-import.ts) and, only when all are good, write them in ONE database
 * transaction and publish them, so a failure midway leaves nothing half-imported.
 *
 *   POST /cong/import/procedures       { csv } → upsert by Mã thủ tục
 *   POST /cong/import/dossier-reports  { csv } → upsert by Tháng
 *
 * Both are admin routes (the admin's JWT, as the admin panel's useFetchClient sends it). The
 * caller must be allowed to create, update and publish the type: a "Tác giả" is refused.
 */
import type { Core, UID } from '@strapi/strapi';
import { readDossierCsv, readProcedureCsv, type DossierInput, type ImportResult, type ProcedureInput } from './csv-import';

/** The largest CSV text accepted (a few thousand procedures fit well within it). */
export const MAX_CSV_BYTES = 4 * 1024 * 1024;

export const IMPORT_TARGETS = {
  procedures: { uid: 'api::procedure.procedure', label: 'Thủ tục hành chính', key: 'code' },
  'dossier-reports': { uid: 'api::dossier-report.dossier-report', label: 'Tình hình giải quyết hồ sơ', key: 'month' },
} as const;

export type ImportTarget = keyof typeof IMPORT_TARGETS;

/** What the route answers. */
export type ImportAnswer = { ok: true; created: number; updated: number } | { ok: false; errors: string[] };

interface Ability {
  can(action: string, subject?: string): boolean;
}

interface Context {
  state: { userAbility?: Ability };
  request: { body?: unknown };
  status: number;
  body: unknown;
}

const CM = 'plugin::content-manager.explorer';

/** True when the admin may create, update and publish entries of `uid`. */
export function mayImport(ability: Ability | undefined, uid: string): boolean {
  return !!ability && ['create', 'update', 'publish'].every((action) => ability.can(`${CM}.${action}`, uid));
}

type Row = ProcedureInput | DossierInput;

/** Checks the file; the sectors are read from the database for the procedures' "Lĩnh vực". */
async function readFile(strapi: Core.Strapi, target: ImportTarget, csv: string): Promise<ImportResult<Row>> {
  if (target === 'dossier-reports') return readDossierCsv(csv);
  const sectors = (await strapi.db.query('api::sector.sector').findMany({ select: ['documentId', 'name', 'slug'] })) as Array<{ documentId: string; name: string; slug: string }>;
  return readProcedureCsv(csv, sectors);
}

/** The entry's data as the Document Service takes it (without the line number). */
function dataOf(row: Row): Record<string, unknown> {
  const { line: _line, ...data } = row;
  return data;
}

/**
 * Writes the accepted rows in one transaction: each is created (published) or, when an entry with
 * the same key exists, updated and published. Throws (and the transaction rolls back) on any failure.
 */
export async function writeRows(strapi: Core.Strapi, target: ImportTarget, rows: Row[]): Promise<{ created: number; updated: number }> {
  const { uid, key } = IMPORT_TARGETS[target];
  return strapi.db.transaction(async () => {
    const keys = rows.map((r) => String((r as unknown as Record<string, unknown>)[key]));
    const existing = new Map<string, string>();
    // Look up in chunks: PostgreSQL and SQLite both limit bound parameters.
    for (let i = 0; i < keys.length; i += 500) {
      const found = (await strapi.db.query(uid as UID.ContentType).findMany({ select: ['documentId', key], where: { [key]: { $in: keys.slice(i, i + 500) } } })) as Array<Record<string, string>>;
      for (const f of found) existing.set(String(f[key]), f.documentId!);
    }
    const documents = strapi.documents(uid as UID.ContentType);
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      const documentId = existing.get(String((row as unknown as Record<string, unknown>)[key]));
      if (documentId) {
        await documents.update({ documentId, data: dataOf(row) as never });
        await documents.publish({ documentId });
        updated += 1;
      } else {
        const entry = (await documents.create({ data: dataOf(row) as never, status: 'published' })) as { documentId: string };
        existing.set(String((row as unknown as Record<string, unknown>)[key]), entry.documentId);
        created += 1;
      }
    }
    return { created, updated };
  });
}

/** The route's handler: permission, size, every row checked, then all written or nothing. */
export async function handleImport(strapi: Core.Strapi, target: ImportTarget, ctx: Context): Promise<void> {
  const { uid, label } = IMPORT_TARGETS[target];
  if (!mayImport(ctx.state.userAbility, uid)) {
    ctx.status = 403;
    ctx.body = { ok: false, errors: [`Tài khoản của bạn không có quyền đăng “${label}”, nên không nhập được tệp này. Hãy nhờ Biên tập viên hoặc quản trị viên nhập.`] } satisfies ImportAnswer;
    return;
  }
  const body = ctx.request.body as { csv?: unknown } | undefined;
  const csv = body?.csv;
  if (typeof csv !== 'string' || csv.trim() === '') {
    ctx.status = 400;
    ctx.body = { ok: false, errors: ['Chưa có nội dung tệp CSV: hãy chọn tệp rồi bấm “Nhập”.'] } satisfies ImportAnswer;
    return;
  }
  if (Buffer.byteLength(csv, 'utf8') > MAX_CSV_BYTES) {
    ctx.status = 413;
    ctx.body = { ok: false, errors: [`Tệp lớn hơn ${MAX_CSV_BYTES / 1024 / 1024} MB; hãy chia thành nhiều tệp nhỏ hơn.`] } satisfies ImportAnswer;
    return;
  }
  const result = await readFile(strapi, target, csv);
  if (!result.ok) {
    ctx.status = 422;
    ctx.body = { ok: false, errors: result.errors } satisfies ImportAnswer;
    return;
  }
  try {
    const counts = await writeRows(strapi, target, result.rows);
    strapi.log.info(`[import] ${target}: ${counts.created} created, ${counts.updated} updated`);
    ctx.status = 200;
    ctx.body = { ok: true, ...counts } satisfies ImportAnswer;
  } catch (error) {
    strapi.log.error(`[import] ${target} rolled back: ${error instanceof Error ? error.message : String(error)}`);
    const detail = (error as { details?: { errors?: Array<{ message: string }> } }).details?.errors?.map((e) => e.message).join('; ');
    ctx.status = 422;
    ctx.body = { ok: false, errors: [`Không nhập được: ${detail || (error instanceof Error ? error.message : 'lỗi không xác định')}. Không có mục nào được lưu.`] } satisfies ImportAnswer;
  }
}

/** Registers the two admin routes (call from the app's register()). */
export function registerImportRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/cong',
    routes: (Object.keys(IMPORT_TARGETS) as ImportTarget[]).map((target) => ({
      method: 'POST',
      path: `/import/${target}`,
      handler: (ctx: Context) => handleImport(strapi, target, ctx),
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    })),
  } as never);
}

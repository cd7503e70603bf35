/**
 * CSV import of procedures (Thủ tục hành chính) and monthly dossier figures (Tình hình giải quyết
 * hồ sơ): reading the file as Excel in Viet Nam writes it (UTF-8 with or without BOM, ";" or ","
 * between fields, quoted fields with "" inside and line breaks) and checking EVERY row against the
 * model before anything is written. Problems come back as Vietnamese sentences that name the
 * line of the file ("Dòng 17: thiếu Tên thủ tục"). Pure: no Strapi, no I/O (the import route in
 * csv-import-route.ts writes what this module accepted).
 */
import { dossierReport, ONLINE_LEVELS, procedure } from '@cong/content-types';

/** At most this many data rows per file (a province's full list is a few hundred). */
export const MAX_ROWS = 5000;

/** One row of the file: its cells and the line of the file it starts on (1 = the header). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Lower case, tones removed, đ → d, punctuation and spaces collapsed: how headers and names are compared. */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐÐð]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The separator of the file: whichever of ";" and "," occurs more often outside quotes in the header line. */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons += 1;
    else if (!quoted && ch === ',') commas += 1;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/**
 * Splits CSV text into rows of cells (RFC 4180 with Excel's habits): a leading BOM is dropped,
 * fields may be quoted (a quote inside doubled), quoted fields may hold the separator and line
 * breaks, lines end in CRLF or LF. Each row keeps the line number it starts on; rows whose cells
 * are all empty are dropped. Text is returned in Unicode NFC. A quote left open is reported in
 * `errors` with the line it opens on.
 */
export function parseCsv(input: string, delimiter: ';' | ',' = detectDelimiter(input.replace(/^\uFEFF/, '')), errors?: string[]): CsvRow[] {
  const text = input.replace(/^\uFEFF/, '').normalize('NFC');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) endCell();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else cell += ch;
  }
  // A quote opened and never closed swallows every line after it into one cell: the file is refused.
  if (quoted) errors?.push(`Dòng ${rowLine}: dấu ngoặc kép (") mở mà không đóng, mọi dòng sau đó bị gộp vào một ô; sửa ô có dấu ngoặc kép ở dòng này.`);
  if (cell !== '' || cells.length > 0) endRow();
  // A quoted line break inside a cell written with CR LF keeps only LF.
  return rows.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.replace(/\r\n/g, '\n').trim()) }));
}

/** A column of an import: its field, its header as documented, other headers accepted for it. */
interface Column<F extends string> {
  field: F;
  header: string;
  aliases?: string[];
  required?: boolean;
}

export type ProcedureField = 'code' | 'name' | 'sector' | 'agency' | 'onlineLevel' | 'duration' | 'fee' | 'serviceUrl' | 'body';
export type DossierField = 'month' | 'received' | 'carriedOver' | 'onTime' | 'late' | 'pending' | 'note';

/** The procedure file's columns, in the documented order (README, cms/samples/mau-thu-tuc-hanh-chinh.csv). */
export const PROCEDURE_COLUMNS: Array<Column<ProcedureField>> = [
  { field: 'code', header: 'Mã thủ tục', aliases: ['Mã TTHC', 'Mã số'], required: true },
  { field: 'name', header: 'Tên thủ tục', aliases: ['Tên thủ tục hành chính', 'Tên TTHC'], required: true },
  { field: 'sector', header: 'Lĩnh vực' },
  { field: 'agency', header: 'Cơ quan thực hiện', required: true },
  { field: 'onlineLevel', header: 'Mức độ trực tuyến', aliases: ['Mức độ', 'Dịch vụ công trực tuyến'], required: true },
  { field: 'duration', header: 'Thời hạn giải quyết', aliases: ['Thời hạn'] },
  { field: 'fee', header: 'Phí, lệ phí', aliases: ['Phí lệ phí', 'Lệ phí', 'Phí'] },
  { field: 'serviceUrl', header: 'Địa chỉ nộp trực tuyến', aliases: ['Nộp hồ sơ trực tuyến', 'Đường dẫn'] },
  { field: 'body', header: 'Nội dung', aliases: ['Trình tự, thành phần hồ sơ', 'Chi tiết'] },
];

/** The dossier file's columns, in the documented order (README, cms/samples/mau-tinh-hinh-giai-quyet-ho-so.csv). */
export const DOSSIER_COLUMNS: Array<Column<DossierField>> = [
  { field: 'month', header: 'Tháng', aliases: ['Kỳ báo cáo'], required: true },
  { field: 'received', header: 'Tiếp nhận mới', aliases: ['Tiếp nhận'], required: true },
  { field: 'carriedOver', header: 'Kỳ trước chuyển qua', aliases: ['Kỳ trước chuyển sang', 'Tồn kỳ trước'], required: true },
  { field: 'onTime', header: 'Đúng hạn', aliases: ['Đã giải quyết đúng hạn', 'Giải quyết đúng hạn'], required: true },
  { field: 'late', header: 'Trễ hạn', aliases: ['Đã giải quyết trễ hạn', 'Giải quyết trễ hạn', 'Quá hạn'], required: true },
  { field: 'pending', header: 'Đang giải quyết', required: true },
  { field: 'note', header: 'Ghi chú' },
];

/** A procedure as the file gives it; `sector` is the documentId of a known sector, or null. */
export interface ProcedureInput {
  line: number;
  code: string;
  name: string;
  agency: string;
  onlineLevel: (typeof ONLINE_LEVELS)[number];
  /** The optional fields are absent when the file has no such column: an update keeps what the entry holds. */
  sector?: string | null;
  duration?: string;
  fee?: string;
  /** null when empty: the model's address field takes no empty string (the site's build would refuse it). */
  serviceUrl?: string | null;
  /** Absent when the file has no "Nội dung" column: an update then keeps the body written in the admin. */
  body?: string;
}

export interface DossierInput {
  line: number;
  /** The month's first day, YYYY-MM-DD. */
  month: string;
  received: number;
  carriedOver: number;
  onTime: number;
  late: number;
  pending: number;
  note: string;
}

export type ImportResult<T> = { ok: true; rows: T[] } | { ok: false; errors: string[] };

/** A known sector to match the "Lĩnh vực" cell against (by name or slug). */
export interface SectorRef {
  documentId: string;
  name: string;
  slug: string;
}

const q = (value: string) => `“${value.length > 60 ? `${value.slice(0, 57)}…` : value}”`;

/** Maps the header row to fields; reports unknown, repeated and missing columns. */
function readHeader<F extends string>(header: CsvRow | undefined, columns: Array<Column<F>>, errors: string[]): Map<F, number> | null {
  if (!header) {
    errors.push('Tệp trống: không có dòng tiêu đề.');
    return null;
  }
  const byKey = new Map<string, Column<F>>();
  for (const c of columns) for (const h of [c.header, ...(c.aliases ?? [])]) byKey.set(foldKey(h), c);
  const found = new Map<F, number>();
  header.cells.forEach((cell, index) => {
    if (cell === '') return;
    const column = byKey.get(foldKey(cell));
    if (!column) errors.push(`Dòng ${header.line}: cột ${q(cell)} không được hỗ trợ. Các cột: ${columns.map((c) => c.header).join('; ')}.`);
    else if (found.has(column.field)) errors.push(`Dòng ${header.line}: cột ${q(column.header)} xuất hiện hai lần.`);
    else found.set(column.field, index);
  });
  for (const c of columns) if (c.required && !found.has(c.field)) errors.push(`Dòng ${header.line}: thiếu cột ${q(c.header)}.`);
  return errors.length > 0 ? null : found;
}

/** The file's data rows with their header map, or the problems of the file as a whole. */
function readRows<F extends string>(text: string, columns: Array<Column<F>>, errors: string[]): { rows: CsvRow[]; map: Map<F, number> } | null {
  const all = parseCsv(text, undefined, errors);
  if (errors.length > 0) return null;
  const map = readHeader(all[0], columns, errors);
  if (!map) return null;
  const rows = all.slice(1);
  if (rows.length === 0) errors.push('Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.');
  if (rows.length > MAX_ROWS) errors.push(`Tệp có ${rows.length} dòng dữ liệu; mỗi lần nhập tối đa ${MAX_ROWS} dòng.`);
  return errors.length > 0 ? null : { rows, map };
}

const cellOf = <F extends string>(row: CsvRow, map: Map<F, number>, field: F) => {
  const index = map.get(field);
  return index === undefined ? '' : (row.cells[index] ?? '');
};

/** Online levels by folded spelling, with the old "mức độ 1–4" scale mapped onto the current one. */
const LEVELS = new Map<string, (typeof ONLINE_LEVELS)[number]>([
  ...ONLINE_LEVELS.map((l) => [foldKey(l), l] as const),
  ['muc do 4', 'Toàn trình'],
  ['4', 'Toàn trình'],
  ['muc do 3', 'Một phần'],
  ['3', 'Một phần'],
  ['muc do 2', 'Cung cấp thông tin'],
  ['2', 'Cung cấp thông tin'],
  ['muc do 1', 'Cung cấp thông tin'],
  ['1', 'Cung cấp thông tin'],
]);

/** Checks a text cell's length against the model's maxLength. */
function checkLength(errors: string[], line: number, label: string, value: string, max: number | undefined) {
  if (max !== undefined && value.length > max) errors.push(`Dòng ${line}: ${label} dài ${value.length} ký tự, tối đa ${max}.`);
}

const maxOf = (field: { strapi: Record<string, unknown> }) => (typeof field.strapi.maxLength === 'number' ? field.strapi.maxLength : undefined);

/**
 * Reads and checks a procedure file against the model: required cells, the online level among
 * ONLINE_LEVELS, the sector among `sectors` (by name or slug, with or without diacritics), the
 * code unique within the file, lengths and the service address. Either every row is good (and
 * returned) or the answer is the list of every problem, each naming its line.
 */
export function readProcedureCsv(text: string, sectors: SectorRef[]): ImportResult<ProcedureInput> {
  const errors: string[] = [];
  const file = readRows(text, PROCEDURE_COLUMNS, errors);
  if (!file) return { ok: false, errors };
  const { rows, map } = file;
  const sectorByKey = new Map<string, SectorRef>();
  for (const s of sectors) {
    sectorByKey.set(foldKey(s.name), s);
    sectorByKey.set(foldKey(s.slug), s);
  }
  const a = procedure.attributes;
  const codes = new Map<string, number>();
  const out: ProcedureInput[] = [];
  for (const row of rows) {
    const cell = (f: ProcedureField) => cellOf(row, map, f);
    const line = row.line;
    const before = errors.length;
    for (const c of PROCEDURE_COLUMNS) if (c.required && cell(c.field) === '') errors.push(`Dòng ${line}: thiếu ${c.header}.`);
    const code = cell('code');
    if (code !== '') {
      const seen = codes.get(foldKey(code));
      if (seen !== undefined) errors.push(`Dòng ${line}: Mã thủ tục ${q(code)} trùng với dòng ${seen}.`);
      else codes.set(foldKey(code), line);
    }
    const levelText = cell('onlineLevel');
    const onlineLevel = LEVELS.get(foldKey(levelText));
    if (levelText !== '' && !onlineLevel) errors.push(`Dòng ${line}: Mức độ trực tuyến ${q(levelText)} không hợp lệ; chọn một trong: ${ONLINE_LEVELS.join(', ')}.`);
    const sectorText = cell('sector');
    const sector = sectorText === '' ? null : (sectorByKey.get(foldKey(sectorText)) ?? null);
    if (sectorText !== '' && !sector) errors.push(`Dòng ${line}: Lĩnh vực ${q(sectorText)} chưa có trong danh mục Lĩnh vực; thêm lĩnh vực đó trước hoặc sửa tên.`);
    checkLength(errors, line, 'Mã thủ tục', code, maxOf(a.code));
    checkLength(errors, line, 'Tên thủ tục', cell('name'), maxOf(a.name));
    checkLength(errors, line, 'Cơ quan thực hiện', cell('agency'), maxOf(a.agency));
    checkLength(errors, line, 'Thời hạn giải quyết', cell('duration'), maxOf(a.duration));
    checkLength(errors, line, 'Phí, lệ phí', cell('fee'), maxOf(a.fee));
    const serviceUrl = cell('serviceUrl');
    if (serviceUrl !== '' && !a.serviceUrl.zod.safeParse(serviceUrl).success) errors.push(`Dòng ${line}: Địa chỉ nộp trực tuyến ${q(serviceUrl)} không hợp lệ (cần bắt đầu bằng https:// hoặc http://).`);
    if (errors.length > before) continue;
    out.push({
      line,
      code,
      name: cell('name'),
      agency: cell('agency'),
      onlineLevel: onlineLevel!,
      // An optional column the file does not have keeps what the entry holds (an update from a
      // list with the required columns only must not empty the sector, time limit, fees or link).
      ...(map.has('sector') ? { sector: sector?.documentId ?? null } : {}),
      ...(map.has('duration') ? { duration: cell('duration') } : {}),
      ...(map.has('fee') ? { fee: cell('fee') } : {}),
      ...(map.has('serviceUrl') ? { serviceUrl: serviceUrl === '' ? null : serviceUrl } : {}),
      ...(map.has('body') ? { body: cell('body') } : {}),
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: out };
}

/** "11/2026", "1/2026", "2026-11", "2026-11-01", "01/11/2026" → "2026-11-01"; null when not a month. */
export function parseMonth(text: string): string | null {
  const t = text.trim().replace(/^tháng\s*/i, '');
  let year: number;
  let month: number;
  let match: RegExpMatchArray | null;
  if ((match = t.match(/^(\d{1,2})\s*[/.-]\s*(\d{4})$/))) [year, month] = [Number(match[2]), Number(match[1])];
  else if ((match = t.match(/^(\d{4})-(\d{1,2})(?:-01)?$/))) [year, month] = [Number(match[1]), Number(match[2])];
  else if ((match = t.match(/^0?1\/(\d{1,2})\/(\d{4})$/))) [year, month] = [Number(match[2]), Number(match[1])];
  else return null;
  if (month < 1 || month > 12 || year < 1900 || year > 2999) return null;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** "1234", "1.234" (Vietnamese thousands), " 12 " → the integer; null when not a whole number ≥ 0. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t) || /^\d{1,3}(\.\d{3})+$/.test(t)) {
    const value = Number(t.replace(/\./g, ''));
    return Number.isSafeInteger(value) && value <= 2_147_483_647 ? value : null;
  }
  return null;
}

/**
 * Reads and checks a dossier file: the month (MM/YYYY or YYYY-MM) once per file, every figure a
 * whole number ≥ 0, and the model's own rules (on time + late + pending within what there was
 * to handle). Either every row is good or the answer is every problem, each naming its line.
 */
export function readDossierCsv(text: string): ImportResult<DossierInput> {
  const errors: string[] = [];
  const file = readRows(text, DOSSIER_COLUMNS, errors);
  if (!file) return { ok: false, errors };
  const { rows, map } = file;
  const months = new Map<string, number>();
  const out: DossierInput[] = [];
  const counts: DossierField[] = ['received', 'carriedOver', 'onTime', 'late', 'pending'];
  for (const row of rows) {
    const cell = (f: DossierField) => cellOf(row, map, f);
    const line = row.line;
    const before = errors.length;
    const header = (f: DossierField) => DOSSIER_COLUMNS.find((c) => c.field === f)!.header;
    const monthText = cell('month');
    const month = monthText === '' ? null : parseMonth(monthText);
    if (monthText === '') errors.push(`Dòng ${line}: thiếu Tháng.`);
    else if (!month) errors.push(`Dòng ${line}: Tháng ${q(monthText)} không hợp lệ; ghi theo dạng MM/YYYY (11/2026) hoặc YYYY-MM (2026-11).`);
    else if (months.has(month)) errors.push(`Dòng ${line}: tháng ${monthText} trùng với dòng ${months.get(month)}.`);
    else months.set(month, line);
    const values: Partial<Record<DossierField, number>> = {};
    for (const f of counts) {
      const t = cell(f);
      if (t === '') {
        errors.push(`Dòng ${line}: thiếu ${header(f)}.`);
        continue;
      }
      const v = parseCount(t);
      if (v === null) errors.push(`Dòng ${line}: ${header(f)} ${q(t)} phải là số nguyên không âm.`);
      else values[f] = v;
    }
    checkLength(errors, line, 'Ghi chú', cell('note'), maxOf(dossierReport.attributes.note));
    if (errors.length > before) continue;
    const entry = { month: month!, received: values.received!, carriedOver: values.carriedOver!, onTime: values.onTime!, late: values.late!, pending: values.pending!, note: cell('note') };
    for (const check of dossierReport.checks ?? []) {
      const problem = check(entry as never);
      if (problem) errors.push(`Dòng ${line}: ${problem.message}`);
    }
    if (errors.length > before) continue;
    out.push({ line, ...entry });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: out };
}

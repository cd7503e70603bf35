/**
 * "Dán lịch từ bảng": turns rows copied from a spreadsheet or a Word table (tab-separated) or a
 * Markdown table into items of a work week. Columns: Ngày, Giờ, Nội dung, Chủ trì, Thành phần,
 * Địa điểm, Ghi chú. A day is a date (01/12/2026, 1/12, 2026-12-01) or a weekday of the week
 * (Thứ Hai … Thứ Bảy, Thứ 2 … Thứ 7, Chủ nhật, CN); an empty day is the row above's (merged
 * cells). A header row is skipped. Problems name the row, in Vietnamese for the editor.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { addDays, isDay, workWeek } from '@cong/content-types';

export interface PastedItem {
  day: string;
  time: string;
  content: string;
  chair: string;
  participants: string;
  location: string;
  note: string;
}

/** A row the editor must fix: its number (1-based, as pasted) and what is wrong. */
export class SchedulePasteError extends Error {
  override name = 'SchedulePasteError';
}

const WEEKDAYS: Array<[RegExp, number]> = [
  [/^(thứ\s*hai|thứ\s*2|t2)(?![\p{L}\p{N}])/u, 0],
  [/^(thứ\s*ba|thứ\s*3|t3)(?![\p{L}\p{N}])/u, 1],
  [/^(thứ\s*tư|thứ\s*4|t4)(?![\p{L}\p{N}])/u, 2],
  [/^(thứ\s*năm|thứ\s*5|t5)(?![\p{L}\p{N}])/u, 3],
  [/^(thứ\s*sáu|thứ\s*6|t6)(?![\p{L}\p{N}])/u, 4],
  [/^(thứ\s*bảy|thứ\s*7|t7)(?![\p{L}\p{N}])/u, 5],
  [/^(chủ\s*nhật|cn)(?![\p{L}\p{N}])/u, 6],
];

const pad = (n: string) => n.padStart(2, '0');

/** The day a cell names within the week of `monday`, or null. */
export function parseDayCell(cell: string, monday: string): string | null {
  const text = cell.normalize('NFC').trim().toLowerCase();
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return isDay(iso[0]) ? iso[0] : null;
  const dmy = /(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?/.exec(text);
  if (dmy) {
    const [, d, m, y] = dmy as unknown as [string, string, string, string | undefined];
    // Without a year: the year that puts the day in this week (a week may span New Year).
    const candidates = y ? [`${y}-${pad(m)}-${pad(d)}`] : [monday.slice(0, 4), addDays(monday, 6).slice(0, 4)].map((year) => `${year}-${pad(m)}-${pad(d)}`);
    const inWeek = candidates.find((day) => isDay(day) && day >= monday && day <= addDays(monday, 6));
    return inWeek ?? (isDay(candidates[0]!) ? candidates[0]! : null);
  }
  for (const [pattern, offset] of WEEKDAYS) if (pattern.test(text)) return addDays(monday, offset);
  return null;
}

/** The cells of one pasted line: tab-separated, or a Markdown table row. */
function cellsOf(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((c) => c.trim());
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) return trimmed.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  return [trimmed];
}

const isHeader = (cells: string[]) => /^(ngày|thứ\s*\/\s*ngày|thứ,?\s*ngày|ngày\s*\/\s*thứ)$/i.test(cells[0] ?? '') || (/ngày/i.test(cells[0] ?? '') && /giờ/i.test(cells[1] ?? ''));
const isMarkdownRule = (cells: string[]) => cells.every((c) => /^:?-{2,}:?$/.test(c));

/** The items a pasted table holds for the week of `monday` (YYYY-MM-DD). */
export function parseSchedulePaste(text: string, monday: string): PastedItem[] {
  const items: PastedItem[] = [];
  let previousDay: string | null = null;
  const lines = text.normalize('NFC').split(/\r?\n/);
  lines.forEach((line, index) => {
    const row = index + 1;
    if (line.trim() === '') return;
    const cells = cellsOf(line);
    if (items.length === 0 && previousDay === null && isHeader(cells)) return;
    if (isMarkdownRule(cells)) return;
    const [dayCell = '', time = '', content = '', chair = '', participants = '', location = '', note = ''] = cells;
    let day = previousDay;
    if (dayCell !== '') {
      day = parseDayCell(dayCell, monday);
      if (!day) throw new SchedulePasteError(`Dòng ${row}: không hiểu ngày “${dayCell}” (ghi như 01/12/2026 hoặc Thứ Ba).`);
    }
    if (!day) throw new SchedulePasteError(`Dòng ${row}: thiếu ngày (cột đầu tiên).`);
    if (content === '') throw new SchedulePasteError(`Dòng ${row}: thiếu nội dung (cột thứ ba, sau Ngày và Giờ; các cột cách nhau bằng phím Tab).`);
    previousDay = day;
    items.push({ day, time: time.slice(0, 20), content, chair, participants, location, note });
  });
  return items;
}

type Data = Record<string, unknown>;

/**
 * For a save of a work week whose "Dán lịch từ bảng" holds text: appends the pasted rows to its
 * items (those sent, else the stored draft's) and empties the field, before the week's checks
 * run on them. A row it cannot read stops the save with a message naming the row.
 */
export async function expandSchedulePaste(strapi: Core.Strapi, data: Data, documentId: string | undefined): Promise<void> {
  const paste = data.paste;
  if (typeof paste !== 'string' || paste.trim() === '') return;
  let current: Data | null = null;
  if (documentId && (!('weekOf' in data) || !Array.isArray(data.items))) {
    current = (await strapi.documents(workWeek.uid as UID.ContentType).findOne({ documentId, populate: ['items'] } as never)) as Data | null;
  }
  const monday = (data.weekOf ?? current?.weekOf) as string | undefined;
  if (typeof monday !== 'string' || !isDay(monday)) {
    throw new errors.ValidationError('Chọn “Tuần bắt đầu từ ngày (thứ Hai)” trước khi dán lịch.', { errors: [{ path: ['paste'], message: 'Chọn tuần trước khi dán lịch.', name: 'ValidationError' }] });
  }
  let pasted: PastedItem[];
  try {
    pasted = parseSchedulePaste(paste, monday);
  } catch (error) {
    if (!(error instanceof SchedulePasteError)) throw error;
    throw new errors.ValidationError(`Dán lịch từ bảng: ${error.message}`, { errors: [{ path: ['paste'], message: error.message, name: 'ValidationError' }] });
  }
  const existing = Array.isArray(data.items) ? (data.items as Data[]) : ((current?.items as Data[] | undefined) ?? []).map(({ id: _id, ...item }) => item);
  data.items = [...existing, ...pasted];
  data.paste = '';
}

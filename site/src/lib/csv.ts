/**
 * CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF line ends, a field quoted when it
 * holds a comma, a quote, a line break or edge spaces (quotes doubled inside), and a UTF-8 byte
 * order mark first so Excel reads Vietnamese letters as UTF-8 rather than the system code page.
 */

/** A value of a data file: lists become one cell, joined by `LIST_SEPARATOR`. */
export type Cell = string | number | boolean | null | string[];

/** What separates the values of a list in one CSV cell ("a.pdf; b.pdf"). */
export const LIST_SEPARATOR = '; ';

/** The UTF-8 byte order mark (U+FEFF), written first. */
export const BOM = '\uFEFF';

/** A cell's text: empty for null, `true`/`false`, lists joined. */
export function cellText(value: Cell): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return String(value);
}

/** One field, quoted only when it must be. */
export function csvField(value: Cell): string {
  const text = cellText(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line: its fields, ended by CRLF. */
export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;

/** The whole file of lines already made (csvLine): BOM, header line, the lines. */
export const toCsvLines = (header: readonly string[], lines: readonly string[]): string => BOM + csvLine(header) + lines.join('');

/** The whole file: BOM, header line, one line per row, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return toCsvLines(header, rows.map(csvLine));
}

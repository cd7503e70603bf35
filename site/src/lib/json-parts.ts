/**
 * A JSON array written from its items' bytes: the content store (store.ts) and the open data files
 * (open-data-files.ts) keep each item's UTF-8 JSON by its object and hand a file its parts as they
 * are, never one more string or buffer of the whole (tens of MB at 50,000 articles).
 */
const COMMA = Buffer.from(',');

/**
 * `head`, the items' bytes separated by commas, then `tail`: together the bytes of a JSON text whose
 * array holds the items (`head` ends with the array's `[`, `tail` starts with its `]`).
 */
export function jsonArrayParts<T>(head: string, items: readonly T[], bytesOf: (item: T) => Buffer, tail: string): Buffer[] {
  const parts: Buffer[] = new Array(items.length * 2 + 1);
  parts[0] = Buffer.from(head);
  let n = 1;
  items.forEach((item, i) => {
    if (i > 0) parts[n++] = COMMA;
    parts[n++] = bytesOf(item);
  });
  parts[n++] = Buffer.from(tail);
  parts.length = n;
  return parts;
}

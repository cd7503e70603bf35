/**
 * The columns of the open data files: each one a field name with its type, Vietnamese label and
 * description (taken from the model's attribute of that name when it is one) and how a row gives
 * its value. One kit per dataset, so each column's callback knows its row's type.
 */
import type { Field } from '@cong/content-types';
import type { Cell } from './csv';
import type { Item } from './content';
import type { MediaRecord } from './records';

/** One field of a dataset, as its schema documents it. */
export interface FieldSchema {
  name: string;
  /** `string`, `integer`, `boolean`, `date` (YYYY-MM-DD), `datetime` (ISO 8601, UTC), `url`, or a list (`url[]`, `string[]`). */
  type: string;
  label: string;
  description: string;
  /** The allowed values of a field with a fixed list. */
  values?: string[];
}

/** A column of a dataset: its schema and how a row gives its value. */
export interface Column<R> {
  schema: FieldSchema;
  value: (row: R, site: URL) => Cell;
}

/** How the model's Strapi field kinds are published. */
function typeOf(field: Field): string {
  const kind = field.strapi.type;
  if (kind === 'integer' || kind === 'boolean' || kind === 'date' || kind === 'datetime') return kind;
  if (kind === 'media') return field.strapi.multiple ? 'url[]' : 'url';
  if (kind === 'component') return 'string[]';
  return 'string';
}

/** A column that is the model's attribute `name`; `note` says how a link or list is written. */
function attr<R, A extends Record<string, Field>>(type: { attributes: A }, name: Extract<keyof A, string>, value: Column<R>['value'], note?: string): Column<R> {
  const field = type.attributes[name]!;
  const values = field.strapi.type === 'enumeration' ? (field.strapi.enum as string[]) : undefined;
  return {
    schema: { name, type: typeOf(field), label: field.label, description: [field.description, note].filter(Boolean).join(' '), ...(values ? { values } : {}) },
    value,
  };
}

/** A column the model does not declare (ids, dates, the page's address). */
const column = <R>(name: string, type: string, label: string, description: string, value: Column<R>['value']): Column<R> => ({ schema: { name, type, label, description }, value });

/** A column with some of its schema replaced (a field published under another name or shape). */
const withSchema = <R>(c: Column<R>, schema: Partial<FieldSchema>): Column<R> => ({ ...c, schema: { ...c.schema, ...schema } });

/** An absolute URL on the portal. */
export const abs = (path: string, site: URL) => new URL(path, site).href;
/** A file's absolute URL (files are copied into the build at their /uploads/ path). */
export const fileUrl = (m: MediaRecord | null, site: URL) => (m ? abs(m.url, site) : null);
/** How a linked entry is written. */
export const BY_NAME = 'Ghi tên của mục được chọn.';

/** A record's publication or change time, when its type keeps one. */
const stamp = (data: object, key: 'publishedAt' | 'updatedAt'): string | null => (data as Partial<Record<typeof key, string>>)[key] ?? null;

/** The column makers for rows of type R (one kit per dataset, so callbacks know their row). */
export function kit<R>() {
  return {
    attr: <A extends Record<string, Field>>(type: { attributes: A }, name: Extract<keyof A, string>, value: Column<R>['value'], note?: string) => attr<R, A>(type, name, value, note),
    column: (name: string, type: string, label: string, description: string, value: Column<R>['value']) => column<R>(name, type, label, description, value),
    withSchema: (c: Column<R>, schema: Partial<FieldSchema>) => withSchema<R>(c, schema),
  };
}

/** The kit for the records of a type: also their id, dates and page. */
export function itemKit<T extends object>() {
  const k = kit<Item<T>>();
  return {
    ...k,
    documentId: () => k.column('documentId', 'string', 'Mã định danh', 'Mã của mục trong hệ thống, không đổi khi mục được sửa.', (r) => r.id),
    /** The entry's page; null where it has none (a document kind no published document has yet). */
    pageUrl: (path: (data: T) => string | null) =>
      k.column('url', 'url', 'Địa chỉ trang', 'Trang của mục trên cổng (để trống khi mục chưa có trang).', (r, site) => {
        const p = path(r.data);
        return p === null ? null : abs(p, site);
      }),
    publishedAt: () => k.column('publishedAt', 'datetime', 'Thời điểm đăng', 'Giờ UTC (ISO 8601) của lần đăng đầu tiên: sửa và đăng lại không đổi thời điểm này.', (r) => stamp(r.data, 'publishedAt')),
    updatedAt: () => k.column('updatedAt', 'datetime', 'Thời điểm cập nhật', 'Giờ UTC (ISO 8601).', (r) => stamp(r.data, 'updatedAt')),
  };
}

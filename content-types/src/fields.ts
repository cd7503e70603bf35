import { z } from 'zod';
import { SLUG_PATTERN } from './slug';

/** A Strapi attribute, as written in a schema.json. */
export type StrapiAttribute = Record<string, unknown> & { type: string };

/** One field of the model: its Vietnamese label for editors, its Strapi attribute and its zod check. */
export interface Field<Z extends z.ZodTypeAny = z.ZodTypeAny> {
  /** Label shown to editors in the admin (Vietnamese). */
  label: string;
  /** Help text shown under the field in the admin (Vietnamese). */
  description?: string;
  /** Placeholder shown in the empty input (Vietnamese). */
  placeholder?: string;
  /** What editors are told when the CMS refuses a value of this field (Vietnamese). */
  invalidMessage?: string;
  /**
   * A media field whose pictures the portal shows with the file's description ("Mô tả ảnh") as
   * their alternative text: an entry is published only when each has one, or when the entry's own
   * `<field>Alt` is filled (cms/src/lib/image-alt.ts).
   */
  describedImages?: boolean;
  /** The attribute that goes into the Strapi schema. */
  strapi: StrapiAttribute;
  /** Validates the value as Strapi's REST API returns it. */
  zod: Z;
}

interface Common {
  label: string;
  description?: string;
  placeholder?: string;
}

interface Required {
  required?: boolean;
}

/** Allows null/undefined unless the field is required (Strapi returns null for empty fields). */
function optionalUnless<T extends z.ZodTypeAny>(schema: T, required: boolean | undefined) {
  return (required ? schema : schema.nullish()) as T;
}

/**
 * Like optionalUnless, for formats an empty string does not match (an address, an email): an
 * optional field left empty may come back as '' (a cleared input, an import), which means none.
 */
function optionalOrEmpty<T extends z.ZodTypeAny>(schema: T, required: boolean | undefined) {
  return (required ? schema : z.preprocess((v) => (v === '' ? null : v), schema.nullish())) as unknown as T;
}

function meta(o: Common): Pick<Field, 'label' | 'description' | 'placeholder'> {
  return { label: o.label, description: o.description, placeholder: o.placeholder };
}

/** A one-line text (Strapi `string`). */
export function text(o: Common & Required & { maxLength?: number; minLength?: number; unique?: boolean; private?: boolean }): Field<z.ZodString> {
  const maxLength = o.maxLength ?? 255;
  let schema = z.string().max(maxLength);
  if (o.required) schema = schema.min(Math.max(1, o.minLength ?? 1));
  return {
    ...meta(o),
    // `unique`: Strapi refuses a second entry with the same value (per draft or published version).
    // `private`: never returned by the REST API (a question's asker's phone).
    strapi: clean({ type: 'string', required: o.required, unique: o.unique || undefined, private: o.private || undefined, maxLength, minLength: o.minLength }),
    zod: optionalUnless(schema, o.required),
  };
}

/** A multi-line plain text (Strapi `text`). */
export function longText(o: Common & Required & { maxLength?: number }): Field<z.ZodString> {
  const schema = o.maxLength ? z.string().max(o.maxLength) : z.string();
  return {
    ...meta(o),
    strapi: clean({ type: 'text', required: o.required, maxLength: o.maxLength }),
    zod: optionalUnless(o.required ? schema.min(1) : schema, o.required),
  };
}

/** A Markdown body (Strapi's Markdown editor, type `richtext`). */
export function markdown(o: Common & Required): Field<z.ZodString> {
  return {
    ...meta(o),
    strapi: clean({ type: 'richtext', required: o.required }),
    zod: optionalUnless(o.required ? z.string().min(1) : z.string(), o.required),
  };
}

/**
 * The URL slug; the CMS makes it from `targetField` when an editor leaves it empty
 * (cms/src/lib/document-middleware.ts). Not `required` for Strapi: the admin's form pre-fills a
 * required uid with the type's name ("article") and blocks saving an empty one, so a new entry's
 * field stays empty here, saying what the server will do, and every stored entry still has one.
 */
export function slug(o: Common & { targetField: string }): Field<z.ZodString> {
  return {
    ...meta({ ...o, placeholder: o.placeholder ?? 'Để trống: hệ thống tự tạo khi lưu' }),
    strapi: { type: 'uid', targetField: o.targetField },
    zod: z.string().regex(SLUG_PATTERN),
  };
}

/** Web addresses editors may enter: http and https only. */
export const HTTP_URL_PATTERN = '^https?:\\/\\/[^\\s/$.?#][^\\s]*$';

/** An absolute http(s) URL. */
export function url(o: Common & Required): Field<z.ZodString> {
  const schema = z
    .string()
    .max(2048)
    .regex(new RegExp(HTTP_URL_PATTERN, 'i'), 'must be an http:// or https:// address');
  return {
    ...meta(o),
    invalidMessage: 'chỉ nhận địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://',
    strapi: clean({ type: 'string', required: o.required, maxLength: 2048, regex: HTTP_URL_PATTERN }),
    zod: optionalOrEmpty(schema, o.required),
  };
}

/** Menu targets: a path on the portal ("/tin-tuc/") or an http(s) address. */
export const HREF_PATTERN = '^(https?:\\/\\/[^\\s/$.?#][^\\s]*|\\/[^\\s]*)$';

/** A link target: a path on the portal or an absolute http(s) URL. */
export function href(o: Common & Required): Field<z.ZodString> {
  const schema = z.string().max(2048).regex(new RegExp(HREF_PATTERN, 'i'), 'must start with /, http:// or https://');
  return {
    ...meta(o),
    invalidMessage: 'đường dẫn phải bắt đầu bằng /, http:// hoặc https://',
    strapi: clean({ type: 'string', required: o.required, maxLength: 2048, regex: HREF_PATTERN }),
    zod: optionalOrEmpty(schema, o.required),
  };
}

/** An email address. */
export function email(o: Common & Required & { private?: boolean }): Field<z.ZodEmail> {
  return {
    ...meta(o),
    invalidMessage: 'địa chỉ thư điện tử không hợp lệ',
    // `private`: kept in the CMS, never returned by the content API.
    strapi: clean({ type: 'email', required: o.required, private: o.private || undefined }),
    zod: optionalOrEmpty(z.email(), o.required),
  };
}

/** A whole number. */
export function integer(o: Common & Required & { min?: number; max?: number; default?: number }): Field<z.ZodNumber> {
  let schema = z.number().int();
  if (o.min !== undefined) schema = schema.min(o.min);
  if (o.max !== undefined) schema = schema.max(o.max);
  return {
    ...meta(o),
    strapi: clean({ type: 'integer', required: o.required, min: o.min, max: o.max, default: o.default }),
    zod: optionalUnless(schema, o.required),
  };
}

/** A number with decimals (Strapi `float`), e.g. a latitude. */
export function decimal(o: Common & Required & { min?: number; max?: number }): Field<z.ZodNumber> {
  let schema = z.number();
  if (o.min !== undefined) schema = schema.min(o.min);
  if (o.max !== undefined) schema = schema.max(o.max);
  return {
    ...meta(o),
    strapi: clean({ type: 'float', required: o.required, min: o.min, max: o.max }),
    zod: optionalUnless(schema, o.required),
  };
}

/** A yes/no switch. */
export function boolean(o: Common & { default: boolean }): Field<z.ZodBoolean> {
  return {
    ...meta(o),
    strapi: { type: 'boolean', default: o.default },
    zod: z.boolean().nullish().transform((v) => v ?? o.default) as unknown as z.ZodBoolean,
  };
}

/** A calendar date (YYYY-MM-DD). */
export function date(o: Common & Required & { unique?: boolean }): Field<z.ZodString> {
  return {
    ...meta(o),
    strapi: clean({ type: 'date', required: o.required, unique: o.unique || undefined }),
    zod: optionalUnless(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), o.required),
  };
}

/** A moment (ISO 8601 date and time, stored in UTC; the admin shows it in the editor's time zone). */
export function datetime(o: Common & Required): Field<z.ZodISODateTime> {
  return {
    ...meta(o),
    strapi: clean({ type: 'datetime', required: o.required }),
    zod: optionalUnless(z.iso.datetime({ offset: true }), o.required),
  };
}

/** One value out of a fixed list. */
export function enumeration<const V extends readonly [string, ...string[]]>(
  o: Common & Required & { values: V; default?: V[number] },
): Field<z.ZodEnum<{ [K in V[number]]: K }>> {
  const schema = z.enum(o.values as unknown as [V[number], ...V[number][]]) as unknown as z.ZodEnum<{ [K in V[number]]: K }>;
  return {
    ...meta(o),
    strapi: clean({ type: 'enumeration', enum: [...o.values], required: o.required, default: o.default }),
    zod: optionalUnless(schema, o.required),
  };
}

/** A file from the media library, as the REST API returns it when populated. */
export const MediaSchema = z.looseObject({
  id: z.number().int(),
  documentId: z.string(),
  name: z.string(),
  alternativeText: z.string().nullish(),
  caption: z.string().nullish(),
  width: z.number().int().nullish(),
  height: z.number().int().nullish(),
  mime: z.string(),
  ext: z.string().nullish(),
  size: z.number(),
  url: z.string().min(1),
});

/** Files (images, PDFs, …) from the media library. */
export function media<const M extends boolean>(
  o: Common & Required & { multiple: M; allowedTypes: Array<'images' | 'files' | 'videos' | 'audios'>; describedImages?: boolean },
): Field<M extends true ? z.ZodArray<typeof MediaSchema> : typeof MediaSchema> {
  const schema = o.multiple ? z.array(MediaSchema) : MediaSchema;
  return {
    ...meta(o),
    ...(o.describedImages ? { describedImages: true } : {}),
    strapi: clean({ type: 'media', multiple: o.multiple, required: o.required, allowedTypes: o.allowedTypes }),
    // Media come back only when populated: absent is fine.
    zod: schema.nullish() as never,
  };
}

/** A many-to-one link to another type of the model; `fields` are those the REST API returns when populated. */
export function manyToOne<S extends z.ZodRawShape>(
  o: Common & Required & { target: string; fields: S },
): Field<z.ZodObject<S & { id: z.ZodNumber; documentId: z.ZodString }, z.core.$loose>> {
  const schema = z.looseObject({ id: z.number().int(), documentId: z.string(), ...o.fields });
  return {
    ...meta(o),
    strapi: clean({ type: 'relation', relation: 'manyToOne', target: `api::${o.target}.${o.target}`, required: o.required }),
    zod: schema.nullish() as never,
  };
}

/** A component: a group of fields reused inside types (e.g. a menu item). */
export interface ComponentDef<A extends Record<string, Field> = Record<string, Field>> {
  /** Strapi's component uid: `<category>.<name>`. */
  uid: string;
  category: string;
  name: string;
  displayName: string;
  /** The field that titles each item of a list in the admin (a menu item's label, a schedule line's content). */
  mainField: string;
  attributes: A;
}

/** Declares a component of the model. */
export function defineComponent<A extends Record<string, Field>>(def: Omit<ComponentDef<A>, 'uid' | 'mainField'> & { mainField: NoInfer<Extract<keyof A, string>> }): ComponentDef<A> {
  return { ...def, uid: `${def.category}.${def.name}` };
}

type ShapeOf<A extends Record<string, Field>> = { [K in keyof A]: A[K]['zod'] };

/** A list of components (e.g. menu items), edited inline. */
export function repeatable<A extends Record<string, Field>>(
  o: Common & { component: ComponentDef<A>; max?: number },
): Field<z.ZodArray<z.ZodObject<ShapeOf<A>, z.core.$loose>>> {
  const shape = Object.fromEntries(Object.entries(o.component.attributes).map(([k, f]) => [k, f.zod])) as ShapeOf<A>;
  return {
    ...meta(o),
    strapi: clean({ type: 'component', repeatable: true, component: o.component.uid, max: o.max }),
    zod: z.array(z.looseObject(shape)).nullish().transform((v) => v ?? []) as never,
  };
}

/** Drops undefined and false-y `required` so generated schemas stay minimal and stable. */
function clean(attr: Record<string, unknown> & { type: string }): StrapiAttribute {
  const out: StrapiAttribute = { type: attr.type };
  for (const [k, v] of Object.entries(attr)) {
    if (v === undefined || (k === 'required' && v === false)) continue;
    out[k] = v;
  }
  return out;
}

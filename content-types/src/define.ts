import { z } from 'zod';
import type { Field } from './fields';

/** A field the admin list can sort by: an attribute or a system date. */
export type SortField<A> = Extract<keyof A, string> | 'createdAt' | 'updatedAt' | 'publishedAt';

/** A content type of the model: names, Vietnamese labels and fields. */
export interface TypeDef<A extends Record<string, Field> = Record<string, Field>> {
  kind: 'collectionType' | 'singleType';
  /** API name, singular (`article` → `api::article.article`). */
  singularName: string;
  /** API name, plural (`/api/articles`). */
  pluralName: string;
  /** Name editors see in the admin (Vietnamese). */
  displayName: string;
  /** What the type is for, shown in the admin (Vietnamese). */
  description: string;
  draftAndPublish: boolean;
  /** Field used as the entry's title in lists and relations. */
  mainField: NoInfer<Extract<keyof A, string>>;
  /** Default sort in the admin list view. */
  defaultSort: { field: NoInfer<SortField<A>>; order: 'ASC' | 'DESC' };
  /** Fields shown as columns in the admin list view. */
  listFields: Array<NoInfer<SortField<A>>>;
  attributes: A;
  /**
   * Rules over several fields (a date range, a week's days), checked by the CMS on every save of
   * a draft or a published version, against the entry as it will be stored. Each returns the
   * problem in Vietnamese for the editor, with the field it belongs to, or null.
   */
  checks?: Array<(entry: Record<string, unknown>) => FieldProblem | null>;
}

/** A value the CMS refuses: the field and the Vietnamese message the editor sees. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Fields every REST entry carries besides its attributes. */
const SystemShape = {
  id: z.number().int(),
  documentId: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullish(),
  locale: z.string().nullish(),
};

type ShapeOf<A extends Record<string, Field>> = { [K in keyof A]: A[K]['zod'] };

/** The zod schema of one entry as Strapi's REST API returns it. */
export type EntrySchema<A extends Record<string, Field>> = z.ZodObject<typeof SystemShape & ShapeOf<A>, z.core.$loose>;

/** A type of the model with its derived entry schema. */
export interface ContentType<A extends Record<string, Field> = Record<string, Field>> extends TypeDef<A> {
  /** Strapi's uid: `api::<singular>.<singular>`. */
  uid: `api::${string}.${string}`;
  /** Validates an entry from the REST API. */
  entrySchema: EntrySchema<A>;
}

/** Declares a content type; the Strapi schema, the zod schema and the TS type all come from this. */
export function defineType<A extends Record<string, Field>>(def: TypeDef<A>): ContentType<A> {
  const shape = Object.fromEntries(Object.entries(def.attributes).map(([k, f]) => [k, f.zod])) as ShapeOf<A>;
  return {
    ...def,
    uid: `api::${def.singularName}.${def.singularName}`,
    entrySchema: z.looseObject({ ...SystemShape, ...shape }),
  };
}

/** The TypeScript type of an entry of `T`, as validated. */
export type EntryOf<T extends ContentType> = z.output<T['entrySchema']>;

/** The names of a type's fields of one Strapi kind (its media, its relations, its Markdown, its slug). */
export function fieldsOfKind(type: Pick<ContentType, 'attributes'>, kind: string): string[] {
  return Object.entries(type.attributes)
    .filter(([, field]) => field.strapi.type === kind)
    .map(([name]) => name);
}

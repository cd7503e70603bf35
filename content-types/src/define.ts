import { z } from 'zod';
import { boolean, manyToOne, type Field } from './fields';

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
  /**
   * Whether each entry belongs to one portal (the `portal` relation, PORTAL_FIELD): every type
   * but the portal itself and the pre-portal settings (default true).
   */
  ownedByPortal?: boolean;
  /** Kept in the database but shown nowhere in the admin (a type an upgrade migrates from). */
  hidden?: boolean;
  /**
   * Whether an author asks an editor to review a draft (the `reviewRequested` field, REVIEW_FIELD,
   * shown as a list column): default, every draft-and-publish type. Off for what readers send.
   */
  review?: boolean;
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
  /** When the entry was first published (Strapi's `experimental_firstPublishedAt`, cms/config/features.ts): kept by later publishes. */
  firstPublishedAt: z.string().nullish(),
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

/** The relation by which an entry belongs to its portal (many portals in one install). */
export const PORTAL_FIELD = 'portal';

/** The `portal` relation every owned type carries; an entry saved without one gets its editor's portal (cms/src/lib/portals.ts). */
function portalRelation(): Field {
  return manyToOne({
    label: 'Cổng',
    target: 'portal',
    fields: { slug: z.string() },
    description: 'Cổng thông tin mà mục này thuộc về. Để trống: cổng của người tạo.',
  });
}

/**
 * "Gửi duyệt": the free edition has no review workflow, so a Tác giả (who cannot publish) marks a
 * finished draft for the Biên tập viên; the CMS clears it when the entry is published
 * (cms/src/lib/document-middleware.ts).
 */
export const REVIEW_FIELD = 'reviewRequested';

function reviewField(): Field {
  return boolean({
    label: 'Gửi duyệt',
    default: false,
    description: 'Tác giả bật khi bản nháp đã xong để Biên tập viên duyệt và đăng; tự tắt khi nội dung được đăng.',
  });
}

/** Declares a content type; the Strapi schema, the zod schema and the TS type all come from this. */
export function defineType<A extends Record<string, Field>>(def: TypeDef<A>): ContentType<A> {
  const review = def.review ?? def.draftAndPublish;
  const attributes = {
    ...def.attributes,
    ...(def.ownedByPortal === false ? {} : { [PORTAL_FIELD]: portalRelation() }),
    ...(review ? { [REVIEW_FIELD]: reviewField() } : {}),
  } as A;
  const shape = Object.fromEntries(Object.entries(attributes).map(([k, f]) => [k, f.zod])) as ShapeOf<A>;
  return {
    ...def,
    listFields: review ? [...def.listFields, REVIEW_FIELD as SortField<A>] : def.listFields,
    attributes,
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

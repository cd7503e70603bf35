/**
 * Images need a description before they go public (accessibility, issue 16): an image field of a
 * published entry must name an image whose alternative text is filled in, either on the file in
 * the media library ("Mô tả ảnh") or in the entry's own `<field>Alt` field (an article's
 * "Mô tả ảnh đại diện"). A publish that breaks the rule is refused with a Vietnamese message that
 * names the field and the file; drafts are saved as they are.
 *
 * Markdown bodies count too: an image written `![](…)` has no description.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldsOfKind, type ContentType } from '@cong/content-types';

type Data = Record<string, unknown>;

interface FileRow {
  id: number;
  name: string;
  mime: string | null;
  alternativeText: string | null;
}

/**
 * Media fields whose pictures the portal shows with the file's description as alt text (the
 * model's `describedImages`: an article's cover). An official's photo is not one: the portal
 * describes it by the person's name.
 */
export function imageFields(type: ContentType): string[] {
  return fieldsOfKind(type, 'media').filter((name) => type.attributes[name]!.describedImages === true);
}

/** The file ids a media value names: `12`, `{ id: 12 }`, `[12, 13]`, `{ set: [...] }`, `{ connect: [...] }`. */
export function fileIds(value: unknown): number[] {
  if (value == null) return [];
  if (typeof value === 'number') return [value];
  if (typeof value === 'string' && /^\d+$/.test(value)) return [Number(value)];
  if (Array.isArray(value)) return value.flatMap(fileIds);
  if (typeof value === 'object') {
    const o = value as { id?: unknown; set?: unknown; connect?: unknown };
    if (o.set !== undefined) return fileIds(o.set);
    if (o.connect !== undefined) return fileIds(o.connect);
    if (o.id !== undefined) return fileIds(o.id);
  }
  return [];
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/**
 * Images written in Markdown with no real description: `![](/uploads/a.jpg)`, or the file's name,
 * which Strapi's editor writes when the file has no description (`![cho-que.jpg](…)`).
 */
export function undescribedMarkdownImages(markdown: string): string[] {
  return [...markdown.matchAll(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)/g)]
    .filter((m) => {
      const alt = m[1]!.trim();
      return alt === '' || /^[^\s]+\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|svg)$/i.test(alt);
    })
    .map((m) => m[2]!);
}

/** Does this Document Service call publish? (`publish`, or a create or update sent with status "published".) */
export function publishes(context: { action: string; params: unknown }): boolean {
  if (context.action === 'publish') return true;
  return (context.action === 'create' || context.action === 'update') && (context.params as { status?: string }).status === 'published';
}

/**
 * Refuses a publish of `type` whose images lack a description. `data` is what a create or update
 * sends (its values win over the stored draft's); a `publish` sends none.
 */
export async function assertImagesDescribed(strapi: Core.Strapi, type: ContentType, documentId: string | undefined, data: Data = {}): Promise<void> {
  const images = imageFields(type);
  const texts = fieldsOfKind(type, 'richtext');
  if (images.length === 0 && texts.length === 0) return;
  // The stored draft's values, read when what is sent does not hold them all (a publish sends none).
  const scalar = [...images.map((f) => `${f}Alt`), ...texts].filter((f) => f in type.attributes);
  let draft: Data = {};
  if (documentId && [...images, ...scalar].some((f) => !(f in data))) {
    draft =
      ((await strapi.db.query(type.uid as UID.ContentType).findOne({
        where: { documentId, publishedAt: null },
        select: ['id', ...scalar],
        populate: Object.fromEntries(images.map((f) => [f, { select: ['id'] }])),
      })) as Data | null) ?? {};
  }
  const entry: Data = { ...draft, ...data };
  const problems: Array<{ path: string[]; message: string; name: string }> = [];

  const wanted = new Map<string, number[]>();
  for (const field of images) {
    if (!blank(entry[`${field}Alt`])) continue; // the entry describes it
    wanted.set(field, fileIds(entry[field]));
  }
  const ids = [...new Set([...wanted.values()].flat())];
  const files = ids.length
    ? ((await strapi.db.query('plugin::upload.file').findMany({ where: { id: { $in: ids } }, select: ['id', 'name', 'mime', 'alternativeText'] })) as FileRow[])
    : [];
  const byId = new Map(files.map((f) => [f.id, f]));
  for (const [field, fieldIds] of wanted) {
    const label = type.attributes[field]!.label;
    const altLabel = type.attributes[`${field}Alt`]?.label;
    for (const id of fieldIds) {
      const file = byId.get(id);
      if (!file || !(file.mime ?? '').startsWith('image/') || !blank(file.alternativeText)) continue;
      problems.push({
        path: [field],
        name: 'ValidationError',
        message: `${label}: ảnh “${file.name}” chưa có mô tả cho người khiếm thị. Hãy điền “Mô tả ảnh” của ảnh này trong Thư viện tệp${altLabel ? ` hoặc điền “${altLabel}”` : ''} rồi đăng lại.`,
      });
    }
  }
  for (const name of texts) {
    const value = entry[name];
    if (typeof value !== 'string') continue;
    const bare = undescribedMarkdownImages(value);
    if (bare.length === 0) continue;
    problems.push({
      path: [name],
      name: 'ValidationError',
      message: `${type.attributes[name]!.label}: ${bare.length} ảnh chưa có mô tả cho người khiếm thị (${bare.slice(0, 3).join(', ')}${bare.length > 3 ? ', …' : ''}). Hãy viết mô tả trong ngoặc vuông, không phải tên tệp: ![mô tả ảnh](địa chỉ ảnh), rồi đăng lại.`,
    });
  }
  if (problems.length > 0) throw new errors.ValidationError(problems.map((p) => p.message).join('; '), { errors: problems });
}

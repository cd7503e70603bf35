/**
 * Document Service middleware for the types of the model: stores text in Unicode NFC and
 * makes slugs on the server, so editors never type or repair one.
 *
 * Strapi 5.54's admin form pre-fills a required uid field with the type's name ("article") and
 * does not follow the title; the model's slugs are therefore not required (content-types
 * fields.ts), and here a slug that is empty or such a placeholder is made from the title, made
 * unique, and kept stable once the entry has been published (a later title change does not move a
 * live URL). A publish is also refused while an image lacks its description (image-alt.ts).
 */
import type { Core, UID } from '@strapi/strapi';
import { assertValidSchedule } from './scheduler';
import { expandSchedulePaste } from './schedule-paste';
import { errors } from '@strapi/utils';
import { contentTypes, createSlug, createUniqueSlug, isPlaceholderSlug, PORTAL_FIELD, readerTypes, RESERVED_ENTRY_SLUGS, REVIEW_FIELD, type ContentType } from '@cong/content-types';
import { assertImagesDescribed, publishes } from './image-alt';
import { assertQuestionAnswered } from './question-rules';
import { withDefaultPortal } from './portals';

type Data = Record<string, unknown>;

interface SlugSpec {
  type: ContentType;
  slugField: string;
  sourceField: string;
}

/** Types with a slug, and the field it is made from. */
const slugTypes = new Map<string, SlugSpec>(
  contentTypes.flatMap((type) =>
    Object.entries(type.attributes)
      .filter(([, field]) => field.strapi.type === 'uid')
      .map(([slugField, field]) => [type.uid, { type, slugField, sourceField: String(field.strapi.targetField) }] as const),
  ),
);
const modelTypes = new Map<string, ContentType>(contentTypes.map((t) => [t.uid, t]));
/** Types readers send (comments, questions): always created as drafts. */
const readerUids = new Set<string>(readerTypes.map((t) => t.uid));
/** Slugs a type may not take because a page of the site owns that address. */
const reservedSlugs = RESERVED_ENTRY_SLUGS;

/**
 * Checks the text fields the model constrains (URLs, links, emails) on drafts too: Strapi 5
 * checks a `regex` only on publish, so a bad address would sit in a draft unnoticed.
 * Throws a ValidationError that names the field, in Vietnamese for the editor.
 */
export function assertValidText(type: ContentType, data: Data): void {
  const problems: Array<{ path: string[]; message: string; name: string }> = [];
  for (const [name, field] of Object.entries(type.attributes)) {
    const value = data[name];
    if (!field.invalidMessage || typeof value !== 'string' || value === '') continue;
    if (!field.zod.safeParse(value).success) problems.push({ path: [name], message: `${field.label}: ${field.invalidMessage}`, name: 'ValidationError' });
  }
  if (problems.length > 0) {
    throw new errors.ValidationError(problems.map((p) => p.message).join('; '), { errors: problems });
  }
}

/**
 * Runs the type's rules over several fields (a date range, a week's days) against the entry as it
 * will be stored: `data` over the current draft's values for an update that sends only some
 * fields. Throws a ValidationError naming each field, in Vietnamese for the editor.
 */
export async function assertTypeChecks(strapi: Core.Strapi, type: ContentType, data: Data, documentId: string | undefined): Promise<void> {
  if (!type.checks || type.checks.length === 0) return;
  let entry = data;
  const scalar = Object.entries(type.attributes).filter(([, f]) => !['component', 'media', 'relation'].includes(f.strapi.type)).map(([name]) => name);
  if (documentId && scalar.some((name) => !(name in data))) {
    const current = await strapi.db.query(type.uid as UID.ContentType).findOne({ where: { documentId }, select: scalar, orderBy: { updatedAt: 'desc' } });
    entry = { ...(current ?? {}), ...data };
  }
  const problems = type.checks.map((check) => check(entry)).filter((p) => p !== null);
  if (problems.length > 0) {
    throw new errors.ValidationError(problems.map((p) => p.message).join('; '), {
      errors: problems.map((p) => ({ path: [p.path], message: p.message, name: 'ValidationError' })),
    });
  }
}

/** Returns `data` with every top-level string in NFC (pasted text often arrives as NFD). */
export function normalizeText(data: Data): Data {
  const out: Data = {};
  for (const [key, value] of Object.entries(data)) out[key] = typeof value === 'string' ? value.normalize('NFC') : value;
  return out;
}

async function resolveSlug(strapi: Core.Strapi, spec: SlugSpec, data: Data, documentId: string | undefined): Promise<string | undefined> {
  const uid = spec.type.uid as UID.ContentType;
  const given = data[spec.slugField];
  const hasSlugKey = spec.slugField in data;
  const query = strapi.db.query(uid);

  if (documentId) {
    // Once published, the live slug stays: a placeholder sent by the form must not replace it.
    const published = await query.findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: [spec.slugField] });
    const live = published?.[spec.slugField] as string | undefined;
    if (live && (!hasSlugKey || isPlaceholderSlug(given as string | null, spec.type.singularName))) return live;
    if (!hasSlugKey) return undefined; // an update that does not touch the slug
  }

  let base: string;
  if (typeof given === 'string' && !isPlaceholderSlug(given, spec.type.singularName)) {
    base = createSlug(given);
  } else {
    let source = data[spec.sourceField];
    if (typeof source !== 'string' && documentId) {
      const current = await query.findOne({ where: { documentId }, select: [spec.sourceField], orderBy: { updatedAt: 'desc' } });
      source = current?.[spec.sourceField];
    }
    base = typeof source === 'string' ? createSlug(source) : '';
  }
  if (!base) base = `${spec.type.singularName}-${Date.now().toString(36)}`;

  const reserved = reservedSlugs.get(uid);
  return createUniqueSlug(base, async (candidate) => {
    if (reserved?.has(candidate)) return true;
    const where: Data = { [spec.slugField]: candidate };
    if (documentId) where.documentId = { $ne: documentId };
    return (await query.count({ where })) > 0;
  });
}

/** Registers the middleware; call from the app's `register()`. */
export function registerDocumentMiddleware(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    // What readers send (a comment "chờ duyệt", a question "chờ trả lời") is always created as a
    // draft, whatever the request asked: Strapi's REST create publishes by default. Only an
    // editor's Publish makes it public.
    if (readerUids.has(context.uid) && context.action === 'create') (context.params as { status?: string }).status = 'draft';
    // A question goes public only with its answer.
    await assertQuestionAnswered(strapi, context);
    const type = modelTypes.get(context.uid);
    if (type && context.action === 'publish') {
      const { documentId } = context.params as { documentId?: string };
      await assertImagesDescribed(strapi, type, documentId);
      if (!documentId || !(REVIEW_FIELD in type.attributes)) return next();
      // "Gửi duyệt" is done once the entry is published: cleared on the draft before the publish
      // copies it, so the published version never carries it (what the publisher reads is final)
      // and the two stay equal, and set back when the publish is refused.
      const query = strapi.db.query(type.uid as UID.ContentType);
      const { count: asked } = await query.updateMany({ where: { documentId, publishedAt: null, [REVIEW_FIELD]: true }, data: { [REVIEW_FIELD]: false } });
      try {
        return await next();
      } catch (error) {
        if (asked > 0) await query.updateMany({ where: { documentId, publishedAt: null }, data: { [REVIEW_FIELD]: true } });
        throw error;
      }
    }
    if (!type || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { data?: Data; documentId?: string };
    if (!params.data) return next();
    let data = normalizeText(params.data);
    // Every entry belongs to one portal: a create that names none gets the default one.
    if (context.action === 'create' && PORTAL_FIELD in type.attributes) data = await withDefaultPortal(strapi, data);
    assertValidText(type, data);
    assertValidSchedule(data);
    const documentId = context.action === 'update' ? params.documentId : undefined;
    // A work week's "Dán lịch từ bảng" becomes items before the week's checks see them.
    if (context.uid === 'api::work-week.work-week') await expandSchedulePaste(strapi, data, documentId);
    await assertTypeChecks(strapi, type, data, documentId);
    const spec = slugTypes.get(context.uid);
    if (spec) {
      const slugValue = await resolveSlug(strapi, spec, data, documentId);
      if (slugValue !== undefined) data[spec.slugField] = slugValue;
    }
    if (publishes(context)) {
      await assertImagesDescribed(strapi, type, documentId, data);
      if (REVIEW_FIELD in type.attributes) data[REVIEW_FIELD] = false;
    }
    params.data = data;
    return next();
  });
}

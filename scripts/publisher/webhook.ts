/**
 * Strapi webhook requests, checked and classified. Webhooks are unsigned, so the CMS sends a
 * shared secret in a header (WEBHOOK_SECRET_HEADER, content-types/src/webhook.ts); the payload is only a trigger (content always comes from Strapi).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { contentTypes } from '../../content-types/src/model.ts';
import { PORTAL_FIELD } from '../../content-types/src/define.ts';
import { mediaEventPaths } from './media.ts';

/** True when `given` equals `expected`, compared in constant time (no length or prefix leak). */
export function isValidSecret(given: string | undefined, expected: string): boolean {
  if (!given || !expected) return false;
  // Hash both so the comparison runs on equal lengths whatever was sent.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Types the public site shows at all: every type of the model (approved comments included). */
const PUBLIC_TYPES = new Set(contentTypes.map((t) => t.singularName));
/** Types without draft & publish: their create/update/delete change the public site. */
const NO_DRAFT_TYPES = new Set(contentTypes.filter((t) => !t.draftAndPublish).map((t) => t.singularName));

export interface WebhookEvent {
  event: string;
  model?: string;
  uid?: string;
  /** A media event's file: the `/uploads/…` paths of it and its formats (see mediaEventPaths). */
  files?: string[];
  /** The entry's documentId, when the payload has one. */
  documentId?: string;
  /**
   * The code (Mã cổng) of the portal the entry belongs to, when the payload tells: a portal's own
   * events carry its `slug`; Strapi 5.54 populates the `portal` relation on entry.create, .update
   * and .publish, but not on .unpublish (relations as `{ count }`) nor .delete (none).
   */
  portal?: string;
  /** An article its commune shares with the parent portal ("Tin từ cơ sở"), per the payload. */
  shareWithParent?: boolean;
  /** A portal's own event saying it is disabled ("Đang hoạt động" off): it is not built. */
  portalDisabled?: boolean;
}

/** Parses a webhook body; throws with a reason when it is not a Strapi event. */
export function parseWebhookBody(body: string): WebhookEvent {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new Error('body is not JSON');
  }
  if (typeof value !== 'object' || value === null || typeof (value as { event?: unknown }).event !== 'string') {
    throw new Error('body has no "event" field');
  }
  const { event, model, uid, media, entry } = value as { event: string; model?: unknown; uid?: unknown; media?: unknown; entry?: unknown };
  const parsed: WebhookEvent = { event, model: typeof model === 'string' ? model : undefined, uid: typeof uid === 'string' ? uid : undefined };
  if (media !== undefined) parsed.files = mediaEventPaths(media);
  if (entry && typeof entry === 'object') {
    const e = entry as Record<string, unknown>;
    if (typeof e.documentId === 'string' && e.documentId !== '') parsed.documentId = e.documentId;
    const portal = parsed.model === PORTAL_MODEL ? e.slug : (e[PORTAL_FIELD] as { slug?: unknown } | null | undefined)?.slug;
    if (typeof portal === 'string' && portal !== '') parsed.portal = portal;
    if (typeof e.shareWithParent === 'boolean') parsed.shareWithParent = e.shareWithParent;
    if (parsed.model === PORTAL_MODEL && e.enabled === false) parsed.portalDisabled = true;
  }
  return parsed;
}

/** The portal type's model name: its own events name the portal they change. */
export const PORTAL_MODEL = 'portal';

/**
 * A media-library event (`media.create`, `.update`, `.delete`): it changes the public site only
 * when a published entry shows the file, which the payload cannot tell (a file's relations are
 * not in it), so the publisher checks instead of building (publisher.ts): the fingerprint of
 * what is published, and whether the live release holds the file (an image in a Markdown body).
 */
export function isMediaEvent(e: WebhookEvent): boolean {
  return e.event.startsWith('media.');
}

/** Whether an event changes what the public sees, so a build must follow (media events: see isMediaEvent). */
export function changesPublicSite(e: WebhookEvent): boolean {
  if (!e.model || !PUBLIC_TYPES.has(e.model)) return false;
  if (e.event === 'entry.publish' || e.event === 'entry.unpublish' || e.event === 'entry.delete') return true;
  // Drafts of draft & publish types are invisible until published.
  if (e.event === 'entry.create' || e.event === 'entry.update') return NO_DRAFT_TYPES.has(e.model);
  return false;
}

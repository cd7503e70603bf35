/**
 * Incremental sync and validation of CMS entries for the build: decide what to fetch again
 * and what to drop since the last build (from the entries' stamps: content-types/src/stamp.ts),
 * and refuse a bad entry with a message that names the type, the documentId and the field.
 */
import type { ContentType, EntryOf, Stamp } from '@cong/content-types';

export interface SyncPlan {
  /** New or changed since the last build: fetch in full. */
  fetch: string[];
  /** Unpublished or deleted since the last build: drop. */
  remove: string[];
  /** Unchanged: keep what the store has. */
  keep: string[];
}

/** Compares what the store holds with what the CMS publishes now. */
export function planSync(previous: ReadonlyMap<string, string>, current: readonly Stamp[]): SyncPlan {
  const plan: SyncPlan = { fetch: [], remove: [], keep: [] };
  const seen = new Set<string>();
  for (const { documentId, version } of current) {
    seen.add(documentId);
    if (previous.get(documentId) === version) plan.keep.push(documentId);
    else plan.fetch.push(documentId);
  }
  for (const documentId of previous.keys()) if (!seen.has(documentId)) plan.remove.push(documentId);
  return plan;
}

/** Bad content from the CMS; the build stops rather than publish a half-built site. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/** Validates entries against the model; throws one ContentError listing every bad field. */
export function validateEntries<T extends ContentType>(type: T, entries: readonly unknown[]): Array<EntryOf<T>> {
  const valid: Array<EntryOf<T>> = [];
  const problems: string[] = [];
  for (const entry of entries) {
    const result = type.entrySchema.safeParse(entry);
    if (result.success) {
      valid.push(result.data as EntryOf<T>);
      continue;
    }
    const documentId = (entry as { documentId?: unknown })?.documentId ?? '(no documentId)';
    for (const issue of result.error.issues) {
      problems.push(`${type.displayName} (${type.singularName}) documentId=${String(documentId)}: field "${issue.path.join('.') || '(entry)'}" ${issue.message}`);
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((p) => `- ${p}`).join('\n');
    const more = problems.length > 20 ? `\n… and ${problems.length - 20} more` : '';
    throw new ContentError(`Invalid content in the CMS; fix these entries in the admin and publish again:\n${shown}${more}`);
  }
  return valid;
}

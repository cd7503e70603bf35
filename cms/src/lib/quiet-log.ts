/**
 * Strapi's own step-by-step messages of its internal database migrations (about 30 lines on a new
 * database: "[internal migration]: migrating …", "[discard-drafts] Stage 1/5 …") go to the debug
 * level instead of info, so a first start's log shows what Cổng did. CMS_LOG_LEVEL=debug shows them.
 */
import type { Core } from '@strapi/strapi';

const STRAPI_MIGRATION_STEP = /^\[(internal migration|discard-drafts)\]/;

/** The text of a winston log call's first argument (a string, or `{ message }` from Strapi's database). */
function textOf(message: unknown): string {
  if (typeof message === 'object' && message !== null && 'message' in message) return String((message as { message: unknown }).message);
  return String(message);
}

export function demoteMigrationSteps(log: Core.Strapi['log']): void {
  const info = log.info.bind(log) as (...args: unknown[]) => unknown;
  const debug = log.debug.bind(log) as (...args: unknown[]) => unknown;
  (log as { info: unknown }).info = (message: unknown, ...rest: unknown[]) => {
    const text = textOf(message);
    return STRAPI_MIGRATION_STEP.test(text) ? debug(text) : info(message, ...rest);
  };
}

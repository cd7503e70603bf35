/**
 * When the CMS fills the demo portal by itself: `npm start` asks for it (SEED_DEMO_CONTENT) and
 * it happens only on a new database (none of the model's entries yet) outside production, or to
 * finish a demo seed that an earlier start began and did not complete. Editors' content is never
 * mixed with the demo by a restart; `npm run seed` adds the demo on purpose, whatever is there.
 */
import type { Core, UID } from '@strapi/strapi';

/** Written when a seed begins; the completed seed's marker (index.ts) replaces its meaning. */
export const SEED_STARTED = { type: 'core', name: 'cong', key: 'seed-started' } as const;
const SEED_DONE = { type: 'core', name: 'cong', key: 'seed' } as const;

export interface SeedState {
  /** A demo seed completed on this database. */
  done: boolean;
  /** A demo seed began on this database (it may not have completed). */
  started: boolean;
  /** Entries of the model's own types (articles, categories, settings, …) already exist. */
  hasContent: boolean;
}

export interface SeedDecision {
  seed: boolean;
  /** Why, for the log. */
  reason: string;
  /** Worth a line in the log (not the usual restart of a demo install). */
  notable: boolean;
}

/** The decision, from what was asked and what the database holds (pure: tested on its own). */
export function decideDemoSeed(requested: boolean, production: boolean, state: SeedState): SeedDecision {
  if (!requested) return { seed: false, reason: 'not asked (SEED_DEMO_CONTENT is not set)', notable: false };
  if (production) return { seed: false, reason: 'never by itself when NODE_ENV=production (npm run seed adds it on purpose)', notable: true };
  if (state.done) return { seed: false, reason: 'the demo portal is already there', notable: false };
  if (state.started) return { seed: true, reason: 'finishing the demo portal an earlier start began', notable: true };
  if (state.hasContent) return { seed: false, reason: 'the database already holds content, which is never mixed with the demo (npm run seed adds it on purpose)', notable: true };
  return { seed: true, reason: 'new database', notable: true };
}

/** What the database holds, for decideDemoSeed(). */
export async function readSeedState(strapi: Core.Strapi): Promise<SeedState> {
  const done = Boolean(await strapi.store.get(SEED_DONE));
  const started = Boolean(await strapi.store.get(SEED_STARTED));
  let hasContent = false;
  // The first portal is made on every start (bootstrap/portals.ts): it is no one's content.
  for (const uid of Object.keys(strapi.contentTypes).filter((u) => u.startsWith('api::') && u !== 'api::portal.portal')) {
    if ((await strapi.db.query(uid as UID.ContentType).count({})) > 0) {
      hasContent = true;
      break;
    }
  }
  return { done, started, hasContent };
}

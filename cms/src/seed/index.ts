/**
 * Fills the CMS with the demo portal. Idempotent: every item is looked up by its slug (or URL)
 * and created only when missing; the run is marked done in the core store only after every
 * step succeeded, so an interrupted seed simply resumes. The steps: news.ts (illustrations,
 * categories and articles, drafts, generated articles) and portal.ts (settings, announcements,
 * links, pages, comments), writing through store.ts.
 */
import type { Core } from '@strapi/strapi';
import { CATEGORIES } from './demo-content';
import { seedCategoriesAndArticles, seedDrafts, seedGeneratedArticles, seedIllustrations } from './news';
import { seedAnnouncements, seedComments, seedLinks, seedPages, seedSettings } from './portal';
import { silenceWebhooks } from './store';
import { DEMO_DOCUMENT_COUNT, seedDocuments } from './documents';
import { seedOrganisation } from './organisation';
import { seedSchedule } from './schedule';
import { seedQuestions } from './questions';
import { seedDisclosures } from './disclosures';
import { seedMap } from './map';
import { seedDossierReports, seedProcedures } from './procedures';
import { SEED_STARTED } from './when';
import { seedDemoPortals } from './portals';

/** Bump when the demo content changes so existing installs top up. */
export const SEED_VERSION = 3;
const MARKER = { type: 'core', name: 'cong', key: 'seed' } as const;

export interface SeedOptions {
  /** Total published articles wanted; beyond the demo's own, generated ones are added. */
  articles?: number;
  /** Total published documents (văn bản) wanted; beyond the demo's own, generated ones are added. */
  documents?: number;
  /** Keep webhooks quiet while seeding (one build afterwards instead of one per entry). */
  quiet?: boolean;
  log?: (message: string) => void;
  /** The seed's "today"; dates of the demo are spread before it. */
  now?: Date;
  /** Also the demo's other portals: the province Lam Giang and the commune Phú Lâm (seed/portals.ts). */
  portals?: boolean;
}

/** How many items of each kind a run created. */
export type SeedCounts = Record<
  | 'categories' | 'articles' | 'drafts' | 'announcements' | 'links' | 'pages' | 'media' | 'settings' | 'comments' | 'documents' | 'units' | 'officials' | 'weeks'
  | 'disclosures' | 'procedures' | 'dossierReports' | 'questions' | 'places' | 'portals',
  number
>;

export interface SeedReport {
  skipped: boolean;
  created: SeedCounts;
  seconds: number;
}

interface Marker {
  version: number;
  articles: number;
  /** Documents wanted by that run (absent: a run before documents existed). */
  documents?: number;
  /** Whether that run made the demo's other portals. */
  portals?: boolean;
  completedAt: string;
}

/** Number of published articles the demo content has by itself. */
export const DEMO_ARTICLE_COUNT = CATEGORIES.reduce((n, c) => n + c.articles.length, 0);

/** Fills the demo portal; see the module comment. */
export async function seedDemoContent(strapi: Core.Strapi, options: SeedOptions = {}): Promise<SeedReport> {
  const started = Date.now();
  const log = options.log ?? ((m: string) => strapi.log.info(`[seed] ${m}`));
  const now = options.now ?? new Date();
  const wanted = Math.max(options.articles ?? DEMO_ARTICLE_COUNT, DEMO_ARTICLE_COUNT);
  const wantedDocuments = Math.max(options.documents ?? DEMO_DOCUMENT_COUNT, DEMO_DOCUMENT_COUNT);
  const created: SeedCounts = { categories: 0, articles: 0, drafts: 0, announcements: 0, links: 0, pages: 0, media: 0, settings: 0, comments: 0, documents: 0, units: 0, officials: 0, weeks: 0, disclosures: 0, procedures: 0, dossierReports: 0, questions: 0, places: 0, portals: 0 };

  const marker = (await strapi.store.get(MARKER)) as Marker | null;
  const portals = options.portals ?? false;
  if (marker && marker.version >= SEED_VERSION && marker.articles >= wanted && (marker.documents ?? 0) >= wantedDocuments && (marker.portals ?? false) >= portals) {
    log(`already done (${marker.completedAt}); nothing to do`);
    return { skipped: true, created, seconds: (Date.now() - started) / 1000 };
  }
  // A start that finds this without the completed marker finishes the demo (seed/when.ts).
  await strapi.store.set({ ...SEED_STARTED, value: { startedAt: new Date().toISOString() } });
  const restoreWebhooks = options.quiet === false ? () => {} : await silenceWebhooks(strapi);
  try {
    return await fill(strapi, { log, now, wanted, wantedDocuments, created, started, portals: portals || (marker?.portals ?? false) });
  } finally {
    restoreWebhooks();
  }
}

interface FillContext {
  log: (message: string) => void;
  now: Date;
  wanted: number;
  wantedDocuments: number;
  created: SeedCounts;
  started: number;
  portals: boolean;
}

async function fill(strapi: Core.Strapi, { log, now, wanted, wantedDocuments, created, started, portals }: FillContext): Promise<SeedReport> {
  await seedSettings(strapi, created);
  const images = await seedIllustrations(strapi, created);
  const categoryIds = await seedCategoriesAndArticles(strapi, images, now, created);
  log(`categories and demo articles ready (${created.articles} new)`);
  await seedDrafts(strapi, images, categoryIds, created);
  await seedAnnouncements(strapi, now, created);
  await seedLinks(strapi, created);
  await seedPages(strapi, created);
  await seedComments(strapi, now, created);
  log(`announcements, links, pages and comments ready`);
  await seedOrganisation(strapi, created);
  await seedSchedule(strapi, now, created);
  await seedDocuments(strapi, now, wantedDocuments, created, log);
  log(`organisation, work schedule and documents ready`);
  await seedQuestions(strapi, now, created);
  log(`questions and answers ready`);
  await seedDisclosures(strapi, now, created);
  await seedMap(strapi, created);
  log(`disclosures and map ready`);
  await seedProcedures(strapi, created);
  await seedDossierReports(strapi, now, created);
  log(`procedures and dossier figures ready`);
  await seedGeneratedArticles(strapi, wanted, images, categoryIds, created, log);
  if (portals) {
    await seedDemoPortals(strapi, now, created);
    log('the province Lam Giang and the commune Phú Lâm ready');
  }

  await strapi.store.set({ ...MARKER, value: { version: SEED_VERSION, articles: wanted, documents: wantedDocuments, portals, completedAt: new Date().toISOString() } satisfies Marker });
  const seconds = (Date.now() - started) / 1000;
  log(`done in ${seconds.toFixed(1)} s: ${JSON.stringify(created)}`);
  return { skipped: false, created, seconds };
}

/** Demo work schedule: the leaders' weeks around the seed's "today". */
import type { Core } from '@strapi/strapi';
import type { SeedCounts } from './index';

/** The weeks of the demo's work schedule. */
export async function seedSchedule(_strapi: Core.Strapi, _now: Date, _created: SeedCounts): Promise<void> {}

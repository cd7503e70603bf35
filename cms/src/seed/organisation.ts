/** Demo organisation: units in their hierarchy and officials. */
import type { Core } from '@strapi/strapi';
import type { SeedCounts } from './index';

/** Units and officials of the demo portal. */
export async function seedOrganisation(_strapi: Core.Strapi, _created: SeedCounts): Promise<void> {}

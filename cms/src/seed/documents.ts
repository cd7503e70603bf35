/** Demo documents (văn bản): kinds, sectors and the documents of the demo portal. */
import type { Core } from '@strapi/strapi';
import type { SeedCounts } from './index';

/** Published documents the demo has by itself. */
export const DEMO_DOCUMENT_COUNT = 0;

/** Document kinds, sectors and documents; generated ones up to `wanted` in all. */
export async function seedDocuments(_strapi: Core.Strapi, _now: Date, _wanted: number, _created: SeedCounts, _log: (m: string) => void): Promise<void> {}

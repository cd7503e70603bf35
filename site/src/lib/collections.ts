/**
 * The site's collections and the loader that syncs each from the CMS into the content store
 * (store.ts); content.ts reads them for the pages.
 */
import {
  announcement, article, category, comment, disclosure, documentKind, dossierReport, legalDocument, link, official, page, place, procedure, portal, question, sector, unit, workWeek,
} from '@cong/content-types';
import { cmsLoader } from './cms-loader';
import { portalFilters } from './site-env';
import { complianceLoader } from './compliance-loader';
import type { StoreLoader } from './store';
import { sharedNewsLoader } from './shared-news';
import {
  ANNOUNCEMENT_POPULATE, ARTICLE_POPULATE, DISCLOSURE_POPULATE, LEGAL_DOCUMENT_POPULATE, OFFICIAL_POPULATE, SECTOR_POPULATE, SETTINGS_POPULATE, UNIT_POPULATE, WORK_WEEK_POPULATE,
  toAnnouncementRecord, toArticleRecord, toCategoryRecord, toCommentRecord, toDisclosureRecord, toDossierReportRecord, toLegalDocumentRecord, toLinkRecord, toListingRecord,
  toOfficialRecord, toPageRecord, toPlaceRecord, toProcedureRecord, toQuestionRecord, toSettingsRecord, toUnitRecord, toWorkWeekRecord,
} from './records';

export const collections: Record<string, StoreLoader> = {
  articles: cmsLoader({ type: article, populate: ARTICLE_POPULATE, toData: toArticleRecord, bodyField: 'body' }),
  announcements: cmsLoader({ type: announcement, populate: ANNOUNCEMENT_POPULATE, toData: toAnnouncementRecord, bodyField: 'body' }),
  categories: cmsLoader({ type: category, toData: toCategoryRecord }),
  links: cmsLoader({ type: link, toData: toLinkRecord }),
  pages: cmsLoader({ type: page, toData: toPageRecord, bodyField: 'body' }),
  comments: cmsLoader({ type: comment, populate: { 'populate[article][fields][0]': 'slug', 'populate[article][fields][1]': 'title' }, toData: toCommentRecord }),
  documents: cmsLoader({ type: legalDocument, populate: LEGAL_DOCUMENT_POPULATE, toData: toLegalDocumentRecord }),
  documentKinds: cmsLoader({ type: documentKind, toData: toListingRecord }),
  sectors: cmsLoader({ type: sector, toData: toListingRecord }),
  units: cmsLoader({ type: unit, populate: UNIT_POPULATE, toData: toUnitRecord }),
  officials: cmsLoader({ type: official, populate: OFFICIAL_POPULATE, toData: toOfficialRecord }),
  workWeeks: cmsLoader({ type: workWeek, populate: WORK_WEEK_POPULATE, toData: toWorkWeekRecord }),
  disclosures: cmsLoader({ type: disclosure, populate: DISCLOSURE_POPULATE, toData: toDisclosureRecord, bodyField: 'body' }),
  procedures: cmsLoader({ type: procedure, populate: SECTOR_POPULATE, toData: toProcedureRecord, bodyField: 'body' }),
  dossierReports: cmsLoader({ type: dossierReport, toData: toDossierReportRecord }),
  questions: cmsLoader({ type: question, populate: SECTOR_POPULATE, toData: toQuestionRecord, bodyField: 'answer' }),
  places: cmsLoader({ type: place, toData: toPlaceRecord }),
  compliance: complianceLoader(),
  // "Tin từ cơ sở": what this portal's child portals share (a province's communes), newest first.
  sharedNews: sharedNewsLoader(),
  // The portal this build is for (SITE_PORTAL), else every portal the token reads: getSettings() takes the oldest.
  settings: cmsLoader({ type: portal, populate: SETTINGS_POPULATE, toData: toSettingsRecord, filters: portalFilters }),
};

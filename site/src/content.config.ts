import { defineCollection } from 'astro:content';
import {
  announcement, article, category, comment, disclosure, documentKind, dossierReport, legalDocument, link, official, page, place, procedure, portal, question, sector, unit, workWeek,
} from '@cong/content-types';
import { cmsLoader } from './lib/cms-loader';
import { portalFilters } from './lib/site-env';
import { complianceLoader } from './lib/compliance-loader';
import { sharedNewsLoader } from './lib/shared-news';
import {
  ANNOUNCEMENT_POPULATE, ARTICLE_POPULATE, DISCLOSURE_POPULATE, LEGAL_DOCUMENT_POPULATE, OFFICIAL_POPULATE, SECTOR_POPULATE, SETTINGS_POPULATE, UNIT_POPULATE, WORK_WEEK_POPULATE,
  toAnnouncementRecord, toArticleRecord, toCategoryRecord, toCommentRecord, toDisclosureRecord, toDossierReportRecord, toLegalDocumentRecord, toLinkRecord, toListingRecord,
  toOfficialRecord, toPageRecord, toPlaceRecord, toProcedureRecord, toQuestionRecord, toSettingsRecord, toUnitRecord, toWorkWeekRecord,
} from './lib/records';

export const collections = {
  articles: defineCollection({
    loader: cmsLoader({ type: article, populate: ARTICLE_POPULATE, toData: toArticleRecord, bodyField: 'body' }),
  }),
  announcements: defineCollection({
    loader: cmsLoader({ type: announcement, populate: ANNOUNCEMENT_POPULATE, toData: toAnnouncementRecord, bodyField: 'body' }),
  }),
  categories: defineCollection({ loader: cmsLoader({ type: category, toData: toCategoryRecord }) }),
  links: defineCollection({ loader: cmsLoader({ type: link, toData: toLinkRecord }) }),
  pages: defineCollection({ loader: cmsLoader({ type: page, toData: toPageRecord, bodyField: 'body' }) }),
  comments: defineCollection({ loader: cmsLoader({ type: comment, populate: { 'populate[article][fields][0]': 'slug', 'populate[article][fields][1]': 'title' }, toData: toCommentRecord }) }),
  documents: defineCollection({ loader: cmsLoader({ type: legalDocument, populate: LEGAL_DOCUMENT_POPULATE, toData: toLegalDocumentRecord }) }),
  documentKinds: defineCollection({ loader: cmsLoader({ type: documentKind, toData: toListingRecord }) }),
  sectors: defineCollection({ loader: cmsLoader({ type: sector, toData: toListingRecord }) }),
  units: defineCollection({ loader: cmsLoader({ type: unit, populate: UNIT_POPULATE, toData: toUnitRecord }) }),
  officials: defineCollection({ loader: cmsLoader({ type: official, populate: OFFICIAL_POPULATE, toData: toOfficialRecord }) }),
  workWeeks: defineCollection({ loader: cmsLoader({ type: workWeek, populate: WORK_WEEK_POPULATE, toData: toWorkWeekRecord }) }),
  disclosures: defineCollection({ loader: cmsLoader({ type: disclosure, populate: DISCLOSURE_POPULATE, toData: toDisclosureRecord, bodyField: 'body' }) }),
  procedures: defineCollection({ loader: cmsLoader({ type: procedure, populate: SECTOR_POPULATE, toData: toProcedureRecord, bodyField: 'body' }) }),
  dossierReports: defineCollection({ loader: cmsLoader({ type: dossierReport, toData: toDossierReportRecord }) }),
  questions: defineCollection({ loader: cmsLoader({ type: question, populate: SECTOR_POPULATE, toData: toQuestionRecord, bodyField: 'answer' }) }),
  places: defineCollection({ loader: cmsLoader({ type: place, toData: toPlaceRecord }) }),
  compliance: defineCollection({ loader: complianceLoader() }),
  // "Tin từ cơ sở": what this portal's child portals share (a province's communes), newest first.
  sharedNews: defineCollection({ loader: sharedNewsLoader() }),
  // The portal this build is for (SITE_PORTAL), else every portal the token reads: getSettings() takes the oldest.
  settings: defineCollection({ loader: cmsLoader({ type: portal, populate: SETTINGS_POPULATE, toData: toSettingsRecord, filters: portalFilters }) }),
};

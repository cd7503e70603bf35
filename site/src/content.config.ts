import { defineCollection } from 'astro:content';
import { announcement, article, category, comment, documentKind, legalDocument, link, official, page, sector, siteSetting, unit, workWeek } from '@cong/content-types';
import { cmsLoader } from './lib/cms-loader';
import {
  ANNOUNCEMENT_POPULATE, ARTICLE_POPULATE, LEGAL_DOCUMENT_POPULATE, OFFICIAL_POPULATE, UNIT_POPULATE, WORK_WEEK_POPULATE, toAnnouncementRecord, toArticleRecord, toCategoryRecord,
  toCommentRecord, toLegalDocumentRecord, toLinkRecord, toListingRecord, toOfficialRecord, toPageRecord, toSettingsRecord, toUnitRecord, toWorkWeekRecord,
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
  settings: defineCollection({ loader: cmsLoader({ type: siteSetting, populate: { 'populate[mainMenu]': 'true', 'populate[serviceLinks]': 'true', 'populate[emblem]': 'true' }, toData: toSettingsRecord }) }),
};

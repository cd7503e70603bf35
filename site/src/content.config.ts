import { defineCollection } from 'astro:content';
import { announcement, article, category, comment, link, page, siteSetting } from '@cong/content-types';
import { cmsLoader } from './lib/cms-loader';
import { ANNOUNCEMENT_POPULATE, ARTICLE_POPULATE, toAnnouncementRecord, toArticleRecord, toCategoryRecord, toCommentRecord, toLinkRecord, toPageRecord, toSettingsRecord } from './lib/records';

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
  settings: defineCollection({ loader: cmsLoader({ type: siteSetting, populate: { 'populate[mainMenu]': 'true', 'populate[serviceLinks]': 'true', 'populate[emblem]': 'true' }, toData: toSettingsRecord }) }),
};

// Generated from content-types/ by `npm run generate`: do not edit.
import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::portal.portal');

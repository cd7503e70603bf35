// Generated from content-types/ by `npm run generate`: do not edit.
import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::place.place', {
  config: {
    find: { middlewares: ['global::published-only'] },
    findOne: { middlewares: ['global::published-only'] },
    create: { middlewares: ['global::published-only'] },
    update: { middlewares: ['global::published-only'] },
    delete: { middlewares: ['global::published-only'] },
  },
});

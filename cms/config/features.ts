/**
 * Strapi's future flags (https://docs.strapi.io/cms/configurations/features).
 *
 * `experimental_firstPublishedAt`: every draft-and-publish type gets `firstPublishedAt`, set once
 * when an entry is first published and kept by every later publish (Strapi 5 sets `publishedAt`
 * anew on each publish, so correcting a typo in an old article made it the newest: it moved to the
 * top of every list, shifted every archive page between, and showed today's date). The portal
 * dates and orders its entries by it (site/src/lib/records.ts); Strapi's own migration fills it
 * from `publishedAt` for entries published before it was turned on.
 */
export default {
  future: {
    experimental_firstPublishedAt: true,
  },
};

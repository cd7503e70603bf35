import { formats, winston } from '@strapi/logger';
import { loadEnvironment, strapiLogLevel } from '../src/lib/environment';

/**
 * Strapi announces the `experimental_firstPublishedAt` future flag (config/features.ts) with one
 * warning per content type at every start: twenty lines an operator would take for a problem.
 * The flag is documented where it is turned on; its announcement is left out of the log.
 */
const withoutFlagAnnouncements = winston.format((info) =>
  typeof info.message === 'string' && info.message.startsWith('Experimental feature enabled: firstPublishedAt on ') ? false : info,
);

/** Strapi's log level: "info" by default, no line per request (CMS_LOG_LEVEL=http for those). */
const config = () => ({
  level: strapiLogLevel(loadEnvironment()),
  // Strapi's own format and transport (@strapi/logger's default configuration), with the filter in front.
  format: winston.format.combine(withoutFlagAnnouncements(), formats.prettyPrint()),
  transports: [new winston.transports.Console()],
});

export default config;

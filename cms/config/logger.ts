import { loadEnvironment, strapiLogLevel } from '../src/lib/environment';

/** Strapi's log level: "info" by default, no line per request (CMS_LOG_LEVEL=http for those). */
const config = () => ({ level: strapiLogLevel(loadEnvironment()) });

export default config;

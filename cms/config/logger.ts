import { loadEnvironment } from '../src/lib/environment';

/** Strapi's log level: every request ("http") by default, warnings only inside the tests. */
const config = () => {
  const env = loadEnvironment();
  return { level: env.CMS_LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'http') };
};

export default config;

import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { loadEnvironment } from '../src/lib/environment';

function pgParts(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.slice(1)),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
}

/** SQLite in the data folder by default; PostgreSQL when DATABASE_URL is set. */
const config = (): Core.Config.Database => {
  const env = loadEnvironment();
  if (env.DATABASE_URL) {
    return {
      connection: {
        client: 'postgres' as const,
        connection: {
          // host/database come from the URL; Strapi's typings want them spelled out
          ...pgParts(env.DATABASE_URL),
          connectionString: env.DATABASE_URL,
          ssl: env.DATABASE_SSL ? { rejectUnauthorized: true } : false,
        },
        pool: { min: 0, max: env.DATABASE_POOL_MAX },
        acquireConnectionTimeout: 20000,
      },
    };
  }
  return {
    connection: {
      client: 'sqlite',
      // path.resolve, not join: the data folder may be absolute (tests use a temp folder).
      connection: { filename: path.resolve(env.dataDir, 'cms.db') },
      useNullAsDefault: true,
    },
  };
};

export default config;

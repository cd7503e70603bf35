import type { Core } from '@strapi/strapi';
import { loadEnvironment } from '../src/lib/environment';

/**
 * Strapi's stock middlewares, with CORS closed: Strapi's default reflects any Origin with
 * credentials. Only the admin's own origin and CORS_ORIGINS get CORS headers; a page on any
 * other site cannot call the admin or the API from a browser with the editor's session.
 */
const config = (): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  { name: 'strapi::cors', config: { origin: loadEnvironment().corsOrigins, credentials: true } },
  'strapi::poweredBy',
  'strapi::query',
  // The admin's "Nhập từ tệp CSV" posts a file of up to 4 MB as JSON (koa-body's default is 1 MB).
  { name: 'strapi::body', config: { jsonLimit: '6mb' } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;

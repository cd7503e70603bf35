// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

const site = (process.env.SITE_URL || 'http://127.0.0.1:4321').replace(/\/+$/, '');

export default defineConfig({
  site,
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  server: { host: '127.0.0.1', port: Number(process.env.SITE_PORT || 4321) },
  devToolbar: { enabled: false },
  i18n: undefined,
});

/**
 * What a build leaves for the publisher's fast path in `<release>/renderer/` (written by
 * src/integrations/renderer.ts, read by scripts/publisher/fast/): shared here so both sides agree.
 */
import { siteCmsUrl } from './site-env';

/** Changes when the files' shape changes: a release with another format is rebuilt in full. */
export const RENDERER_FORMAT = 1;

/** The settings baked into a build that shape every page: a change needs a full build. */
export interface RendererSettings {
  siteUrl: string;
  portal: string;
  cmsUrl: string;
}

/** `renderer/renderer.json`. */
export interface RendererFile {
  format: number;
  /** The prerender bundle's entry file in `renderer/bundle/`. */
  entry: string;
  /** siteCodeHash() of the code the bundle was built from. */
  code: string;
  settings: RendererSettings;
  /** Astro's build internals the app reads while rendering: each page's styles (by Astro's page key) and the bundled scripts. */
  pages: Array<[string, { styles: unknown[] }]>;
  entries: Array<[string, string]>;
  scripts: unknown[];
}

/** One page of `renderer/pages.json`: its pathname, its route's component and its cache key (null: none, rendered every time). */
export type PageRecordEntry = [pathname: string, component: string, cacheKey: string | null];

/** This process's settings, as a build records them. */
export function rendererSettings(env: NodeJS.ProcessEnv): RendererSettings {
  return { siteUrl: (env.SITE_URL || 'http://127.0.0.1:4321').replace(/\/+$/, ''), portal: env.SITE_PORTAL ?? '', cmsUrl: siteCmsUrl(env) };
}

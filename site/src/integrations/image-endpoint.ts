/**
 * The node adapter adds Astro's image endpoint (/_image) to every server build. There it would
 * resize and re-encode any picture of the release or of the CMS at whatever size, quality and
 * format a request names, on this server's CPU: one request per second of AVIF at 2400 px keeps a
 * core busy. Every picture of the portal is made at build time (src/lib/images.ts), so a build's
 * endpoint answers 404 (src/endpoints/image.ts); `astro dev` keeps Astro's own, which serves
 * pictures there. Listed after the adapter, so its choice is the one that stays.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function closedImageEndpoint(): AstroIntegration {
  return {
    name: 'cong-image-endpoint',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({ image: { endpoint: { route: '/_image', entrypoint: fileURLToPath(new URL('../endpoints/image.ts', import.meta.url)) } } });
      },
    },
  };
}

/**
 * Names the Node.js the site build runs on in its output (the publisher logs it), so a build that
 * fell back to an older system Node is seen, not guessed.
 */
import type { AstroIntegration } from 'astro';

export function runtimeReport(): AstroIntegration {
  return {
    name: 'cong-runtime',
    hooks: {
      'astro:build:start': ({ logger }) => {
        logger.info(`astro build on Node.js ${process.version}`);
      },
    },
  };
}

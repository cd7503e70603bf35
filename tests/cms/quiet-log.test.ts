/**
 * Strapi's internal migration steps (about 30 info lines on a new database) go to debug, so a
 * first start's log shows what Cổng did (issue 11, item 4); everything else stays at info.
 */
import { expect, test } from 'vitest';
import type { Core } from '@strapi/strapi';
import { demoteMigrationSteps } from '../../cms/src/lib/quiet-log';

test('migration steps are logged at debug, the rest at info', () => {
  const lines: Array<[string, unknown]> = [];
  const log = { info: (m: unknown) => lines.push(['info', m]), debug: (m: unknown) => lines.push(['debug', m]) };
  demoteMigrationSteps(log as unknown as Core.Strapi['log']);
  // As @strapi/database logs them: an object with the message.
  log.info({ level: 'info', message: '[internal migration]: migrating 5.0.0-02-created-document-id', timestamp: 1 });
  log.info('[discard-drafts] Stage 1/5 – cloning published entries into draft rows');
  log.info('[seed] done in 4.9 s');
  expect(lines).toEqual([
    ['debug', '[internal migration]: migrating 5.0.0-02-created-document-id'],
    ['debug', '[discard-drafts] Stage 1/5 – cloning published entries into draft rows'],
    ['info', '[seed] done in 4.9 s'],
  ]);
});

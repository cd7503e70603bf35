/** PUBLISH_CONCURRENCY (issue 14): builds at once across portals; one per core unless told; checked. */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePublisherEnvironment, publisherConfig } from '../../scripts/publisher/config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'cong-concurrency-'));
const parse = (extra: Record<string, string>) => parsePublisherEnvironment({ WEBHOOK_SECRET: 'w'.repeat(32), PREVIEW_SECRET: 'p'.repeat(32), ...extra }, '/tmp', dataDir(), false);

describe('PUBLISH_CONCURRENCY', () => {
  test('defaults to the number of cores and reaches the publisher', () => {
    const env = parse({});
    expect(env.PUBLISH_CONCURRENCY).toBe(availableParallelism());
    expect(publisherConfig(parse({ PUBLISH_CONCURRENCY: '3' }), { cmsUrl: 'http://127.0.0.1:1337', token: 't'.repeat(20), siteUrl: 'http://127.0.0.1:4321' }, () => undefined).concurrency).toBe(3);
  });

  test.each(['0', '-1', '1.5', 'hai'])('refuses %s with an English message naming the variable', (value) => {
    expect(() => parse({ PUBLISH_CONCURRENCY: value })).toThrow(/PUBLISH_CONCURRENCY must be (at least 1|a whole number)/);
  });
});

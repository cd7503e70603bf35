/** The heap `astro build` and the fast path's worker may use (scripts/lib/site.ts; 50,000 articles ran out of Node's default). */
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { astroBuildArgs, astroHeapMb } from '../../scripts/lib/site';

describe('the build heap', () => {
  test("half the machine's memory when that is more than Node's default, and never less than the default", () => {
    const heap = astroHeapMb({})!;
    expect(heap).toBeGreaterThanOrEqual(Math.floor(totalmem() / 2 ** 20 / 2));
    expect(heap).toBeGreaterThanOrEqual(Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20));
  });

  test("an operator's own --max-old-space-size in NODE_OPTIONS is kept: no flag of ours", () => {
    expect(astroHeapMb({ NODE_OPTIONS: '--max-old-space-size=2048' })).toBeNull();
    const saved = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = '--max-old-space-size=2048';
    try {
      expect(astroBuildArgs().some((a) => a.startsWith('--max-old-space-size'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
    }
    // Without one (as here, unless the runner sets it): ours comes first, before astro's CLI.
    expect(astroBuildArgs()[0] === `--max-old-space-size=${astroHeapMb()}`).toBe(astroHeapMb() !== null);
  });
});

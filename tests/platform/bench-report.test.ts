/**
 * The benchmark's report helpers (scripts/bench/report.ts, issue 15's table): median and worst,
 * the per-step share of one publish, the paths a series of publishes took, and the figures read
 * from what `astro build` prints.
 */
import { describe, expect, test } from 'vitest';
import { describeBuild, median, parseBuildOutput, pathSummary, publishParts, stepShares, worst } from '../../scripts/bench/report.ts';

describe('median and worst', () => {
  test('odd and even counts, unsorted input left as it was', () => {
    const values = [4.2, 1.1, 9.9, 3.3, 2.2];
    expect(median(values)).toBe(3.3);
    expect(worst(values)).toBe(9.9);
    expect(values).toEqual([4.2, 1.1, 9.9, 3.3, 2.2]);
    expect(median([1, 2, 3, 10])).toBe(3);
  });

  test('no values is an error, not NaN', () => {
    expect(() => median([])).toThrow('median of no values');
    expect(() => worst([])).toThrow('worst of no values');
  });
});

describe('stepShares', () => {
  test('each part in order as a whole percentage, the uncovered rest as other', () => {
    expect(stepShares(4000, [['wait', 1000], ['sync', 480], ['render', 1200], ['search', 800]])).toBe('wait 25%, sync 12%, render 30%, search 20%, other 13%');
  });

  test('parts under 0.5% and an other under 1% are left out', () => {
    expect(stepShares(10_000, [['wait', 2000], ['activate', 1], ['render', 7990]])).toBe('wait 20%, render 80%');
  });

  test('a part longer than the total (two clocks) never makes other negative', () => {
    expect(stepShares(1000, [['wait', 300], ['render', 800]])).toBe('wait 30%, render 80%');
    expect(stepShares(1000, [['wait', -5], ['render', 1000]])).toBe('render 100%');
  });

  test('no time', () => {
    expect(stepShares(0, [['render', 10]])).toBe('no time measured');
  });
});

describe('publishParts', () => {
  test('the wait, the steps up to the switch in their order, and the build time outside them; prune (after the switch) left out', () => {
    const parts = publishParts(900, { seconds: 4, steps: { fingerprint: 200, sync: 500, render: 1000, activate: 1, prune: 600 } });
    expect(parts).toEqual([
      ['wait (publish request, webhook, quiet period)', 900],
      ['fingerprint', 200], ['sync', 500], ['render', 1000], ['activate', 1],
      ['no step (process start)', 1699],
    ]);
    expect(stepShares(5000, parts)).toBe('wait (publish request, webhook, quiet period) 18%, fingerprint 4%, sync 10%, render 20%, no step (process start) 34%, other 14%');
  });

  test('a build without an activate step keeps all its steps, and none is negative', () => {
    expect(publishParts(100, { seconds: 1, steps: { build: 1200 } })).toEqual([['wait (publish request, webhook, quiet period)', 100], ['build', 1200]]);
  });
});

describe('pathSummary', () => {
  test('counts by path in order of first use, with the reasons of the non-fast ones', () => {
    expect(pathSummary([
      { path: 'fast', why: 'only the pages whose content changed were rendered' },
      { path: 'full', why: 'too many pages change (2,400 > 2,000)' },
      { path: 'fast', why: 'only the pages whose content changed were rendered' },
      { path: 'full', why: 'too many pages change (2,400 > 2,000)' },
      { path: null, why: null },
    ])).toBe('fast ×2, full ×2 (too many pages change (2,400 > 2,000)), unknown ×1');
  });
});

const astroOutput = `19:23:49 [cong-cms-article] articles: 42 published, 0 fetched, 0 removed, 42 unchanged (156 ms)
19:23:49 [cong-content] content synced in 420 ms
19:23:49 [build] Collecting build info...
19:23:49 [build] \u001b[32m✓ Completed in 574ms.\u001b[39m
19:23:49 [build] Building server entrypoints...
19:23:50 [vite] ✓ built in 1.01s

 prerendering static routes 
19:23:51   ├─ /404.html (+18ms) 
19:23:51   ├─ /ban-do/index.html (+13ms) 
19:23:52   ├─ /van-ban/45-kh-ubnd/index.html (restored)
19:23:52   ├─ /van-ban/05-kh-ubnd/index.html (restored)
19:23:52   ├─ /index.html (+7ms) 
19:23:52 ✓ Completed in 1.29s.

19:23:52 [build] Rearranging server assets...
19:23:52 [build] ✓ Completed in 2.95s.
19:23:55 [cong-search-index] search: 233 pages indexed in 431 ms
19:23:55 [build] Complete!`;

describe('parseBuildOutput', () => {
  test('content sync, the prerendering list and its own Completed line, Pagefind', () => {
    const figures = parseBuildOutput(astroOutput);
    expect(figures).toEqual({ contentSyncMs: 420, prerenderMs: 1290, rendered: 3, restored: 2, searchMs: 431, searchPages: 233 });
    expect(describeBuild(figures)).toBe('content sync 0.4 s, prerendering 1.3 s (3 pages rendered, 2 restored from the cache), Pagefind 0.4 s (233 pages)');
  });

  test('an output that says none of it', () => {
    const figures = parseBuildOutput('[build] Complete!\n[build] ✓ Completed in 2.95s.');
    expect(figures).toEqual({ rendered: 0, restored: 0 });
    expect(describeBuild(figures)).toBe('');
  });
});

/**
 * The many-portals benchmark's pure parts (scripts/bench/portals.ts): its options refuse bad
 * values with an English message naming the option, its plan of portals is one province and
 * communes under it with unique codes and host names, and the memory it reports counts the
 * child processes (builds, the CMS) of the bench.
 */
import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { SLUG_PATTERN } from '../../content-types/src/slug.ts';
import { benchPortalPlan, DEFAULT_ARTICLES_PER_PORTAL, parsePortalOptions, treeRssMb } from '../../scripts/bench/portals.ts';

describe('npm run bench -- --portals P --articles-per-portal A', () => {
  test('valid values, and the default number of articles', () => {
    expect(parsePortalOptions({})).toBeUndefined();
    expect(parsePortalOptions({ portals: '100', 'articles-per-portal': '200' })).toEqual({ portals: 100, articlesPerPortal: 200 });
    expect(parsePortalOptions({ portals: '3' })).toEqual({ portals: 3, articlesPerPortal: DEFAULT_ARTICLES_PER_PORTAL });
  });

  test.each([
    [{ portals: '2' }, /^--portals must be a whole number from 3 .* \(got "2"\)$/],
    [{ portals: '1001' }, /^--portals must be .* to 1000 \(got "1001"\)$/],
    [{ portals: '4.5' }, /^--portals must be a whole number/],
    [{ portals: 'many' }, /^--portals must be a whole number/],
    [{ portals: '' }, /^--portals must be a whole number/],
    [{ portals: '-4' }, /^--portals must be a whole number/],
    [{ portals: '10', 'articles-per-portal': '0' }, /^--articles-per-portal must be a whole number from 1 to 100000 \(got "0"\)$/],
    [{ portals: '10', 'articles-per-portal': '1e3' }, /^--articles-per-portal must be a whole number/],
    [{ portals: '10', 'articles-per-portal': '100001' }, /^--articles-per-portal must be a whole number/],
    [{ 'articles-per-portal': '50' }, /^--articles-per-portal needs --portals P/],
  ])('refuses %j', (values, message) => {
    expect(parsePortalOptions(values)).toMatch(message);
  });

  test('the plan: a province first, then communes under it, codes and host names unique', () => {
    const plan = benchPortalPlan(100);
    expect(plan).toHaveLength(99);
    expect(plan[0]).toMatchObject({ parent: null, code: 'lam-giang' });
    for (const portal of plan.slice(1)) {
      expect(portal.parent).toBe('lam-giang');
      expect(portal.name).toMatch(/^Ủy ban nhân dân xã \p{L}/u);
    }
    expect(new Set(plan.map((p) => p.code)).size).toBe(99);
    expect(new Set(plan.map((p) => p.domain)).size).toBe(99);
    for (const portal of plan) {
      expect(portal.code).toMatch(SLUG_PATTERN);
      expect(portal.domain).toBe(`${portal.code}.localhost`);
    }
    expect(plan.some((p) => p.name === 'Ủy ban nhân dân xã Đông Sơn 2' && p.code === 'xa-dong-son-2')).toBe(true);
  });

  test("the process tree's memory counts a child's", async () => {
    const before = treeRssMb(process.pid);
    const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(200 * 1024 * 1024, 1); console.log("ready"); setInterval(() => b[0]++, 1000);'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        child.on('exit', (code) => reject(new Error(`the child exited with ${code}`)));
      });
      expect(treeRssMb(process.pid) - before).toBeGreaterThan(150);
    } finally {
      child.kill();
    }
  });
});

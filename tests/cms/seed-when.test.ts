/**
 * When the CMS fills the demo portal by itself (cms/src/seed/when.ts): `npm start` asks, and only
 * a new database outside production gets it, or one whose demo seed an earlier start began.
 */
import { describe, expect, test } from 'vitest';
import { decideDemoSeed, type SeedState } from '../../cms/src/seed/when';

const fresh: SeedState = { done: false, started: false, hasContent: false };

describe('decideDemoSeed', () => {
  test('a new database gets the demo when npm start asks', () => {
    expect(decideDemoSeed(true, false, fresh)).toMatchObject({ seed: true, reason: 'new database' });
  });

  test('never in production, never when not asked', () => {
    expect(decideDemoSeed(true, true, fresh).seed).toBe(false);
    expect(decideDemoSeed(false, false, fresh).seed).toBe(false);
  });

  test('a database that holds content is never mixed with the demo, and says why', () => {
    const decision = decideDemoSeed(true, false, { ...fresh, hasContent: true });
    expect(decision).toMatchObject({ seed: false, notable: true });
    expect(decision.reason).toContain('npm run seed');
  });

  test('an interrupted demo seed is finished; a completed one is left quietly', () => {
    expect(decideDemoSeed(true, false, { done: false, started: true, hasContent: true }).seed).toBe(true);
    expect(decideDemoSeed(true, false, { done: true, started: true, hasContent: true })).toMatchObject({ seed: false, notable: false });
  });
});

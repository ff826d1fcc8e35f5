import { describe, expect, it } from 'vitest';
import { backoffDelay, RECONNECT_BACKOFF, REFUSED_BACKOFF } from './backoff.js';

describe('backoffDelay', () => {
  it('grows exponentially from 500 ms and is capped at 30 s', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 7, 20, 1_000].map((a) => backoffDelay(a, RECONNECT_BACKOFF, () => 0.999_999));
    expect(ceilings.slice(0, 7)).toEqual([499, 999, 1_999, 3_999, 7_999, 15_999, 29_999]);
    expect(ceilings.slice(7)).toEqual([29_999, 29_999, 29_999]);
  });

  it('is fully jittered: uniform between 0 and the ceiling', () => {
    const samples = Array.from({ length: 2_000 }, () => backoffDelay(6, RECONNECT_BACKOFF));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThan(30_000);
    expect(new Set(samples).size).toBeGreaterThan(1_500);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    expect(mean).toBeGreaterThan(12_000);
    expect(mean).toBeLessThan(18_000);
    expect(backoffDelay(6, RECONNECT_BACKOFF, () => 0)).toBe(0);
  });

  it('retries a refused agent after at least half the ceiling, capped at 5 minutes', () => {
    expect(backoffDelay(0, REFUSED_BACKOFF, () => 0)).toBe(2_500);
    expect(backoffDelay(50, REFUSED_BACKOFF, () => 0)).toBe(150_000);
    expect(backoffDelay(50, REFUSED_BACKOFF, () => 0.999_999)).toBe(299_999);
  });
});

import { describe, expect, it } from 'vitest';
import { pairedDifference, summarize } from '../experiment/stats.js';
import { boundText, ciText, diffText } from './ci-text.js';

describe('ciText', () => {
  it('prints mean ± half-width with n, or says there is no spread, never ± 0', () => {
    expect(ciText(summarize([1, 2, 3]))).toBe('2 ± 2.48414 (n = 3)');
    expect(ciText(summarize([885.2, 885.2]))).toBe('885.2 (no spread across 2 replications)');
    expect(ciText(summarize([7]))).toBe('7 (n = 1)');
    expect(ciText(summarize([]))).toBe('–');
    for (const values of [[0, 0], [5, 5, 5], [1e-9, 1e-9]]) expect(ciText(summarize(values))).not.toContain('±');
  });
  it('paired differences: identical, no spread (never starred), significant with a star', () => {
    expect(diffText(pairedDifference([1, 2, 3], [1, 2, 3]))).toBe('identical (n = 3)');
    expect(diffText(pairedDifference([9.58, 9.58], [9.4, 9.4]))).toBe('0.18 (no spread across 2 replications)');
    expect(diffText(pairedDifference([10, 20, 30, 40], [9, 19.5, 29, 39.5]))).toMatch(/^0\.75 ± [0-9.]+ \(n = 4\) \*$/);
    expect(diffText(pairedDifference([10, 20, 30, 40], [11, 19, 31, 39]))).toMatch(/^0 ± [0-9.]+ \(n = 4\)$/);
  });
  it('a sizing bound is claimed only with spread', () => {
    expect(boundText({ n: 2, mean: 885.2, sd: 0, bound: NaN })).toBe('mean 885.2, no spread across 2 replications: no bound claimed, verdict from the value itself');
    expect(boundText({ n: 3, mean: 885.2, sd: 10, bound: 902.06 })).toBe('mean 885.2, 95% bound 902.1 over 3 replications');
  });
});

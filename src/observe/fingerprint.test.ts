import { expect, test } from 'vitest';
import { Fingerprint } from './fingerprint.js';

test('equal traces give equal fingerprints; order and values matter', () => {
  const of = (items: Array<number | string>) => {
    const f = new Fingerprint();
    for (const item of items) (typeof item === 'number' ? f.number(item) : f.string(item));
    return f.hex();
  };
  expect(of([1, 'ok', 2.5])).toBe(of([1, 'ok', 2.5]));
  expect(of([1, 'ok', 2.5])).not.toBe(of(['ok', 1, 2.5]));
  expect(of([1, 'ok', 2.5])).not.toBe(of([1, 'ok', 2.500001]));
  expect(of([2 ** 40])).not.toBe(of([0]));
  expect(of([])).toMatch(/^[0-9a-f]{16}$/);
});

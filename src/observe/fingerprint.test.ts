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

test('numberedKey(prefix, n) folds exactly what string(prefix + String(n)) folds', () => {
  for (const n of [0, 5, 10, 123, 4_000_000, 2 ** 33]) {
    const a = new Fingerprint();
    const b = new Fingerprint();
    a.number(1);
    b.number(1);
    a.string(`XCH-3/E2#exit-${n}`);
    b.numberedKey('XCH-3/E2#exit-', n);
    expect(b.hex()).toBe(a.hex());
  }
});

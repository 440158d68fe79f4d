import { expect, test } from 'vitest';
import { FRUIN_CLASSES, fruinQueueingClass } from './fruin.js';

test('Fruin queueing classes at the band edges', () => {
  const cls = (persons: number, area: number) => FRUIN_CLASSES[fruinQueueingClass(persons, area)];
  expect(cls(0, 10)).toBe('A');
  expect(cls(10, 12)).toBe('A'); // 1.2 m²/p
  expect(cls(10, 11.9)).toBe('B');
  expect(cls(10, 7)).toBe('C');
  expect(cls(10, 3)).toBe('D');
  expect(cls(10, 2)).toBe('E');
  expect(cls(10, 1.8)).toBe('F');
});

import { describe, expect, test } from 'vitest';
import { streamFor } from '../random/stream.js';
import { chooseGate } from './gate-choice.js';

const gates = (...loads: number[]) => loads.map((load) => ({ load }));

describe('gate choice', () => {
  const rng = streamFor(1, 0, 'choice');
  test('shortest-queue takes the least loaded gate, ties to the nearest', () => {
    expect(chooseGate('shortest-queue', gates(3, 1, 2, 1), rng, 0.9, -1)).toBe(3);
    expect(chooseGate('shortest-queue', gates(3, 1, 2, 1), rng, 0.3, -1)).toBe(1);
  });
  test('nearest ignores queues; sticky keeps the last lane', () => {
    expect(chooseGate('nearest', gates(9, 0, 0), rng, 0.1, -1)).toBe(0);
    expect(chooseGate('sticky', gates(9, 0, 0), rng, 0.9, 0)).toBe(0);
    expect(chooseGate('sticky', gates(9, 0, 5), rng, 0.9, -1)).toBe(1);
  });
  test('random covers every gate roughly evenly', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[chooseGate('random', gates(0, 0, 0, 0), rng, 0.5, -1)]! += 1;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(120);
  });
});

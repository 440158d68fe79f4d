import { describe, test, expect } from 'vitest';
import {
  bitErrorRateNoncoherentFsk,
  drawAccessDelayNs,
  noiseFloorDbm,
  overlapProbability,
  packetErrorRate,
  pureAlohaThroughput,
  simulatePureAloha,
  simulateSlottedAloha,
  sinrLinear,
  slottedAlohaThroughput,
  type MacParams,
} from './channel.js';
import { streamFor } from '../random/stream.js';
import { us } from '../units.js';

describe('V8 ALOHA throughput (docs/sources.md#f2-5)', () => {
  const table: Array<[number, number, number]> = [
    [0.5, 0.18394, 0.303265],
    [1, 0.135335, 0.367879],
    [2, 0.0366313, 0.270671],
  ];
  test.each(table)('analytic, G = %d', (g, pure, slotted) => {
    expect(Math.abs(pureAlohaThroughput(g) - pure)).toBeLessThanOrEqual(5e-7);
    expect(Math.abs(slottedAlohaThroughput(g) - slotted)).toBeLessThanOrEqual(5e-7);
  });
  test.each(table)('Monte Carlo, 1e6 slots / frame times, G = %d, within ±0.003', (g, pure, slotted) => {
    const rng = streamFor(8, 0, `aloha:${g}`);
    expect(Math.abs(simulateSlottedAloha(rng, g, 1_000_000) - slotted)).toBeLessThanOrEqual(0.003);
    expect(Math.abs(simulatePureAloha(rng, g, 1_000_000) - pure)).toBeLessThanOrEqual(0.003);
  });
});

describe('contention and SINR', () => {
  const wifi = { rxPowerDbm: -45, dutyCycle: 0.2, packetNs: us(1000) };
  const csma: MacParams = { kind: 'csma', senseNs: us(128), backoffSlotNs: us(320), maxBackoffs: 4 };
  test('CSMA shrinks the vulnerable window below ALOHA', () => {
    const aloha = overlapProbability(us(800), wifi, { kind: 'aloha' });
    expect(aloha).toBeGreaterThan(wifi.dutyCycle);
    expect(overlapProbability(us(800), wifi, csma)).toBeLessThan(aloha / 5);
  });
  test('CSMA defers (delay ≥ sense time); ALOHA never waits', () => {
    const rng = streamFor(1, 0, 'csma');
    expect(drawAccessDelayNs(rng, [wifi], { kind: 'aloha' })).toBe(0);
    let sum = 0;
    for (let i = 0; i < 1000; i++) sum += drawAccessDelayNs(rng, [wifi], csma);
    expect(sum / 1000).toBeGreaterThan(us(128));
  });
  test('sensitivity calibration: BER at the sensitivity level equals the reference', () => {
    const noise = noiseFloorDbm(-85, 1e-3);
    expect(bitErrorRateNoncoherentFsk(sinrLinear(-85, noise, -Infinity))).toBeCloseTo(1e-3, 12);
  });
  test('PER rises with interference and with packet length', () => {
    const noise = noiseFloorDbm(-85, 1e-3);
    expect(packetErrorRate(sinrLinear(-30, noise, -Infinity), 800)).toBeLessThan(1e-9);
    expect(packetErrorRate(sinrLinear(-30, noise, -30), 800)).toBeGreaterThan(0.99);
    expect(packetErrorRate(sinrLinear(-84, noise, -Infinity), 800)).toBeGreaterThan(packetErrorRate(sinrLinear(-84, noise, -Infinity), 100));
  });
});

import { describe, expect, test } from 'vitest';
import { streamFor } from '../random/stream.js';
import { ms, s } from '../units.js';
import { LINK_PRESETS, LOST, NetworkLink } from './network.js';

describe('network link', () => {
  test('median one-way delay is half the preset median RTT', () => {
    for (const [kind, medianMs] of [['fibre', 10], ['4g', 50], ['5g-backhaul', 20]] as const) {
      const link = new NetworkLink({ ...LINK_PRESETS[kind], lossProbability: 0 }, streamFor(1, 0, kind));
      const d: number[] = [];
      for (let i = 0; i < 20_001; i++) d.push(link.oneWayNs(0));
      d.sort((a, b) => a - b);
      expect(Math.abs((d[10_000] as number) / ms(medianMs / 2) - 1)).toBeLessThan(0.03);
    }
  });

  test('loss with retransmission after the RTO; lost for good after maxRetransmits', () => {
    const link = new NetworkLink({ ...LINK_PRESETS.fibre, rttS: { kind: 'constant', value: 0.01 }, lossProbability: 0.5, rtoNs: ms(200), rtoBackoff: 2, maxRetransmits: 2 }, streamFor(2, 0, 'l'));
    const seen = new Map<number, number>();
    const n = 40_000;
    for (let i = 0; i < n; i++) {
      const d = link.oneWayNs(0);
      seen.set(d, (seen.get(d) ?? 0) + 1);
    }
    // Delays: 5 ms, 205 ms, 605 ms with probabilities 1/2, 1/4, 1/8; lost 1/8.
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual([LOST, ms(5), ms(205), ms(605)]);
    expect((seen.get(ms(5)) as number) / n).toBeCloseTo(0.5, 1);
    expect((seen.get(LOST) as number) / n).toBeCloseTo(0.125, 1);
    expect(link.stats().lost).toBe(seen.get(LOST));
  });

  test('outage windows drop every transmission sent inside them', () => {
    const link = new NetworkLink({ ...LINK_PRESETS.fibre, lossProbability: 0, rtoNs: ms(200), maxRetransmits: 2, outages: [{ startNs: s(10), durationNs: s(5) }] }, streamFor(3, 0, 'o'));
    expect(link.inOutage(s(9.999))).toBe(false);
    expect(link.inOutage(s(10))).toBe(true);
    expect(link.inOutage(s(15))).toBe(false);
    expect(link.oneWayNs(s(12))).toBe(LOST);
    // Sent 300 ms before the end: the 1st retransmission (200 ms) is still inside, the 2nd (600 ms) gets through.
    const d = link.oneWayNs(s(14.7));
    expect(d).toBeGreaterThanOrEqual(ms(600));
    expect(d).toBeLessThan(ms(700));
    expect(link.oneWayNs(s(16))).toBeLessThan(ms(100));
    expect(link.stats().outageDrops).toBe(3 + 2);
  });
});

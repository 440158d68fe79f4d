import { describe, expect, test } from 'vitest';
import { QuantileSketch } from '../observe/quantile-sketch.js';
import { sliceMeans } from '../report/service-times-csv.js';
import { QR_FALLBACK_CARRIER, SERVICE_BRANCHES, ServiceTimes } from './service-times.js';

describe('ServiceTimes', () => {
  test('keys name gateline, carrier (qr-fallback after the carriers), band and branch; queued visits per gateline', () => {
    const t = new ServiceTimes(['S/A', 'S/B'], ['card', 'phone']);
    t.add(1, t.carrierSlot(1, false), '13.56MHz', SERVICE_BRANCHES.indexOf('pass'), 2.5, true);
    t.add(1, t.carrierSlot(1, false), '13.56MHz', SERVICE_BRANCHES.indexOf('pass'), 1.5, false);
    t.add(0, t.carrierSlot(0, true), 'optical', SERVICE_BRANCHES.indexOf('service-desk'), 4, false);
    const data = t.toData();
    expect(Object.keys(data)).toEqual([`S/A|${QR_FALLBACK_CARRIER}|optical|service-desk`, 'S/B|phone|13.56MHz|pass']);
    expect(QuantileSketch.fromData(data['S/B|phone|13.56MHz|pass']).mean).toBe(2);
    const queued = t.queuedData();
    expect(Object.keys(queued)).toEqual(['S/B']);
    expect(QuantileSketch.fromData(queued['S/B']).count).toBe(1);
  });
});

describe('sliceMeans', () => {
  test('100 equally likely slice means: ascending, their average the mean (a skewed sample with zeros and a tail)', () => {
    const h = new QuantileSketch();
    const values: number[] = [];
    for (let i = 0; i < 997; i++) values.push(i % 50 === 0 ? 0 : 1 + ((i * 37) % 101) / 50 + (i % 31 === 0 ? 6 : 0));
    for (const v of values) h.add(v);
    const s = sliceMeans(h);
    expect(s).toHaveLength(100);
    for (let i = 1; i < s.length; i++) expect(s[i]!).toBeGreaterThanOrEqual(s[i - 1]! - 1e-12);
    const avg = s.reduce((a, b) => a + b, 0) / s.length;
    expect(Math.abs(avg / h.mean - 1)).toBeLessThan(5e-4);
    expect(s[0]).toBe(0); // the first slice holds only zeros (20 of 997 > 1 %)
  });
});

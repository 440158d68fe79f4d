/**
 * The same secure element costs the same on both bands (link/secure-element.ts, link/flow-run.ts):
 * the card/SE component of many seeded good taps is equal in distribution on 13.56 MHz and
 * 2.45 GHz, and so is the reader's; the SE kinds differ from each other as they should.
 */
import { describe, expect, test } from 'vitest';
import { drawTrajectory, DEFAULT_TAP_GESTURE, type TapGestureParams } from '../motion/tap-gesture.js';
import { streamFor } from '../random/stream.js';
import { apduFlowByName } from '../link/apdu-flows.js';
import { secureElement, type SecureElementKind } from '../link/secure-element.js';
import { simulateNfcTap } from './nfc.js';
import { defaultNfcTapParams } from './nfc-params.js';
import { simulateRccTap } from './rcc.js';
import { DEFAULT_RCC_CONTEXT, DEFAULT_RCC_PARAMS } from './rcc-params.js';
import type { TapComponent } from '../link/tap-timeline.js';

const c = (value: number) => ({ kind: 'constant' as const, value });
const GOOD: TapGestureParams = { ...DEFAULT_TAP_GESTURE, dwellHeightM: c(0.01), lateralOffsetM: c(0), tiltDeg: c(0), holdS: c(2) };
const TAPS = 1500;

/** A component of the successful taps among `TAPS` seeded taps on one band. */
function component(band: 'nfc' | 'rcc', flow: string, se: SecureElementKind, k: TapComponent): number[] {
  const out: number[] = [];
  const nfc = defaultNfcTapParams('nfc-phone');
  const nfcParams = { ...nfc, carrier: { ...nfc.carrier, flow: apduFlowByName(flow), secureElement: secureElement(se) } };
  const rccParams = { ...DEFAULT_RCC_PARAMS, flow: apduFlowByName(flow), secureElement: secureElement(se) };
  for (let i = 0; i < TAPS; i++) {
    const rng = streamFor(7, 0, `${band}:${i}`);
    const t = drawTrajectory(rng, GOOD);
    const o =
      band === 'nfc'
        ? simulateNfcTap(nfcParams, t, rng)
        : simulateRccTap(rccParams, [{ id: 'tapper', tapper: true, placement: 'hand', motion: { kind: 'gesture', trajectory: t, startNs: 0 } }], rng, DEFAULT_RCC_CONTEXT);
    if (o.cause === 'ok') out.push(o.components[k]);
  }
  return out;
}

/** Two-sample Kolmogorov–Smirnov statistic D. */
function ksStatistic(a: number[], b: number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/** KS critical value at α = 0.001 (c(α) = 1.949), fixed before any run: a false alarm 1 in 1000 per comparison. */
const ksCritical = (n: number, m: number): number => 1.949 * Math.sqrt((n + m) / (n * m));

describe('the same SE costs the same on both bands (1500 seeded good taps each, KS at α = 0.001)', () => {
  test.each<[string, SecureElementKind]>([
    ['qpboc', 'sim-swp'],
    ['transit-epurse', 'sim-swp'],
    ['qpboc', 'hce'],
  ])('%s on %s: seNs and readerNs equal in distribution', (flow, se) => {
    for (const k of ['seNs', 'readerNs'] as const) {
      const a = component('nfc', flow, se, k);
      const b = component('rcc', flow, se, k);
      expect(a.length).toBeGreaterThan(TAPS * 0.95);
      expect(b.length).toBeGreaterThan(TAPS * 0.95);
      expect(ksStatistic(a, b), `${k}: D`).toBeLessThan(ksCritical(a.length, b.length));
    }
  });

  test('the SE kinds differ: HCE < card on qPBOC SE time (host crypto), SIM > eSE (SIM-class RSA)', () => {
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    const m = (se: SecureElementKind): number => mean(component('nfc', 'qpboc', se, 'seNs').slice(0, 300));
    expect(m('hce')).toBeLessThan(m('card'));
    expect(m('sim-swp')).toBeGreaterThan(m('ese'));
  });
});

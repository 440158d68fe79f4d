/** Benchmarks of the band models: whole taps per second and link evaluations per second, one core. */
import { performance } from 'node:perf_hooks';
import { drawTrajectory, DEFAULT_TAP_GESTURE } from '../motion/tap-gesture.js';
import { streamFor } from '../random/stream.js';
import { simulateNfcTap } from '../radio/nfc.js';
import { defaultNfcTapParams, type NfcTapParams } from '../radio/nfc-params.js';
import { simulateRccTap } from '../radio/rcc.js';
import { DEFAULT_RCC_PARAMS } from '../radio/rcc-params.js';
import { benchNfcLinkEvaluations } from './nfc-bench.js';
import { benchRccLinkEvaluations } from './rcc-bench.js';

export interface ModelBenchRow {
  case: string;
  perS: number;
  unit: string;
}

function nfcTapsPerS(params: NfcTapParams, taps: number): number {
  const rng = streamFor(1, 0, 'bench:nfc-taps');
  const t0 = performance.now();
  let frames = 0;
  for (let i = 0; i < taps; i++) frames += simulateNfcTap(params, drawTrajectory(rng, DEFAULT_TAP_GESTURE), rng).frames;
  if (frames === 0) throw new Error('bench: no frames');
  return taps / ((performance.now() - t0) / 1000);
}

function rccTapsPerS(taps: number): number {
  const rng = streamFor(1, 0, 'bench:rcc-taps');
  const t0 = performance.now();
  for (let i = 0; i < taps; i++) {
    const trajectory = drawTrajectory(rng, DEFAULT_TAP_GESTURE);
    simulateRccTap(DEFAULT_RCC_PARAMS, [{ id: 'tapper', tapper: true, placement: 'hand', motion: { kind: 'gesture', trajectory, startNs: 0 } }], rng);
  }
  return taps / ((performance.now() - t0) / 1000);
}

export function runModelBench(scale = 1): ModelBenchRow[] {
  const n = Math.round(2_000_000 * scale);
  const taps = Math.round(50_000 * scale);
  benchNfcLinkEvaluations(100_000); // warm-up
  return [
    { case: '13.56 MHz link evaluations', perS: benchNfcLinkEvaluations(n), unit: 'evaluations/s' },
    { case: '2.45 GHz link evaluations', perS: benchRccLinkEvaluations(n), unit: 'evaluations/s' },
    { case: '13.56 MHz taps, NFC phone (qPBOC)', perS: nfcTapsPerS(defaultNfcTapParams('nfc-phone'), taps), unit: 'taps/s' },
    { case: '13.56 MHz taps, transit card (e-purse)', perS: nfcTapsPerS(defaultNfcTapParams('transit-card'), taps), unit: 'taps/s' },
    { case: '2.45 GHz taps, RF-SIM phone (LF control)', perS: rccTapsPerS(taps), unit: 'taps/s' },
  ];
}

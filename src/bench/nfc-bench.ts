/**
 * Micro-benchmark of the 13.56 MHz link evaluation (position → off-axis field → powered? → SNR → FER).
 * Timing lives here, never in tests. Run: `npx tsx -e "import('./src/bench/nfc-bench.ts').then(m => console.log(m.benchNfcLinkEvaluations(5e6)))"`.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_TAP_GESTURE } from '../motion/tap-gesture.js';
import type { TapTrajectory } from '../motion/tap-gesture.js';
import { prepareNfcLink, DEFAULT_GATE_READER_ANTENNA, DEFAULT_PHONE_ANTENNA } from '../physics/nfc-link-budget.js';
import { nfcLinkAt } from '../radio/nfc-link.js';

/** Evaluate the link `n` times along a tap trajectory; returns link evaluations per second (one core). */
export function benchNfcLinkEvaluations(n: number): number {
  const pre = prepareNfcLink(DEFAULT_GATE_READER_ANTENNA, DEFAULT_PHONE_ANTENNA, 5, 200e3);
  const traj: TapTrajectory = {
    startHeightM: DEFAULT_TAP_GESTURE.startHeightM,
    approachSpeedMPerS: 0.5,
    dwellHeightM: 0.02,
    lateralOffsetM: 0.01,
    tiltRad: 0.2,
    holdNs: 500_000_000,
    retreatSpeedMPerS: 0.6,
    reactionNs: 200_000_000,
    presentationHeightM: DEFAULT_TAP_GESTURE.presentationHeightM,
  };
  const spanNs = 1_200_000_000;
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sink += nfcLinkAt(pre, traj, (i * 7919) % spanNs, 200);
  const seconds = (performance.now() - t0) / 1e3;
  if (Number.isNaN(sink)) throw new Error('bench: NaN');
  return n / seconds;
}

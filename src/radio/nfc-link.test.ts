import { describe, expect, test } from 'vitest';
import { closeCouplingCoefficient, closeCouplingDetuningLossDb } from '../physics/close-coupling.js';
import { DEFAULT_GATE_READER_ANTENNA, DEFAULT_ID1_CARD_ANTENNA, DEFAULT_PHONE_ANTENNA, normalFieldPerAmpereTurnPerM, prepareNfcLink } from '../physics/nfc-link-budget.js';
import type { TapTrajectory } from '../motion/tap-gesture.js';
import { TapLink } from './nfc-link.js';

const R = DEFAULT_GATE_READER_ANTENNA;
const traj = (offsetM: number): TapTrajectory => ({ startHeightM: 0.2, approachSpeedMPerS: 0.5, dwellHeightM: 0, lateralOffsetM: offsetM, tiltRad: 0, holdNs: 5e8, retreatSpeedMPerS: 0.6 });

describe('close-coupling detuning in the tap link (physics/close-coupling.ts, docs/sources.md#f3-2, #f3-3; issue 17)', () => {
  test('an ID-1 card loses the close-coupling detuning of its own k at each height: 0.5 dB at 0 cm, 0.1 dB at 4 cm on the axis', () => {
    const pre = prepareNfcLink(R, DEFAULT_ID1_CARD_ANTENNA, 0, 0);
    const link = new TapLink(pre, traj(0));
    const c = DEFAULT_ID1_CARD_ANTENNA;
    for (const [h, lossDb] of [[0, 0.505], [0.01, 0.449], [0.04, 0.115]] as const) {
      const field = normalFieldPerAmpereTurnPerM(R.radiusM, h, 0, 0);
      const k = closeCouplingCoefficient(R.turns, R.inductanceH, c.turns, c.areaM2, c.inductanceH, field);
      const expected = closeCouplingDetuningLossDb(16e6, k, 5);
      expect(expected).toBeCloseTo(lossDb, 3);
      expect(20 * Math.log10((pre.fieldScaleA * link.fieldAtHeight(h)) / link.poweringFieldAtHeight(h))).toBeCloseTo(expected, 10);
    }
  });
  test('no failure probability is invented: the card is powered at 0 cm at any drive 0.4–1.5 A that powers it at 1 cm', () => {
    for (const ni of [0.4, 0.75, 1.5]) {
      const link = new TapLink(prepareNfcLink({ ...R, ampereTurnsA: ni }, DEFAULT_ID1_CARD_ANTENNA, 0, 0), traj(0));
      expect(link.poweredAtHeight(0)).toBe(link.poweredAtHeight(0.01) || link.poweredAtHeight(0));
      expect(link.frameErrorProbability(link.approachNs + 1, 200)).toBeGreaterThanOrEqual(0);
    }
  });
  test('a phone (no close-coupling model: its detuning is detuningHz) powers on the plain field', () => {
    const pre = prepareNfcLink(R, DEFAULT_PHONE_ANTENNA, 4, 200e3);
    const link = new TapLink(pre, traj(0.01));
    for (const h of [0, 0.02, 0.04]) expect(link.poweringFieldAtHeight(h)).toBe(pre.fieldScaleA * link.fieldAtHeight(h));
  });
});

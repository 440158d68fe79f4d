import { describe, expect, test } from 'vitest';
import { approachDurationNs, DEFAULT_TAP_GESTURE, drawTrajectory, gestureDurationNs, heightAtM, positionAt, type TapGestureParams } from './tap-gesture.js';
import { sample, type Distribution } from '../random/distributions.js';
import { streamFor } from '../random/stream.js';

const c = (value: number): Distribution => ({ kind: 'constant', value });
const FIXED: TapGestureParams = {
  startHeightM: 0.2,
  approachSpeedMPerS: c(0.5),
  dwellHeightM: c(0.01),
  lateralOffsetM: c(0.005),
  tiltDeg: c(30),
  impatienceS: c(0.4),
  retreatSpeedMPerS: c(0.25),
  reactionTimeS: c(0.2),
  presentationHeightM: 0.1,
};

describe('tap gesture', () => {
  test('a constant gesture: its trajectory, approach and whole duration', () => {
    const t = drawTrajectory(streamFor(1, 0, 'g'), FIXED);
    expect(t).toEqual({ startHeightM: 0.2, approachSpeedMPerS: 0.5, dwellHeightM: 0.01, lateralOffsetM: 0.005, tiltRad: Math.PI / 6, holdNs: 400_000_000, retreatSpeedMPerS: 0.25, presentationHeightM: 0.1, reactionNs: 200_000_000 });
    expect(approachDurationNs(t)).toBe(380_000_000); // 0.19 m at 0.5 m/s
    expect(gestureDurationNs(t)).toBe(380_000_000 + 400_000_000 + 760_000_000); // back up at 0.25 m/s
  });

  test('draws are clipped to physical limits', () => {
    const t = drawTrajectory(streamFor(1, 0, 'g'), { ...FIXED, approachSpeedMPerS: c(-1), dwellHeightM: c(-0.01), tiltDeg: c(120), impatienceS: c(-1), retreatSpeedMPerS: c(0), reactionTimeS: c(-1) });
    expect(t.approachSpeedMPerS).toBe(0.02);
    expect(t.dwellHeightM).toBe(0);
    expect(t.tiltRad).toBeCloseTo((89 * Math.PI) / 180, 15);
    expect(t.holdNs).toBe(0);
    expect(t.retreatSpeedMPerS).toBe(0.02);
    expect(t.reactionNs).toBe(0);
  });

  test('height: down at the approach speed, held, back up at the retreat speed, never past the start', () => {
    const t = drawTrajectory(streamFor(1, 0, 'g'), FIXED);
    const approachNs = approachDurationNs(t);
    expect(heightAtM(t, 0)).toBe(0.2);
    expect(heightAtM(t, 190_000_000)).toBeCloseTo(0.105, 12);
    expect(heightAtM(t, approachNs)).toBeCloseTo(0.01, 12);
    expect(heightAtM(t, approachNs + 200_000_000)).toBe(0.01);
    expect(heightAtM(t, approachNs + 400_000_000 + 200_000_000)).toBeCloseTo(0.06, 12);
    expect(heightAtM(t, gestureDurationNs(t) * 2)).toBe(0.2);
    let last = Infinity;
    for (let tNs = 0; tNs <= approachNs; tNs += 10_000_000) {
      const h = heightAtM(t, tNs);
      expect(h).toBeLessThanOrEqual(last);
      last = h;
    }
    expect(positionAt(t, approachNs + 1)).toEqual({ heightM: 0.01, lateralOffsetM: 0.005, tiltRad: Math.PI / 6 });
  });

  test('the default gesture draws in a fixed order from the stream (speed, dwell, offset, tilt, impatience, retreat, reaction)', () => {
    const drawn = drawTrajectory(streamFor(9, 1, 'order'), DEFAULT_TAP_GESTURE);
    const rng = streamFor(9, 1, 'order');
    const g = DEFAULT_TAP_GESTURE;
    const [speed, dwell, offset, tilt, hold, retreat, reaction] = [g.approachSpeedMPerS, g.dwellHeightM, g.lateralOffsetM, g.tiltDeg, g.impatienceS, g.retreatSpeedMPerS, g.reactionTimeS].map((d) => sample(rng, d)) as number[];
    expect(drawn.approachSpeedMPerS).toBe(Math.max(0.02, speed!));
    expect(drawn.dwellHeightM).toBe(Math.max(0, dwell!));
    expect(drawn.lateralOffsetM).toBe(offset);
    expect(drawn.tiltRad).toBe((Math.max(-89, Math.min(89, tilt!)) * Math.PI) / 180);
    expect(drawn.holdNs).toBe(Math.max(0, Math.round(hold! * 1e9)));
    expect(drawn.retreatSpeedMPerS).toBe(Math.max(0.02, retreat!));
    expect(drawn.reactionNs).toBe(Math.max(0, Math.round(reaction! * 1e9)));
    expect(drawn.dwellHeightM).toBeLessThanOrEqual(0.04); // triangular 0–4 cm (EMVCo volume)
  });
});

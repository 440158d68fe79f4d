import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareNfcLink } from '../physics/nfc-link-budget.js';
import { rectangularLoopNormalFieldAPerM, tiltedNormal } from '../physics/rectangular-loop-normal.js';
import { DEFAULT_TAP_GESTURE, drawGestureAngles, drawTrajectory, type TapTrajectory } from '../motion/tap-gesture.js';
import { NFC_BAND, nfcTapParamsOf, type NfcPrepared } from '../radio/nfc-band.js';
import { NO_OTHER_CARDS, simulateNfcTap } from '../radio/nfc.js';
import { TapLink } from '../radio/nfc-link.js';
import { streamFor } from '../random/stream.js';
import { buildWorld } from './build.js';
import { loadScenario } from './load.js';

const SCENARIO = join(import.meta.dirname, '../../scenarios/gate-array-rect.yaml');

/** The shipped rectangular-reader scenario's 13.56 MHz pair (reader 0, carrier 0). */
async function rectPair() {
  const { scenario } = await loadScenario(SCENARIO);
  const pair = buildWorld(scenario).pairs[0]![0]!;
  const params = nfcTapParamsOf(pair);
  if (params === null) throw new Error('gate-array-rect: no 13.56 MHz pair');
  return { pair, params };
}

const trajectory = (lateralOffsetM: number, tiltRad: number, offsetAngleRad: number, tiltAxisRad: number): TapTrajectory => ({
  startHeightM: 0.2,
  approachSpeedMPerS: 0.5,
  dwellHeightM: 0.01,
  lateralOffsetM,
  tiltRad,
  holdNs: 500_000_000,
  retreatSpeedMPerS: 0.6,
  offsetAngleRad,
  tiltAxisRad,
});

describe('scenarios/gate-array-rect.yaml: a rectangular reader in taps (docs/sources.md#f3-1; issue 17)', () => {
  it('the reader is the 100 × 70 mm rectangle, and a tap sees the field of rectangular-loop-normal.ts on and off the axis', async () => {
    const { params } = await rectPair();
    const loop = params.reader.antenna.loop;
    expect(loop).toEqual({ shape: 'rectangle', widthM: 0.1, lengthM: 0.07 });
    const pre = prepareNfcLink(params.reader.antenna, params.carrier.antenna, 0, 0);
    const cases: Array<[number, number, number, number]> = [
      [0, 0, 0, Math.PI / 2], // on the axis
      [0, 0.3, 1.1, 0.4], // on the axis, tilted
      [0.02, 0, 0, Math.PI / 2], // along the width
      [0.02, 0, Math.PI / 2, Math.PI], // along the length
      [0.035, 0.25, 0.7, 2.2], // off axis, diagonal, tilted
      [0.06, -0.2, 4, 1], // outside the loop
    ];
    for (const [offset, tilt, psi, phi] of cases) {
      const link = new TapLink(pre, trajectory(offset, tilt, psi, phi));
      const n = tiltedNormal(tilt, phi);
      for (const h of [0.002, 0.01, 0.03, 0.06]) {
        const expected = Math.abs(rectangularLoopNormalFieldAPerM(1, 0.1, 0.07, offset * Math.cos(psi), offset * Math.sin(psi), h, n.nx, n.ny, n.nz));
        expect(link.fieldAtHeight(h), `offset ${offset} ψ ${psi} h ${h}`).toBeCloseTo(expected, 10);
      }
    }
    // Along the length (the shorter half-side is across it) the field at 3 cm off axis differs from along the width.
    const alongWidth = new TapLink(pre, trajectory(0.03, 0, 0, Math.PI / 2)).fieldAtHeight(0.01);
    const alongLength = new TapLink(pre, trajectory(0.03, 0, Math.PI / 2, Math.PI)).fieldAtHeight(0.01);
    expect(Math.abs(alongWidth / alongLength - 1)).toBeGreaterThan(0.05);
  });

  it('the band draws the two angles after the trajectory only for a rectangle (circle scenarios keep their streams)', async () => {
    const { pair, params } = await rectPair();
    const prepared = pair.prepared as NfcPrepared;
    const around = { behind: null, neighbours: [], pitchM: 0.65 } as unknown as Parameters<typeof NFC_BAND.tap>[2];
    const circle: NfcPrepared = { ...prepared, params: { ...params, reader: { ...params.reader, antenna: { ...params.reader.antenna, loop: undefined } } } };
    for (let seed = 1; seed <= 20; seed++) {
      const viaBand = (p: NfcPrepared): [unknown, number] => {
        const rng = streamFor(seed, 0, 'rect');
        return [NFC_BAND.tap(p, drawTrajectory(rng, DEFAULT_TAP_GESTURE), around, rng), rng.next01()];
      };
      const direct = (p: NfcPrepared, angles: boolean): [unknown, number] => {
        const rng = streamFor(seed, 0, 'rect');
        const t = drawTrajectory(rng, DEFAULT_TAP_GESTURE);
        const traj = angles ? { ...t, ...drawGestureAngles(rng) } : t;
        // (the scenario's phones have no population spread) then the wallet draws: a second card? of which kind? (nfc-field-cards.ts)
        const secondCard = rng.next01() < p.extraCards.probability;
        rng.next01();
        expect(secondCard).toBe(false);
        return [simulateNfcTap(p.params, traj, rng, NO_OTHER_CARDS, p.activation), rng.next01()];
      };
      expect(viaBand(circle)).toEqual(direct(circle, false));
      expect(viaBand(prepared)).toEqual(direct(prepared, true));
    }
  });
});

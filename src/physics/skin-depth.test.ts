import { describe, test, expect } from 'vitest';
import { skinDepthM, thicknessInSkinDepths, RESISTIVITY_AL_OHM_M, RESISTIVITY_CU_OHM_M, RESISTIVITY_SS304_OHM_M } from './skin-depth.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
const freqs = [1e3, 2e3, 10e3, 13.56e6, 2.45e9];

describe('V20 skin depth', () => {
  const table: [string, number, number[]][] = [
    ['Al', RESISTIVITY_AL_OHM_M, [2.5909e-3, 1.832e-3, 0.8193e-3, 22.249e-6, 1.6552e-6]],
    ['Cu', RESISTIVITY_CU_OHM_M, [2.0629e-3, 1.4587e-3, 0.65234e-3, 17.715e-6, 1.3179e-6]],
    ['SS304', RESISTIVITY_SS304_OHM_M, [13.505e-3, 9.5493e-3, 4.2706e-3, 115.97e-6, 8.6279e-6]],
  ];
  test.each(table)('%s', (_name, rho, expected) => {
    freqs.forEach((f, i) => expect(rel(skinDepthM(rho, f), expected[i]!)).toBeLessThan(1e-4));
  });
  test('1 mm Al shell: 0.38597 δ at 1 kHz, 44.946 δ at 13.56 MHz', () => {
    expect(rel(thicknessInSkinDepths(1e-3, RESISTIVITY_AL_OHM_M, 1e3), 0.38597)).toBeLessThan(1e-4);
    expect(rel(thicknessInSkinDepths(1e-3, RESISTIVITY_AL_OHM_M, 13.56e6), 44.946)).toBeLessThan(1e-4);
  });
});

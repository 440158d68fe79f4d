import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bitErrorRate, effectiveFieldAPerM, frameErrorRate, prepareNfcLink, uplinkSnr, type PreparedNfcLink } from '../physics/nfc-link-budget.js';
import { buildWorld } from '../scenario/build.js';
import { loadScenario, parseSetArgs } from '../scenario/load.js';
import { nfcTapParamsOf } from './nfc-band.js';

const BENCH = join(import.meta.dirname, '../../scenarios/bench-single-reader.yaml');

/** On-axis heights (m, 0.1 mm steps): the powering edge and where a 200-bit uplink frame is lost half the time. */
function edges(pre: PreparedNfcLink): { poweringM: number; uplinkM: number } {
  let poweringM = 0;
  while (effectiveFieldAPerM(pre, poweringM, 0, 0) >= pre.hminAPerM) poweringM += 1e-4;
  let uplinkM = 0;
  while (frameErrorRate(bitErrorRate(uplinkSnr(pre, uplinkM, 0, 0), pre.bpsk), 200) < 0.5) uplinkM += 1e-4;
  return { poweringM, uplinkM };
}

async function phoneLink(areaCm2: number): Promise<PreparedNfcLink> {
  const set = parseSetArgs(['carriers.0.kind=nfc-phone', `carriers.0.antennaAreaCm2=${areaCm2}`]).overrides;
  const { scenario } = await loadScenario(BENCH, { overrides: set });
  const params = nfcTapParamsOf(buildWorld(scenario).pairs[0]![0]!)!;
  expect(params.carrier.antenna.areaM2).toBeCloseTo(areaCm2 * 1e-4, 12);
  return prepareNfcLink(params.reader.antenna, params.carrier.antenna, 4, 200e3); // the median phone's loss and detuning
}

describe('13.56 MHz uplink limit near the edge of the range (docs/sources.md#f3-2, #f4-2; issue 17)', () => {
  it('target [E]: with the default reader noise a 9 cm² phone antenna is uplink-limited at its powering edge (4.2 cm, within 0.15 cm); the 15 cm² default phone only beyond it', async () => {
    const small = edges(await phoneLink(9));
    expect(small.poweringM).toBeCloseTo(0.0416, 3);
    expect(Math.abs(small.uplinkM - small.poweringM)).toBeLessThan(0.0015);
    const median = edges(await phoneLink(15));
    expect(median.uplinkM - median.poweringM).toBeGreaterThan(0.015);
    const tiny = edges(await phoneLink(6));
    expect(tiny.uplinkM).toBeLessThan(tiny.poweringM - 0.01); // frame errors before the powering edge
  });
});

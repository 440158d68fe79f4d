import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseSetArgs } from '../scenario/load.js';
import { fieldMapFigures } from './field-map.js';

const RECT = join(import.meta.dirname, '../../scenarios/gate-array-rect.yaml');

describe('13.56 MHz field map: loop shape and the class Hmax compliance line (docs/sources.md#f1-2, #f3-1; issue 17)', () => {
  it('a rectangular reader is named in the map, and raising the drive past Hmax is reported as a compliance exceedance', async () => {
    const at = async (driveA: number) => {
      const { scenario } = await loadScenario(RECT, { overrides: parseSetArgs([`readers.0.nfc.driveCurrent=${driveA} A`]).overrides });
      const fig = fieldMapFigures(scenario, 'lane-reader').figures[0]!;
      return fig;
    };
    const low = await at(0.4);
    expect(low.svg).toContain('rectangular loop 100 × 70 mm');
    expect(low.svg).toContain('class Hmax 8.5 A/m (compliance limit)');
    expect(low.caption).toMatch(/Class Hmax 8\.5 A\/m met in the 0–4 cm operating volume/);
    const high = await at(1.5);
    expect(high.caption).toMatch(/Class Hmax 8\.5 A\/m exceeded in [0-9.]+ % of the 0–4 cm operating volume/);
  });
});

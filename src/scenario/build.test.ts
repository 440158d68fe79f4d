import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorld } from './build.js';
import { loadScenario } from './load.js';

describe('buildWorld', () => {
  it('takes a demand table of 200 000 samples (a spread of it overflowed the stack, issue 14 row 3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapsim-build-'));
    const file = join(dir, 'long.yaml');
    // 200 000 s at 1 s steps: a rate table of 200 000 samples, peaking once near the end.
    writeFileSync(
      file,
      `name: long
duration: 200000 s
carriers: [{ id: c, kind: transit-card, share: 1 }]
readers: [{ id: r, bands: [13.56MHz] }]
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: { at: [0, 199990 s, 199991 s], perHour: [10, 10, 60] }, step: 1 s, exitRate: 120 }
        gatelines: [{ id: G, gates: 1, reader: r, direction: both }]
`,
    );
    const { scenario } = await loadScenario(file);
    expect(scenario.stations[0]?.entrances[0]?.demand.ratesPerHour.length).toBe(200_000);
    const world = buildWorld(scenario);
    expect(world.entrances[0]?.maxPerHour).toBe(60);
    expect(world.entrances[0]?.maxExitPerHour).toBe(120);
  });
});

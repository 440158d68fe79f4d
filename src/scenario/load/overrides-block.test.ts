import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../load.js';
import { ScenarioError } from '../errors.js';

const MINI = `name: mini
duration: 10 min
carriers:
  - { id: card, kind: transit-card, share: 1 }
readers:
  - { id: r1, bands: [13.56MHz] }
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 600 }
        gatelines:
          - { id: G, gates: 2, reader: r1 }
`;

describe('--set into a block the scenario leaves to its defaults', () => {
  it('starts the block and keeps the other defaults', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tapsim-block-')), 's.yaml');
    writeFileSync(file, MINI);
    const base = await loadScenario(file);
    const { scenario } = await loadScenario(file, { overrides: [{ path: 'readers.0.nfc.noise', value: '1 mV' }, { path: 'carriers.card.gesture.impatienceS', value: '3 s' }] });
    const nfc = (r: unknown) => (r as { nfc: Record<string, unknown> }).nfc;
    expect(nfc(scenario.readers[0])['noise']).toBeCloseTo(1e-3, 12);
    expect(nfc(scenario.readers[0])['transactionTimeout']).toBe(nfc(base.scenario.readers[0])['transactionTimeout']);
    expect(scenario.carriers[0]?.gesture.impatienceS).toEqual({ kind: 'constant', value: 3 });
    expect(scenario.carriers[0]?.gesture.reactionTimeS).toEqual(base.scenario.carriers[0]?.gesture.reactionTimeS);
  });
  it('a plain value on the way is still an error', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tapsim-block-')), 's.yaml');
    writeFileSync(file, MINI);
    await expect(loadScenario(file, { overrides: [{ path: 'duration.x', value: '1' }] })).rejects.toBeInstanceOf(ScenarioError);
  });
});

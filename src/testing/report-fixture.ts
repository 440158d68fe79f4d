/** Test fixture (not used by the build): a small real run folder for the report tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../scenario/load.js';
import { runScenario } from '../orchestrate/run-scenario.js';

/** 10 simulated minutes, two gatelines (13.56 MHz and dual-band), online EMV cards, 2 replications. */
export const REPORT_SCENARIO = `name: report-small
duration: 10 min
warmup: 1 min
replications: 2
carriers:
  - { id: transit-card, kind: transit-card, share: 0.5 }
  - { id: emv-card, kind: emv-card, share: 0.3, authorisation: online }
  - { id: rf-sim, kind: rcc-phone, share: 0.2 }
readers:
  - { id: gate-nfc, bands: [13.56MHz] }
  - { id: gate-dual, bands: [13.56MHz, 2.45GHz], rcc: { triggerDistance: 5 cm } }
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 4000 }
        gatelines:
          - { id: north, gates: 3, reader: gate-dual }
          - { id: south, gates: 2, reader: gate-nfc }
`;

/** Run REPORT_SCENARIO in-thread into a fresh temporary folder; returns the run folder. */
export async function smallRunFolder(prefix: string): Promise<string> {
  const base = mkdtempSync(join(tmpdir(), `tapsim-${prefix}-`));
  const file = join(base, 'report-small.yaml');
  writeFileSync(file, REPORT_SCENARIO);
  const outDir = join(base, 'run');
  await runScenario(await loadScenario(file), { outDir, workers: 1, inThread: true, scenarioFile: 'report-small.yaml' });
  return outDir;
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { loadScenario } from '../load.js';
import { unservedCarriers } from './served-carriers.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

async function check(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['check', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: ROOT });
  return { code, out, err };
}

const HALF_RF_SIM = ['--set', 'carriers=[{id: dual-sim, kind: dual-sim, share: 0.5}, {id: rf-sim, kind: rcc-phone, share: 0.5}]'];

describe('check refuses a carrier no reader it can reach serves', () => {
  it('50 % RF-SIM phones with only a 13.56 MHz reader: exit 2, naming the carrier, its band and the reader', async () => {
    const r = await check(['scenarios/gate-array.yaml', ...HALF_RF_SIM, '--set', 'readers.0.bands=[13.56MHz]']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/carriers\.1\.share: carrier "rf-sim" \(rcc-phone: 2\.45 GHz RCC\) arrives at ARRAY\/hall \(entries, 50 %\), but no reader .* serves its band: reader "lane-reader" \(13\.56 MHz\); add one of its bands/);
    expect(r.err).not.toMatch(/dual-sim"/); // the dual-band SIM is served on 13.56 MHz
  });

  it('the same population passes with a 2.45 GHz or a dual reader, and with the reference band that reads every carrier', async () => {
    for (const bands of ['[2.45GHz]', '[13.56MHz, 2.45GHz]', '[ideal]']) {
      const r = await check(['scenarios/gate-array.yaml', ...HALF_RF_SIM, '--set', `readers.0.bands=${bands}`]);
      expect(r.err, bands).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('per flow: exits through a 13.56 MHz-only gateline are refused even when entries are served; a QR code is read everywhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapsim-served-'));
    const file = join(dir, 's.yaml');
    writeFileSync(file, `name: flows
duration: 10 min
carriers: [{ id: rf, kind: rcc-phone, share: 0.3 }, { id: qr, kind: qr, share: 0.7 }]
readers: [{ id: nfc, bands: [13.56MHz] }, { id: dual, bands: [13.56MHz, 2.45GHz] }]
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 600, exitRate: 600 }
        gatelines:
          - { id: IN, gates: 2, reader: dual, direction: in }
          - { id: OUT, gates: 2, reader: nfc, direction: out }
`);
    await expect(loadScenario(file)).rejects.toThrow(/carrier "rf" .* arrives at S\/E \(exits, 30 %\), but no reader .*: reader "nfc" \(13\.56 MHz\)/);
    const noExits = await loadScenario(file, { overrides: [{ path: 'stations.0.entrances.0.demand.exitRate', value: '0', source: 'test' }] });
    expect(unservedCarriers(noExits.scenario)).toEqual([]);
  });
});

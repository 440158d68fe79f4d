import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';

const RF_SIM_ONLY = `name: rf-sim-only
duration: 2 min
carriers: [{ id: p, kind: rcc-phone, share: 1 }]
readers: [{ id: r, bands: [2.45GHz] }]
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 300 }
        gatelines: [{ id: G, gates: 1, reader: r }]
`;

describe('tapsim sensitivity: bad input', () => {
  it('a population 13.56 MHz cannot serve: exit 2 and the sentence that names the fix, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapsim-sens-cli-'));
    writeFileSync(join(dir, 's.yaml'), RF_SIM_ONLY);
    let err = '';
    const code = await main(['sensitivity', 's.yaml', '--out', 'o', '--quiet', '--workers', '1'], { stdout: () => undefined, stderr: (t) => (err += t), cwd: dir });
    expect(code).toBe(2);
    expect(err).toMatch(/the nfc configuration cannot serve the population .*give every carrier both bands/);
    expect(err).not.toMatch(/\n\s+at /);
  }, 30_000);
});

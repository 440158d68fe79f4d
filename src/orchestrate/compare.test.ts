import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bandConfigs, compareTable, runCompare } from './compare.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('compare --bands: an infeasible configuration is marked, not run and not ranked', () => {
  test('RF-SIM-only gate-array: nfc is infeasible (table, compare.csv, compare.json); rcc and dual are compared', async () => {
    const overrides = [
      { path: 'carriers', value: '[{id: rf-sim, kind: rcc-phone, share: 1}]', source: 'test' },
      { path: 'duration', value: '4 min', source: 'test' },
      { path: 'warmup', value: '1 min', source: 'test' },
      { path: 'replications', value: '2', source: 'test' },
      { path: 'outputs.transactions', value: 'false', source: 'test' },
    ];
    const configs = await bandConfigs(join(ROOT, 'scenarios', 'gate-array.yaml'), overrides);
    expect(configs.map((c) => [c.id, c.infeasible === null])).toEqual([['nfc', false], ['rcc', true], ['dual', true]]);
    expect(configs[0]!.infeasible).toMatch(/carrier "rf-sim" \(rcc-phone: 2\.45 GHz RCC\) .*reader "lane-reader" \(13\.56 MHz\)/);
    const outDir = join(mkdtempSync(join(tmpdir(), 'tapsim-cmp-')), 'cmp');
    const outcome = await runCompare(configs, { outDir, scenarioFile: null, inThread: true });
    expect(outcome.failures).toEqual([]);
    expect(outcome.infeasible.map((x) => x.config)).toEqual(['nfc']);
    const rate = outcome.rows.filter((r) => r.metric === 'gate_open_rate');
    expect(rate.map((r) => [r.a, r.b, r.infeasible])).toEqual([['rcc', 'nfc', 'nfc'], ['dual', 'nfc', 'nfc'], ['dual', 'rcc', '']]);
    expect(rate[0]!.diff.n).toBe(0);
    expect(rate[2]!.diff.n).toBe(2);
    const table = compareTable(outcome.rows, outcome.infeasible);
    const line = table.split('\n').find((l) => l.startsWith('gate_open_rate '))!;
    expect(line.match(/infeasible/g)).toHaveLength(3); // the nfc mean and its two differences
    expect(table).toMatch(/^nfc: infeasible, not run: carrier "rf-sim"/m);
    const csv = readFileSync(join(outDir, 'compare.csv'), 'utf8').split('\n');
    expect(csv[0]!.endsWith(',infeasible')).toBe(true);
    expect(csv.find((l) => l.startsWith('gate_open_rate,rcc,nfc,'))).toMatch(/^gate_open_rate,rcc,nfc,0,NaN,.*,nfc$/);
    expect(csv.find((l) => l.startsWith('gate_open_rate,dual,rcc,'))).toMatch(/,$/);
    const json = JSON.parse(readFileSync(join(outDir, 'compare.json'), 'utf8')) as { configs: Array<{ id: string; infeasible: string | null }> };
    expect(json.configs.map((c) => c.infeasible === null)).toEqual([false, true, true]);
    const summary = readFileSync(join(outDir, 'compare-summary.csv'), 'utf8').trim().split('\n').slice(1);
    expect(summary.every((l) => !l.startsWith('nfc,'))).toBe(true);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toMatch(/nfc: infeasible, not run/);
  }, 30_000);
});

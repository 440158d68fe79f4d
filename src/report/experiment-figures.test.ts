import { describe, expect, test } from 'vitest';
import { compareFigures, sweepFigures } from './experiment-figures.js';
import { parameterAxis } from './parameter-axis.js';
import { scenarioJsonSchema } from '../scenario/schema/index.js';

const est = (mean: number, halfWidth: number) => ({ mean, halfWidth });

describe('sweep and compare figures (golden)', () => {
  test('sweep: the x axis from the parameter (dwell height in cm), success on 0–100 %', async () => {
    const paths = ['carriers.0.gesture.dwellHeightM', 'readers.0.nfc.driveCurrent'];
    const schema = scenarioJsonSchema();
    const points = [
      { values: ['0.01', '0.5'], estimates: new Map([['gate_open_rate', est(0.99, 0.01)]]) },
      { values: ['0.03', '0.5'], estimates: new Map([['gate_open_rate', est(0.8, 0.05)]]) },
      { values: ['0.01', '0.75'], estimates: new Map([['gate_open_rate', est(1, 0)]]) },
      { values: ['0.03', '0.75'], estimates: new Map([['gate_open_rate', est(0.95, 0.02)]]) },
    ];
    const [fig] = sweepFigures(paths, points, paths.map((p) => parameterAxis(p, schema)));
    expect(fig?.file).toBe('sweep-gate-open-rate.svg');
    const svg = fig?.svg ?? '';
    expect(svg).toContain('Dwell height (cm)');
    expect(svg).toContain('Gate open rate (%)');
    expect(svg).toContain('Drive current=0.5 A·turns');
    expect(svg).toContain('>100</text></g>');
    expect(svg).not.toContain('>120<');
    await expect(svg).toMatchFileSnapshot('./__golden__/sweep-gate-open.svg');
  });

  test('compare: wrong-gate and collision rates per 10 000 taps (no wrong-card column: no slot); an all-zero pair says why', async () => {
    const diff = (mean: number, lower: number, upper: number) => ({ n: 2, mean, lower, upper });
    const rows = [
      { metric: 'gate_open_rate', a: 'rcc', b: 'nfc', meanB: 0.95, diff: diff(0.01, 0.005, 0.015) },
      { metric: 'wrong_gate_per_10k_taps', a: 'rcc', b: 'nfc', meanB: 0, diff: diff(12.5, 8, 17) },
      { metric: 'collision_per_10k_taps', a: 'rcc', b: 'nfc', meanB: 3, diff: diff(-2, -3, -1) },
      { metric: 'gate_open_rate', a: 'dual', b: 'nfc', meanB: 0.95, diff: diff(0, 0, 0) },
      { metric: 'wrong_gate_per_10k_taps', a: 'dual', b: 'nfc', meanB: 0, diff: diff(0, 0, 0) },
      { metric: 'collision_per_10k_taps', a: 'dual', b: 'nfc', meanB: 3, diff: diff(0, 0, 0) },
    ];
    const figs = compareFigures(rows);
    expect(figs.map((f) => f.file)).toEqual(['compare-rcc-vs-nfc.svg', 'compare-rcc-vs-nfc-rates.svg', 'compare-dual-vs-nfc.svg', 'compare-dual-vs-nfc-rates.svg']);
    const rates = figs[1]?.svg ?? '';
    expect(rates).toContain('Wrong-gate binds');
    expect(rates).toContain('Collisions');
    expect(rates).not.toContain('Wrong-card');
    expect(figs[2]?.svg).toContain('identical on every pair (n = 2 paired replications): every difference shown is exactly 0');
    expect(figs[0]?.svg).not.toContain('identical');
    await expect(rates).toMatchFileSnapshot('./__golden__/compare-rates.svg');
  });

  test('compare: a difference without spread (every pair equal, ≠ 0) is not drawn as significant', () => {
    const colourOf = (lower: number, upper: number): string => {
      const [fig] = compareFigures([{ metric: 'collision_per_10k_taps', a: 'rcc', b: 'nfc', meanB: 3, diff: { n: 2, mean: 2, lower, upper } }]);
      return /<g class="forest-row">.*?stroke="(#[0-9A-Fa-f]+)"/.exec(fig?.svg ?? '')?.[1] ?? '';
    };
    const spreadExcludes = colourOf(1, 3);
    const spreadIncludes = colourOf(-1, 5);
    expect(spreadExcludes).not.toBe(spreadIncludes);
    expect(colourOf(2, 2)).toBe(spreadIncludes);
    expect(colourOf(2 - 1e-14, 2 + 1e-14)).toBe(spreadIncludes);
  });
});

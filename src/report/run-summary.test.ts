import { describe, expect, test } from 'vitest';
import type { CiRow, RunFolderData, RunJson } from './run-folder.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { runSummaryLines, summaryCiText, untilCiLines } from './run-summary.js';

function row(metric: string, mean: number, halfWidth: number, n = 4, sd = halfWidth): CiRow {
  return { metric, n, mean, sd, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth };
}

const CI = new Map<string, CiRow>(
  [
    row('passengers_arrived', 34843.2, 120.4),
    row('passengers_passed', 34847.1, 119.9),
    row('gate_open_rate', 0.9712, 0.0021),
    row('paid_correctly_rate', 0.9655, 0),
    row('taps', 36012, 130),
    row('wait_p95_s', 41.23, 1.7),
    row('wait_p99_s', 60.1, 2.2),
    row('cause_ok', 34000, 100),
    row('cause_tear', 512.5, 20.1),
    row('cause_wrong_gate', 12, 3),
    row('wrong_gate_per_10k_taps', 3.3, 0.8),
  ].map((r) => [r.metric, r]),
);

const RUN_JSON = { failures: [], wallTimeS: 12.5, replications: 4, untilCi: [{ metric: 'wait_p95_s', relativeHalfWidth: 0.05, achieved: 0.04123, met: true }] } as unknown as RunJson;

function data(scenario: Partial<ResolvedScenario> | null): RunFolderData {
  return {
    runJson: RUN_JSON,
    scenario: scenario as ResolvedScenario | null,
    ci: CI,
    replications: 4,
    latency: null,
    gatelines: [{ key: 'S1/L2', gates: 6, tS: [0, 300, 600], queueMean: [1, 2, 3], waitP95S: [10, 38.5, 20], ppmPerGate: [1, 1, 1] }],
    backend: null,
  };
}

describe('run summary (golden)', () => {
  test('several replications: mean ± 95 % CI with n, the warm-up line, the worst gateline labelled as the mean curve, clock time', () => {
    expect(runSummaryLines(data({ warmup: 900e9, startTime: '07:00' }), 'results/x').join('\n')).toBe(
      [
        'summary (mean per replication ± 95 % CI half-width, n = 4 replications):',
        '  passengers      34843 ± 120 arrived, 34847 ± 120 passed',
        '  warm-up         first 15 min not counted: "arrived" counts arrivals after it, "passed" every pass after it, so passengers who arrived during the warm-up but passed after it count as passed only',
        '  gate opened     97.1 ± 0.21 % of 36012 ± 130 taps (paid correctly 96.5 % (no spread across 4 replications))',
        '  wait p95        41.2 ± 1.7 s (p99 60.1 ± 2.2 s)',
        '  worst gateline  S1/L2: wait p95 per interval peaks at 38.5 s (mean curve over 4 replications, interval from 07:05); below the overall p95 (41.2 s): an interval\'s p95, averaged over replications, not the p95 of all waits',
        '  failed taps     tear 513 ± 20',
        '  wrong-gate      3.3 ± 0.8 per 10k taps',
        '  wall time       12.5 s',
        '  report          results/x/index.html (figures/ and CSV files beside it)',
      ].join('\n'),
    );
  });

  test('no warm-up, no startTime: no warm-up line, minutes since start', () => {
    const lines = runSummaryLines(data({ warmup: 0 }));
    expect(lines.some((l) => l.includes('warm-up'))).toBe(false);
    expect(lines[4]).toContain('(mean curve over 4 replications, interval from 5 min)');
  });

  test('the local CI text: one replication bare, equal values "no spread", else ± half', () => {
    expect(summaryCiText(row('x', 2.5, NaN, 1, NaN))).toBe('2.5');
    expect(summaryCiText(row('x', 2.5, 0, 3, 0))).toBe('2.5 (no spread across 3 replications)');
    expect(summaryCiText(row('x', 0.25, 0.0123, 3), 100)).toBe('25 ± 1.2');
  });

  test('--until-ci: the half-width reached, relative and absolute, with n', () => {
    expect(untilCiLines(RUN_JSON, CI)).toEqual(['until-ci wait_p95_s: half-width reached 4.12 % of the mean, ± 1.7 on a mean of 41.2 (n = 4 replications; target 5 %)']);
    const flat = { ...RUN_JSON, untilCi: [{ metric: 'paid_correctly_rate', relativeHalfWidth: 0.01, achieved: 0, met: true }] } as RunJson;
    expect(untilCiLines(flat, CI)).toEqual(['until-ci paid_correctly_rate: half-width reached 0 % of the mean, no spread across 4 replications (mean 0.966) (n = 4 replications; target 1 %)']);
  });
});

describe('index.html key results (golden)', () => {
  test('n in the caption, "no spread" for equal values, the warm-up counting in the note', async () => {
    const { keyTable } = await import('./run-page.js');
    const t = keyTable(data({ warmup: 900e9 }));
    expect(t.caption).toBe('Key results: mean ± 95% CI half-width over n = 4 replications');
    expect(t.rows.slice(0, 4)).toEqual([
      ['Passengers arrived', '34843 ± 120', '34723 … 34964', 'persons', 'passengers_arrived'],
      ['Passengers through the gates', '34847 ± 120', '34727 … 34967', 'persons', 'passengers_passed'],
      ['Gate opened (ok + wrong-gate + wrong-card)', '97.1 ± 0.21', '96.9 … 97.3', '%', 'gate_open_rate'],
      ['Paid correctly (ok)', '96.5', 'no spread across 4 replications', '%', 'paid_correctly_rate'],
    ]);
    expect(t.note).toContain('Counted after the warm-up (15 min): "arrived" counts arrivals after it, "through the gates" every pass after it');
  });
});

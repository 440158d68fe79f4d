import { describe, expect, test } from 'vitest';
import type { BackendSeries } from '../backend/backend.js';
import type { GatelineSeries } from '../experiment/replication.js';
import { summarize } from '../experiment/stats.js';
import { FINE_SECONDS, QuantileSketch } from '../observe/quantile-sketch.js';
import { TAP_CAUSES, type TapOutcome } from '../radio/tap-outcome.js';
import { TransactionLog } from '../station/transaction-log.js';
import {
  BACKEND_COLUMNS, BACKEND_CSV_COLUMNS, backendRows, columnsMarkdown, compareCsv, csvText, describeMetric, FILE_DOCS, GATE_COLUMNS, GATE_CSV_COLUMNS, gateRows,
  keyedSummaryCsv, LatencySketches, sizeCsv, SUCCESS_CAUSES, summaryCiCsv, sweepCsv, TRANSACTION_COLUMNS, TRANSACTION_CSV_COLUMNS, transactionRows, withClockRows,
} from './csv.js';
import { parseCsv } from './csv-read.js';

const outcome = (cause: TapOutcome['cause'], extra: Partial<TapOutcome> = {}): TapOutcome => ({
  cause, band: '13.56MHz', latencyNs: 146e6, components: { waitNs: 20e6, activationNs: 10e6, anticollisionNs: 0, airNs: 30e6, seNs: 60e6, readerNs: 26e6 }, presentationNs: 254e6, durationNs: 400e6, frames: 12, retransmissions: 1, collisions: 0, heightM: 0.012, offsetM: -0.005, ...extra,
});

describe('transactions.csv rows', () => {
  test('time order (ties in log order), units, and the outcome follows the gate (ok and wrong-gate open it)', () => {
    const log = new TransactionLog();
    log.add(2e9, 'S/A#2', 'card', outcome('timeout'), 'nfc', 'S/IN/G1');
    const row = log.add(1e9, 'S/A#0', 'card', outcome('ok'), 'nfc', 'S/IN/G2');
    log.passed(row, 150e6, 300e6, 596e6);
    log.add(1e9, 'S/A#1', 'phone', outcome('wrong-gate', { band: '2.45GHz' }), 'dual', 'S/IN/G1');
    const rows = [...transactionRows(3, log.columns)];
    expect(rows.map((r) => r[2])).toEqual(['S/A#0', 'S/A#1', 'S/A#2']);
    expect(rows[0]).toEqual(['3', '1', 'S/A#0', 'card', '13.56MHz', 'nfc', 'S/IN/G2', '1.2', '-0.5', 'success', 'ok', '146', '400', '12', '1', '0', '20', '10', '0', '30', '60', '26', '150', '300', '596']);
    expect(rows[2]!.slice(-3)).toEqual(['', '', '']); // a failed tap opens nothing
    expect(rows.map((r) => r[9])).toEqual(['success', 'success', 'failure']);
    expect(rows[0]).toHaveLength(TRANSACTION_COLUMNS.length);
    expect([...SUCCESS_CAUSES].sort()).toEqual(['ok', 'wrong-card', 'wrong-gate']);
  });
});

function gatelines(): GatelineSeries {
  // 2 intervals × 2 gatelines, row-major (interval × gateline); the second interval is half as long.
  return {
    keys: ['S/IN', 'S/OUT'], gates: [2, 4], intervalNs: 60e9, intervals: 2,
    arrivals: [10, 20, 30, 40], passed: [12, 24, 6, 0], taps: [13, 25, 7, 0], failedTaps: [1, 1, 1, 0],
    queueMean: [0.5, 0, 1.25, 0], queueMax: [2, 0, 3, 0], queueMaxPerGate: [1, 0, 2, 0], waitMeanS: [1.5, NaN, 2, NaN], waitP95S: [3, NaN, 4, NaN], waitMaxS: [4, NaN, 5, NaN], fruinClass: [0, 0, 5, 0],
  };
}

describe('gates.csv rows', () => {
  test('interval by interval, gatelines in order; throughput per gate over the interval actually run', () => {
    const rows = [...gateRows(0, gatelines(), 90e9)];
    expect(rows.map((r) => `${r[1]} ${r[2]}`)).toEqual(['0 S/IN', '0 S/OUT', '60 S/IN', '60 S/OUT']);
    expect(rows.map((r) => r[6])).toEqual(['6', '6', '6', '0']); // 12/2/1 min, 24/4/1 min, 6/2/0.5 min, 0
    expect(rows[2]!.slice(9)).toEqual(['1.25', '3', '2', '2', '4', '5', 'F']);
    expect(rows[1]!.slice(12, 15)).toEqual(['NaN', 'NaN', 'NaN']);
    expect(rows[0]).toHaveLength(GATE_COLUMNS.length);
  });
});

describe('backend.csv rows', () => {
  test('only intervals that start before the end of the run; rates and ms as documented', () => {
    const b = {
      intervalNs: 10e9, offeredTps: [1, 2, 3], servedTps: [1, 2, 0], localChecksTps: [4, 0, 0], hostUtilisation: [0.1, 0.2, 0], hostQueueMean: [0, 0.5, 0], backlogMean: [3, 2, 1], p99ResponseS: [0.25, NaN, NaN],
    } as unknown as BackendSeries;
    const rows = [...backendRows(1, b, 20e9)];
    expect(rows).toEqual([
      ['1', '0', '1', '1', '4', '0.1', '0', '3', '250'],
      ['1', '10', '2', '2', '0', '0.2', '0.5', '2', 'NaN'],
    ]);
    expect(rows[0]).toHaveLength(BACKEND_COLUMNS.length);
  });
});

describe('summary tables', () => {
  const s = summarize([1, 2, 3]);
  test('summary-ci.csv, sweep.csv, compare.csv, size.csv and the keyed summaries read back as written', () => {
    const ci = parseCsv(summaryCiCsv([{ metric: 'gate_open_rate', summary: s }]));
    expect(ci[0]).toEqual(['metric', 'n', 'mean', 'sd', 'ci95_half_width', 'ci95_lower', 'ci95_upper']);
    expect(ci[1]!.slice(0, 4)).toEqual(['gate_open_rate', '3', '2', '1']);
    const sweep = parseCsv(sweepCsv(['a.b'], ['m', 'gone'], [{ point: 0, values: ['0.5'], replications: 3, summaries: new Map([['m', s]]) }]));
    expect(sweep).toEqual([['point', 'a.b', 'n', 'm_mean', 'm_ci95', 'gone_mean', 'gone_ci95'], ['0', '0.5', '3', '2', String(Number(sweep[1]![4])), '', '']]);
    expect(Number(sweep[1]![4])).toBeCloseTo(s.halfWidth, 4);
    const cmp = parseCsv(compareCsv([{ metric: 'm', a: 'nfc', b: 'rcc', meanA: 1, meanB: 0.5, diff: s }]));
    expect(cmp[1]!.slice(0, 7)).toEqual(['m', 'nfc', 'rcc', '3', '1', '0.5', '2']);
    expect(parseCsv(sizeCsv([{ value: 4, n: 2, mean: 900, sd: 10, bound: 950, verdict: 'meets' }]))[1]).toEqual(['4', '2', '900', '10', '950', 'meets']);
    const keyed = parseCsv(keyedSummaryCsv(['config'], ['a', 'b'], [{ keys: ['dual'], replication: 1, seed: 7, events: 99, metrics: { a: 0.5 } }]));
    expect(keyed).toEqual([['config', 'replication', 'seed', 'events', 'a', 'b'], ['dual', '1', '7', '99', '0.5', '']]);
    expect(csvText([['x,y', 'q"']])).toBe('"x,y","q"""\n');
  });
});

describe('columns.md', () => {
  test('the documented columns of each per-replication table are exactly its columns, in order', () => {
    expect(FILE_DOCS['transactions.csv']!.columns.map(([c]) => c)).toEqual([...TRANSACTION_CSV_COLUMNS]);
    expect(FILE_DOCS['gates.csv']!.columns.map(([c]) => c)).toEqual([...GATE_CSV_COLUMNS]);
    expect(FILE_DOCS['backend.csv']!.columns.map(([c]) => c)).toEqual([...BACKEND_CSV_COLUMNS]);
  });

  test('the two success rates are documented apart, per band and per carrier too', () => {
    expect(describeMetric('gate_open_rate')).toMatch(/gate opened.*ok, wrong-gate or wrong-card/);
    expect(describeMetric('paid_correctly_rate')).toMatch(/right person paid.*ok only/);
    expect(describeMetric('paid_correctly_rate_rcc')).toMatch(/on that band.*cause ok/);
    expect(describeMetric('paid_correctly_rate_carrier_card')).toMatch(/that carrier/);
    for (const cause of TAP_CAUSES) expect(describeMetric(`cause_${cause.replace(/-/g, '_')}`)).toBe('tap attempts with that cause, count');
    expect(describeMetric('something_s')).toBe('seconds');
    const md = columnsMarkdown(['gates.csv', 'not-a-table.csv'], ['gate_open_rate']);
    expect(md).toContain('## gates.csv');
    expect(md).not.toContain('not-a-table');
    expect(md).toContain('| `gate_open_rate` |');
  });
});

describe('latency.csv', () => {
  test('sketches merged over replications give the quantiles of all values together', () => {
    const one = new QuantileSketch(FINE_SECONDS);
    const two = new QuantileSketch(FINE_SECONDS);
    const all = new QuantileSketch(FINE_SECONDS);
    for (let i = 1; i <= 200; i++) {
      (i % 2 === 0 ? one : two).add(i / 1000);
      all.add(i / 1000);
    }
    const sketches = new LatencySketches();
    sketches.add({ 'card|13.56MHz': one.toData() });
    sketches.add({ 'card|13.56MHz': two.toData(), 'empty|optical': new QuantileSketch(FINE_SECONDS).toData() });
    const rows = parseCsv(sketches.csv());
    expect(rows[0]).toEqual(['carrier', 'band', 'p', 'latency_ms']);
    expect(rows).toHaveLength(1 + 99); // the empty sketch writes nothing
    expect(rows[50]).toEqual(['card', '13.56MHz', '0.5', String(Number((all.quantile(0.5) * 1e3).toPrecision(6)))]);
  });
});

/**
 * Row builders of the per-replication tables — transactions.csv (one row per tap attempt),
 * gates.csv (per interval and gateline), backend.csv (per interval) — with their fixed column
 * order and one number format (formatNumber, docs/architecture.md#rule-11). Generators, so large tables stream
 * through csv-stringify (write.ts) without one giant string.
 */
import type { GatelineSeries } from '../experiment/replication.js';
import type { BackendSeries } from '../backend/backend.js';
import type { TransactionColumns } from '../station/transaction-log.js';
import { FRUIN_CLASSES } from '../station/fruin.js';
import { GATE_OPEN_CAUSES } from '../station/success-rule.js';
import { formatNumber } from './write.js';
import { TAP_COMPONENTS } from '../link/tap-timeline.js';
import { clockText } from './clock.js';

const NS_PER_S = 1e9;
const NS_PER_MS = 1e6;

// ------------------------------------------------------------------ transactions.csv

export const TRANSACTION_COLUMNS = [
  'replication', 't_s', 'passenger', 'carrier', 'band', 'reader', 'gate', 'height_cm', 'offset_cm',
  'outcome', 'cause', 'latency_ms', 'duration_ms', 'frames', 'retransmissions', 'collisions',
  'wait_ms', 'activation_ms', 'anticollision_ms', 'air_ms', 'se_ms', 'reader_ms', 'auth_ms', 'gate_ms', 'tap_to_open_ms',
] as const;

/** Causes that let the passenger through (wrong-gate and wrong-card open a gate but bill the wrong carrier): station/success-rule.ts. */
export const SUCCESS_CAUSES: ReadonlySet<string> = new Set(GATE_OPEN_CAUSES);

/** Rows of one replication in time order (ties keep the order taps were logged). */
export function* transactionRows(replication: number, t: TransactionColumns): Generator<string[]> {
  const order = Array.from({ length: t.tNs.length }, (_, i) => i);
  order.sort((a, b) => (t.tNs[a] as number) - (t.tNs[b] as number) || a - b);
  const str = (i: number | undefined): string => (i === undefined ? '' : (t.strings[i] ?? ''));
  const rep = formatNumber(replication);
  for (const i of order) {
    const cause = str(t.cause[i]);
    yield [
      rep,
      formatNumber((t.tNs[i] as number) / NS_PER_S),
      t.passenger[i] ?? '',
      str(t.carrier[i]),
      str(t.band[i]),
      str(t.reader[i]),
      str(t.gate[i]),
      formatNumber((t.heightM[i] as number) * 100),
      formatNumber((t.offsetM[i] as number) * 100),
      SUCCESS_CAUSES.has(cause) ? 'success' : 'failure',
      cause,
      formatNumber((t.latencyNs[i] as number) / NS_PER_MS),
      formatNumber((t.durationNs[i] as number) / NS_PER_MS),
      formatNumber(t.frames[i] as number),
      formatNumber(t.retransmissions[i] as number),
      formatNumber(t.collisions[i] as number),
      ...TAP_COMPONENTS.map((k) => formatNumber((t.components[k][i] as number) / NS_PER_MS)),
      optionalMs(t.authNs[i]),
      optionalMs(t.gateNs[i]),
      optionalMs(t.tapToOpenNs[i]),
    ];
  }
}

/** ns → ms, empty when the tap did not open the gate (NaN). */
function optionalMs(valueNs: number | undefined): string {
  return valueNs === undefined || Number.isNaN(valueNs) ? '' : formatNumber(valueNs / NS_PER_MS);
}

// ------------------------------------------------------------------ gates.csv

export const GATE_COLUMNS = [
  'replication', 't_start_s', 'gateline', 'gates', 'arrivals', 'passed', 'throughput_ppm_per_gate', 'taps', 'failed_taps',
  'queue_mean', 'queue_max', 'queue_max_per_gate', 'wait_mean_s', 'wait_p95_s', 'wait_max_s', 'fruin_los',
] as const;

/** Rows interval by interval, gatelines in scenario order within an interval. */
export function* gateRows(replication: number, g: GatelineSeries, durationNs: number): Generator<string[]> {
  const lines = g.keys.length;
  const rep = formatNumber(replication);
  for (let k = 0; k < g.intervals; k++) {
    const startNs = k * g.intervalNs;
    const spanMin = Math.min(g.intervalNs, durationNs - startNs) / NS_PER_S / 60;
    for (let l = 0; l < lines; l++) {
      const i = k * lines + l;
      const gates = g.gates[l] as number;
      const passed = g.passed[i] as number;
      yield [
        rep,
        formatNumber(startNs / NS_PER_S),
        g.keys[l] ?? '',
        formatNumber(gates),
        formatNumber(g.arrivals[i] as number),
        formatNumber(passed),
        formatNumber(gates > 0 && spanMin > 0 ? passed / gates / spanMin : 0),
        formatNumber(g.taps[i] as number),
        formatNumber(g.failedTaps[i] as number),
        formatNumber(g.queueMean[i] as number),
        formatNumber(g.queueMax[i] as number),
        formatNumber(g.queueMaxPerGate[i] as number),
        formatNumber(g.waitMeanS[i] as number),
        formatNumber(g.waitP95S[i] as number),
        formatNumber(g.waitMaxS[i] as number),
        FRUIN_CLASSES[g.fruinClass[i] as number] ?? '',
      ];
    }
  }
}

// ------------------------------------------------------------------ backend.csv

export const BACKEND_COLUMNS = [
  'replication', 't_start_s', 'offered_tps', 'served_tps', 'local_checks_tps', 'host_utilisation', 'host_queue_mean', 'backlog_mean', 'p99_response_ms',
] as const;

/** Rows interval by interval for one replication's backend series (intervals starting before `durationNs`). */
export function* backendRows(replication: number, b: BackendSeries, durationNs: number): Generator<string[]> {
  const rep = formatNumber(replication);
  const n = b.offeredTps.length;
  for (let k = 0; k < n && k * b.intervalNs < durationNs; k++) {
    yield [
      rep,
      formatNumber((k * b.intervalNs) / NS_PER_S),
      formatNumber(b.offeredTps[k] ?? NaN),
      formatNumber(b.servedTps[k] ?? NaN),
      formatNumber(b.localChecksTps[k] ?? NaN),
      formatNumber(b.hostUtilisation[k] ?? NaN),
      formatNumber(b.hostQueueMean[k] ?? NaN),
      formatNumber(b.backlogMean[k] ?? NaN),
      formatNumber((b.p99ResponseS[k] ?? NaN) * 1e3),
    ];
  }
}

// ------------------------------------------------------------------ clock columns (issue 18)

/** `columns` with `clock` inserted right after the time column `after` (t_s, t_start_s). */
export function withClockColumn(columns: readonly string[], after: string): string[] {
  const at = columns.indexOf(after);
  return [...columns.slice(0, at + 1), 'clock', ...columns.slice(at + 1)];
}

/** Rows with the clock text (clock.ts) of their seconds column `at` inserted after it; `startS`: the scenario's startTime in s after midnight. */
export function* withClockRows(rows: Iterable<string[]>, at: number, startS: number): Generator<string[]> {
  for (const row of rows) yield [...row.slice(0, at + 1), clockText(startS, Number(row[at])), ...row.slice(at + 1)];
}

/** The columns of the three files as written: with their `clock` column. */
export const TRANSACTION_CSV_COLUMNS = withClockColumn(TRANSACTION_COLUMNS, 't_s');
export const GATE_CSV_COLUMNS = withClockColumn(GATE_COLUMNS, 't_start_s');
export const BACKEND_CSV_COLUMNS = withClockColumn(BACKEND_COLUMNS, 't_start_s');

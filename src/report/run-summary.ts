/**
 * The short text summary `tapsim run` prints after the "wrote …" line (what `npm start` shows):
 * passengers, gate-open and paid-correctly rates, p95 wait, the worst gateline, failure causes, wrong-gate, host p99 and
 * wall time, from the run folder's own files (run-report.ts loadRunFolder). At most ~12 lines.
 * With several replications every number is the mean ± the 95 % CI half-width over them (n in the
 * first line); a warm-up line says what the passenger counts count.
 */
import type { CiRow, RunFolderData, RunJson } from './run-folder.js';
import { sig } from './sig.js';
import { hasSpread } from '../experiment/stats.js';
import { clockTextShort, startTimeS } from './clock.js';
import { toS } from '../units.js';

function pad(label: string): string {
  return `  ${label.padEnd(16)}`;
}

function count(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v)) : '–';
}

/**
 * One summary-ci.csv row for the console, scaled by `scale` (n is stated once, in the summary's first
 * line): "mean ± half unit", "mean unit
 * (no spread across N replications)" when every replication gave the same value (experiment/stats.ts
 * hasSpread, as report/ci-text.ts decides it), the bare mean with one replication.
 */
export function summaryCiText(row: CiRow | undefined, scale = 1, format: (v: number) => string = sig, unit = ''): string {
  const u = unit === '' ? '' : ` ${unit}`;
  if (row === undefined) return `–${u}`;
  const mean = format(row.mean * scale);
  if (row.n < 2 || !Number.isFinite(row.halfWidth)) return `${mean}${u}`;
  if (!hasSpread(row)) return `${mean}${u} (no spread across ${row.n} replications)`;
  return `${mean} ± ${sig(row.halfWidth * scale, 2)}${u}`;
}

function durationText(s: number): string {
  return s >= 60 ? `${sig(s / 60)} min` : `${sig(s)} s`;
}

/** Where the worst gateline's peak interval starts: clock time with a startTime, else minutes since start. */
function intervalText(data: RunFolderData, tS: number): string {
  const start = data.scenario?.startTime;
  return start === undefined ? `interval from ${sig(tS / 60)} min` : `interval from ${clockTextShort(startTimeS(start), tS)}`;
}

/** The worst gateline on the replication-mean curve of gates.csv wait_p95_s, labelled as such, with a word when it sits below the overall p95. */
function worstGatelineLine(data: RunFolderData, m: (name: string) => number): string | undefined {
  let worst: { key: string; waitS: number; tS: number } | undefined;
  for (const g of data.gatelines ?? []) {
    g.waitP95S.forEach((w, i) => {
      if (Number.isFinite(w) && (worst === undefined || w > worst.waitS)) worst = { key: g.key, waitS: w, tS: g.tS[i] ?? NaN };
    });
  }
  if (worst === undefined) return undefined;
  const reps = data.replications > 1 ? `mean curve over ${data.replications} replications, ` : '';
  const overall = m('wait_p95_s');
  const below = worst.waitS < overall ? `; below the overall p95 (${sig(overall)} s): an interval's p95, averaged over replications, not the p95 of all waits` : '';
  return `${pad('worst gateline')}${worst.key}: wait p95 per interval peaks at ${sig(worst.waitS)} s (${reps}${intervalText(data, worst.tS)})${below}`;
}

/** What the passenger counts count when there is a warm-up. */
function warmupLine(data: RunFolderData): string | undefined {
  const warmupNs = data.scenario?.warmup ?? 0;
  if (!(warmupNs > 0)) return undefined;
  return `${pad('warm-up')}first ${durationText(toS(warmupNs))} not counted: "arrived" counts arrivals after it, "passed" every pass after it, so passengers who arrived during the warm-up but passed after it count as passed only`;
}

/** Lines of the summary (no trailing newline on each). */
export function runSummaryLines(data: RunFolderData, folder = '.'): string[] {
  const ci = data.ci;
  const m = (name: string): number => ci.get(name)?.mean ?? NaN;
  const v = (name: string, scale = 1, format: (x: number) => string = sig, unit = ''): string => summaryCiText(ci.get(name), scale, format, unit);
  const n = data.replications;
  const lines: string[] = [];
  lines.push(n > 1 ? `summary (mean per replication ± 95 % CI half-width, n = ${n} replications):` : 'summary:');
  lines.push(`${pad('passengers')}${v('passengers_arrived', 1, count)} arrived, ${v('passengers_passed', 1, count)} passed${m('passengers_balked') > 0 ? `, ${v('passengers_balked', 1, count)} balked` : ''}`);
  const warm = warmupLine(data);
  if (warm !== undefined) lines.push(warm);
  lines.push(`${pad('gate opened')}${v('gate_open_rate', 100, sig, '%')} of ${v('taps', 1, count)} taps (paid correctly ${v('paid_correctly_rate', 100, sig, '%')})`);
  lines.push(`${pad('wait p95')}${v('wait_p95_s', 1, sig, 's')} (p99 ${v('wait_p99_s', 1, sig, 's')})`);
  const worst = worstGatelineLine(data, m);
  if (worst !== undefined) lines.push(worst);
  const causes = [...ci.keys()]
    .filter((k) => k.startsWith('cause_') && k !== 'cause_ok' && k !== 'cause_wrong_gate' && k !== 'cause_wrong_card')
    .map((k) => ({ k, cause: k.slice(6).replace(/_/g, '-'), v: m(k) }))
    .filter((c) => c.v > 0)
    .sort((a, b) => b.v - a.v || (a.cause < b.cause ? -1 : 1));
  lines.push(`${pad('failed taps')}${causes.length === 0 ? 'none' : causes.map((c) => `${c.cause} ${n > 1 ? v(c.k) : count(c.v)}`).join(', ')}`);
  if (m('wrong_gate_per_10k_taps') > 0) lines.push(`${pad('wrong-gate')}${v('wrong_gate_per_10k_taps')} per 10k taps`);
  if (m('wrong_card_per_10k_taps') > 0) lines.push(`${pad('wrong-card')}${v('wrong_card_per_10k_taps')} per 10k taps`);
  if (m('host_online_requests') > 0) lines.push(`${pad('host p99')}${v('host_p99_ms', 1, sig, 'ms')} over ${v('host_online_requests', 1, count)} online requests (peak utilisation ${v('host_utilisation_peak', 100, sig, '%')})`);
  const failed = data.runJson.failures.length;
  lines.push(`${pad('wall time')}${data.runJson.wallTimeS} s${failed > 0 ? `; ${failed} replication(s) FAILED` : ''}`);
  lines.push(`${pad('report')}${folder}/index.html (figures/ and CSV files beside it)`);
  return lines;
}

/** One line per --until-ci target: the half-width reached, relative and absolute, with n (run.json untilCi and summary-ci.csv). */
export function untilCiLines(runJson: RunJson, ci: ReadonlyMap<string, CiRow>): string[] {
  return (runJson.untilCi ?? []).map((u) => {
    const row = ci.get(u.metric);
    const relative = u.achieved < 0 ? 'undefined' : `${sig(u.achieved * 100)} %`;
    const absolute = row === undefined || !Number.isFinite(row.halfWidth) ? '' : !hasSpread(row) ? `, no spread across ${row.n} replications (mean ${sig(row.mean)})` : `, ± ${sig(row.halfWidth)} on a mean of ${sig(row.mean)}`;
    const n = row?.n ?? runJson.replications;
    return `until-ci ${u.metric}: half-width reached ${relative} of the mean${absolute} (n = ${n} replications; target ${sig(u.relativeHalfWidth * 100)} %)${u.met ? '' : ' NOT met (cap reached)'}`;
  });
}

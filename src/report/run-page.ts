/** The HTML page of a run report: its tables, scenario and run items around the figures (run-figures.ts). Pure. */
import type { ResolvedScenario } from '../scenario/schema.js';
import { describeMetric } from './csv.js';
import type { KeyValue, ReportTable, RunReportInput } from './html.js';
import { runFigures } from './run-figures.js';
import type { CiRow, RunFolderData, RunJson } from './run-folder.js';
import { sig } from './sig.js';
import { hasSpread } from '../experiment/stats.js';
import { maxOf } from '../arrays.js';
import { toS } from '../units.js';

const KEY_METRICS: ReadonlyArray<readonly [string, string, string, number]> = [
  // label, metric, unit, scale
  ['Passengers arrived', 'passengers_arrived', 'persons', 1],
  ['Passengers through the gates', 'passengers_passed', 'persons', 1],
  ['Gate opened (ok + wrong-gate + wrong-card)', 'gate_open_rate', '%', 100],
  ['Paid correctly (ok)', 'paid_correctly_rate', '%', 100],
  ['Taps per passenger', 'taps_per_passenger', 'taps', 1],
  ['Wait p50', 'wait_p50_s', 's', 1],
  ['Wait p95', 'wait_p95_s', 's', 1],
  ['Wait p99', 'wait_p99_s', 's', 1],
  ['Time in system p95', 'time_in_system_p95_s', 's', 1],
  ['Tap-to-open p95', 'tap_to_open_p95_ms', 'ms', 1],
  ['Wrong-gate', 'wrong_gate_per_10k_taps', 'per 10k taps', 1],
  ['Wrong-card', 'wrong_card_per_10k_taps', 'per 10k taps', 1],
  ['Collisions', 'collision_per_10k_taps', 'per 10k taps', 1],
  ['Throughput, peak interval', 'throughput_peak_ppm_per_gate', '1/min per gate', 1],
  ['Throughput, mean', 'throughput_ppm_per_gate', '1/min per gate', 1],
  ['Gate utilisation', 'gate_utilisation', '%', 100],
  ['Host p99 response', 'host_p99_ms', 'ms', 1],
  ['Host utilisation, peak', 'host_utilisation_peak', '%', 100],
  ['Balked', 'passengers_balked', 'persons', 1],
];

/** The key-results table of index.html (exported for its golden test). */
export function keyTable(data: RunFolderData): ReportTable {
  const rows = KEY_METRICS.filter(([, m]) => data.ci.has(m)).map(([label, m, unit, scale]) => {
    const r = data.ci.get(m) as CiRow;
    // Waits below a millisecond are the sketch's floor (no wait), not a measured microsecond.
    const f = (v: number, digits?: number): string => (unit === 's' && Math.abs(v) < 1e-3 ? (v === 0 ? '0' : '< 0.001') : sig(v * scale, digits));
    // n is in the caption; equal values say so instead of an interval of ± 0 (stats.ts hasSpread).
    const spread = Number.isFinite(r.halfWidth) && hasSpread(r);
    const interval = spread ? `${f(r.lower)} … ${f(r.upper)}` : Number.isFinite(r.halfWidth) ? `no spread across ${r.n} replications` : '–';
    return [label, spread ? `${f(r.mean)} ± ${f(r.halfWidth, 2)}` : f(r.mean), interval, unit, m];
  });
  const n = data.replications;
  const warmupNs = data.scenario?.warmup ?? 0;
  const warmup = warmupNs > 0 ? ` Counted after the warm-up (${duration(warmupNs)}): "arrived" counts arrivals after it, "through the gates" every pass after it, so passengers who arrived during the warm-up and passed after it count as passed only (passed can exceed arrived).` : '';
  return {
    caption: `Key results: mean ± 95% CI half-width over n = ${n} replication${n === 1 ? '' : 's'}`,
    columns: ['Result', 'Mean ± half-width', '95% CI', 'Unit', 'Metric'],
    rows,
    note: `From summary-ci.csv: Student-t 95% confidence interval of the mean over ${n} replication(s); with one replication, or when every replication gave the same value (no spread), there is no interval (–). NaN (no data) shows as –.${warmup}`,
  };
}

function fullCiTable(data: RunFolderData): ReportTable {
  const rows = [...data.ci.values()].map((r) => [r.metric, r.n, sig(r.mean, 4), sig(r.sd, 3), sig(r.lower, 4), sig(r.upper, 4), describeMetric(r.metric)]);
  return {
    caption: 'All metrics: mean, sd and 95% CI over replications (summary-ci.csv)',
    columns: ['Metric', 'n', 'Mean', 'sd', 'CI low', 'CI high', 'Meaning, unit'],
    rows,
    note: 'Per-replication values are in summary.csv; column meanings in columns.md.',
  };
}

function duration(ns: number): string {
  const s = toS(ns);
  if (s >= 3600 && s % 60 === 0) return `${sig(s / 3600, 3)} h`;
  if (s >= 60) return `${sig(s / 60, 3)} min`;
  return `${sig(s, 3)} s`;
}

function scenarioItems(s: ResolvedScenario): KeyValue[] {
  const items: KeyValue[] = [
    { key: 'Duration', value: `${duration(s.duration)} (warm-up ${duration(s.warmup)}), output interval ${duration(s.outputs.interval)}` },
    { key: 'Replications, seed', value: `${s.replications}, ${s.seed}` },
    { key: 'Carriers', value: s.carriers.map((c) => `${c.id}${c.kind === c.id ? '' : ` (${c.kind})`} ${sig(c.share * 100)} %`).join('; ') },
    {
      key: 'Readers',
      value: s.readers
        .map((r) => `${r.id}: ${r.bands.join(' + ')}${r.rcc !== null ? ` (RCC trigger ${sig(r.rcc.triggerDistance * 100)} cm, LF control ${r.rcc.lfControl ? 'on' : 'off'})` : ''}`)
        .join('; '),
    },
  ];
  const lines: string[] = [];
  for (const st of s.stations) for (const e of st.entrances) for (const g of e.gatelines) lines.push(`${st.id}/${g.id}: ${g.gates} gates, reader ${g.reader}, pitch ${sig(g.pitch * 100)} cm`);
  const shown = lines.slice(0, 12);
  items.push({ key: `Gatelines (${lines.length})`, value: shown.join('; ') + (lines.length > shown.length ? `; … and ${lines.length - shown.length} more` : '') });
  items.push({ key: 'Backend', value: `link ${s.backend.link.kind}${s.backend.link.outages.length > 0 ? ` with ${s.backend.link.outages.length} outage(s)` : ''}; ${s.backend.channels.map((c) => `${c.id}: ${c.servers} host server(s)`).join('; ')}` });
  items.push({ key: 'Retry', value: `up to ${s.retry.maxTaps} taps, then ${s.retry.fallback}` });
  return items;
}

function metaItems(r: RunJson): KeyValue[] {
  return [
    { key: 'Tool', value: `${r.tool} ${r.version}` },
    { key: 'Scenario file', value: r.scenario.file ?? '–' },
    { key: 'Scenario SHA-256', value: r.scenario.sha256 },
    { key: 'Seed', value: String(r.seed) },
    { key: 'Replications', value: `${r.replications} (${r.failures.length} failed)` },
    { key: 'Workers', value: String(r.workers) },
    { key: 'Wall time', value: `${r.wallTimeS} s` },
    { key: 'Kernel events', value: String(r.events) },
    ...r.failures.map((f) => ({ key: `Failed replication ${f.replication}`, value: f.message })),
    { key: 'Fingerprint', value: r.fingerprint },
  ];
}

/** The report (page and figures) of loaded run-folder data. Pure. */
export function buildRunReport(data: RunFolderData): RunReportInput {
  const s = data.scenario;
  const durationS = s === null ? maxOf((data.gatelines ?? []).flatMap((t) => t.tS), 0) + 60 : toS(s.duration);
  const warmupS = s === null ? 0 : toS(s.warmup);
  const built = runFigures(data, s, durationS, warmupS);
  const name = data.runJson.scenario.name;
  return {
    title: `${name} — tapsim run report`,
    intro:
      `${s?.description !== undefined && s.description !== '' ? `${s.description} ` : ''}` +
      `Seed ${data.runJson.seed}, ${data.replications} replication(s). Numbers are means over replications with 95% confidence intervals; ` +
      'the tables and figures are rendered from the CSV files in this folder (re-render with "tapsim report <folder>").',
    ...(s === null ? {} : { scenario: { name, ...(s.description !== undefined && s.description !== '' ? { description: s.description } : {}), items: scenarioItems(s) } }),
    meta: metaItems(data.runJson),
    fingerprint: data.runJson.fingerprint,
    tables: data.ci.size === 0 ? [] : [keyTable(data), fullCiTable(data)],
    figures: built.figures,
    figureNotes: built.notes,
    figureMode: 'link',
  };
}


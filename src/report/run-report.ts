/**
 * The report of a run folder (DESIGN §6): figures/*.svg and index.html, rendered by one function,
 * `renderRunReport(dir)`, from the folder's own files only — run.json, scenario.resolved.json,
 * summary.csv, summary-ci.csv, latency.csv, gates.csv, backend.csv — so a run renders it into
 * its temporary folder before the rename, and `tapsim report <dir>` re-renders the same bytes
 * later without re-running. No clock, no folder name and no environment go into the output.
 *
 * Files are written by write.ts, each atomically (temporary file, then rename).
 */
import { join } from 'node:path';
import type { RunJson } from '../orchestrate/run-scenario.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { barChart, cdfChart, lineChart, type LineSeries, type ReferenceLine } from './charts.js';
import { describeMetric } from './csv.js';
import { csvNumber, forEachCsvRecord, headerIndex, readCsvTable } from './csv-read.js';
import { fieldMapFigures } from './field-map.js';
import { runReportFiles, type KeyValue, type ReportFigure, type ReportFile, type ReportTable, type RunReportInput } from './html.js';
import { pathExists, readTextOptional, writeFileAtomic } from './write.js';
import { maxOf, minOf, pushAll } from '../arrays.js';
import { bandLabel } from '../radio/bands.js';

/** The folder is not a run folder (no run.json): the CLI turns this into exit 2. */
export class NotARunFolderError extends Error {
  constructor(readonly dir: string) {
    super(`${dir} is not a tapsim run folder (no run.json)`);
    this.name = 'NotARunFolderError';
  }
}

/** Gatelines shown in a time-series figure at most. */
export const MAX_GATELINES_SHOWN = 8;

// ------------------------------------------------------------------ reading the folder

export interface CiRow {
  readonly metric: string;
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly halfWidth: number;
  readonly lower: number;
  readonly upper: number;
}

/** Per gateline, mean over replications per interval. */
export interface GatelineTrack {
  readonly key: string;
  readonly gates: number;
  /** Interval starts, s. */
  readonly tS: number[];
  readonly queueMean: number[];
  readonly waitP95S: number[];
  readonly ppmPerGate: number[];
}

export interface BackendTrack {
  readonly tS: number[];
  readonly offeredTps: number[];
  readonly servedTps: number[];
  readonly hostUtilisation: number[];
  readonly p99ResponseMs: number[];
}

export interface LatencyCurve {
  readonly carrier: string;
  readonly band: string;
  readonly quantiles: { p: number; value: number }[];
}

/** What a run folder holds, as the report needs it. */
export interface RunFolderData {
  readonly runJson: RunJson;
  readonly scenario: ResolvedScenario | null;
  readonly ci: ReadonlyMap<string, CiRow>;
  /** Replications with a row in summary.csv. */
  readonly replications: number;
  readonly latency: LatencyCurve[] | null;
  readonly gatelines: GatelineTrack[] | null;
  readonly backend: BackendTrack | null;
}

async function readOptional(path: string): Promise<string | null> {
  return readTextOptional(path);
}

type Sums = Map<string, Map<number, { sums: number[]; counts: number[] }>>;

/**
 * One pass over a time-series CSV (gates.csv, backend.csv) without keeping its rows: means per
 * (group, t_start_s) of `columns` over replications, finite values only; groups in first-seen
 * order. `first` gets every group's first row (e.g. the gate count).
 */
function meanSeries(text: string, groupName: string | null, columns: readonly string[], first?: (group: string, row: readonly string[], col: (name: string) => number) => void): Sums {
  const out: Sums = new Map();
  let col: (name: string) => number = () => -1;
  let tCol = -1;
  let groupCol = -1;
  let cols: number[] = [];
  forEachCsvRecord(text, (row, index) => {
    if (index === 0) {
      col = headerIndex(row);
      tCol = col('t_start_s');
      groupCol = groupName === null ? -1 : col(groupName);
      cols = columns.map(col);
      return;
    }
    const group = groupCol < 0 ? '' : (row[groupCol] ?? '');
    let byT = out.get(group);
    if (byT === undefined) {
      out.set(group, (byT = new Map()));
      first?.(group, row, col);
    }
    const t = csvNumber(row[tCol]);
    let acc = byT.get(t);
    if (acc === undefined) byT.set(t, (acc = { sums: cols.map(() => 0), counts: cols.map(() => 0) }));
    for (let c = 0; c < cols.length; c++) {
      const v = csvNumber(row[cols[c] as number]);
      if (Number.isFinite(v)) {
        acc.sums[c] = (acc.sums[c] as number) + v;
        acc.counts[c] = (acc.counts[c] as number) + 1;
      }
    }
  });
  return out;
}

function unpack(byT: Map<number, { sums: number[]; counts: number[] }>, nCols: number): { tS: number[]; cols: number[][] } {
  const tS = [...byT.keys()].sort((a, b) => a - b);
  const cols = Array.from({ length: nCols }, (_, c) =>
    tS.map((t) => {
      const acc = byT.get(t) as { sums: number[]; counts: number[] };
      const n = acc.counts[c] as number;
      return n > 0 ? (acc.sums[c] as number) / n : NaN;
    }),
  );
  return { tS, cols };
}

/** Read and aggregate a run folder. Throws NotARunFolderError without run.json. */
export async function loadRunFolder(dir: string, pending: { runJson?: string } = {}): Promise<RunFolderData> {
  const runText = pending.runJson ?? (await readOptional(join(dir, 'run.json')));
  if (runText === null) throw new NotARunFolderError(dir);
  const runJson = JSON.parse(runText) as RunJson;
  const scenarioText = await readOptional(join(dir, 'scenario.resolved.json'));
  const scenario = scenarioText === null ? null : (JSON.parse(scenarioText) as ResolvedScenario);

  const ci = new Map<string, CiRow>();
  const ciText = await readOptional(join(dir, 'summary-ci.csv'));
  if (ciText !== null) {
    const t = readCsvTable(ciText);
    const c = (name: string): number => t.col(name);
    for (const r of t.rows) {
      const metric = r[c('metric')] ?? '';
      ci.set(metric, {
        metric,
        n: csvNumber(r[c('n')]),
        mean: csvNumber(r[c('mean')]),
        sd: csvNumber(r[c('sd')]),
        halfWidth: csvNumber(r[c('ci95_half_width')]),
        lower: csvNumber(r[c('ci95_lower')]),
        upper: csvNumber(r[c('ci95_upper')]),
      });
    }
  }
  const summaryText = await readOptional(join(dir, 'summary.csv'));
  const replications = summaryText === null ? 0 : readCsvTable(summaryText).rows.length;

  let latency: LatencyCurve[] | null = null;
  const latencyText = await readOptional(join(dir, 'latency.csv'));
  if (latencyText !== null) {
    const t = readCsvTable(latencyText);
    const byKey = new Map<string, LatencyCurve>();
    for (const r of t.rows) {
      const carrier = r[t.col('carrier')] ?? '';
      const band = r[t.col('band')] ?? '';
      const key = `${carrier}|${band}`;
      let curve = byKey.get(key);
      if (curve === undefined) byKey.set(key, (curve = { carrier, band, quantiles: [] }));
      curve.quantiles.push({ p: csvNumber(r[t.col('p')]), value: csvNumber(r[t.col('latency_ms')]) });
    }
    latency = [...byKey.values()];
  }

  let gatelines: GatelineTrack[] | null = null;
  const gatesText = await readOptional(join(dir, 'gates.csv'));
  if (gatesText !== null) {
    const gatesOf = new Map<string, number>();
    const series = meanSeries(gatesText, 'gateline', ['queue_mean', 'wait_p95_s', 'throughput_ppm_per_gate'], (key, row, col) => gatesOf.set(key, csvNumber(row[col('gates')])));
    gatelines = [...series].map(([key, byT]) => {
      const { tS, cols } = unpack(byT, 3);
      return { key, gates: gatesOf.get(key) ?? NaN, tS, queueMean: cols[0] ?? [], waitP95S: cols[1] ?? [], ppmPerGate: cols[2] ?? [] };
    });
  }

  let backend: BackendTrack | null = null;
  const backendText = await readOptional(join(dir, 'backend.csv'));
  if (backendText !== null) {
    const series = meanSeries(backendText, null, ['offered_tps', 'served_tps', 'host_utilisation', 'p99_response_ms']);
    const byT = series.get('');
    if (byT !== undefined) {
      const { tS, cols } = unpack(byT, 4);
      backend = { tS, offeredTps: cols[0] ?? [], servedTps: cols[1] ?? [], hostUtilisation: cols[2] ?? [], p99ResponseMs: cols[3] ?? [] };
    } else {
      backend = { tS: [], offeredTps: [], servedTps: [], hostUtilisation: [], p99ResponseMs: [] };
    }
  }
  return { runJson, scenario, ci, replications, latency, gatelines, backend };
}

// ------------------------------------------------------------------ numbers

/** A number for people: 3 significant digits (4 with `digits`), grouping-free integers ≥ 1000, '–' for NaN. */
export function sig(v: number, digits = 3): string {
  if (Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  let s: string;
  if (abs >= 10 ** digits) s = String(Math.round(v));
  else if (abs >= 1e-3) s = String(Number(v.toPrecision(digits)));
  else s = v.toExponential(digits - 1);
  return s.replace(/^-/, '−');
}

function mean(ci: ReadonlyMap<string, CiRow>, metric: string): number {
  return ci.get(metric)?.mean ?? NaN;
}

/** Time axis: minutes, or hours for runs longer than 6 h. */
function timeAxis(durationS: number): { scale: number; unit: string } {
  return durationS > 6 * 3600 ? { scale: 1 / 3600, unit: 'h' } : { scale: 1 / 60, unit: 'min' };
}

// ------------------------------------------------------------------ figures

interface Built {
  figures: ReportFigure[];
  notes: string[];
}

function latencyFigure(data: RunFolderData, out: Built): void {
  const curves = (data.latency ?? []).filter((c) => c.quantiles.some((q) => Number.isFinite(q.value)));
  if (data.latency === null) {
    out.notes.push('No latency.csv in this folder: no tap-latency figure.');
    return;
  }
  if (curves.length === 0) {
    out.notes.push('No successful taps: no tap-latency figure.');
    return;
  }
  const values = curves.flatMap((c) => c.quantiles.map((q) => q.value)).filter((v) => v > 0);
  const log = values.length > 0 && maxOf(values) / minOf(values) > 30;
  out.figures.push({
    file: 'tap-latency-cdf.svg',
    caption: `Tap latency of successful taps per carrier and band, all replications (latency.csv).`,
    svg: cdfChart({
      title: 'Tap latency by carrier and band',
      subtitle: `Successful taps, all replications; first answerable poll/beacon to last frame${log ? ' (log scale)' : ''}`,
      x: { label: 'Tap latency', unit: 'ms', log },
      legendTitle: 'Carrier (band)',
      series: curves.map((c) => ({ name: `${c.carrier} (${bandLabel(c.band)})`, quantiles: c.quantiles })),
    }),
  });
}

const CAUSE_ORDER = ['out_of_range', 'tear', 'collision', 'frame_errors', 'timeout', 'declined', 'wrong_gate'] as const;

function failureFigures(data: RunFolderData, out: Built): void {
  const causes = [...data.ci.keys()].filter((m) => m.startsWith('cause_') && m !== 'cause_ok');
  if (causes.length === 0) return;
  const ordered = causes
    .map((m) => ({ m, v: mean(data.ci, m) }))
    .sort((a, b) => (b.v || 0) - (a.v || 0) || CAUSE_ORDER.indexOf(a.m.slice(6) as (typeof CAUSE_ORDER)[number]) - CAUSE_ORDER.indexOf(b.m.slice(6) as (typeof CAUSE_ORDER)[number]) || (a.m < b.m ? -1 : 1));
  const taps = mean(data.ci, 'taps');
  out.figures.push({
    file: 'failures-by-cause.svg',
    caption: `Failed taps by cause, mean per replication (summary.csv cause_*); wrong-gate opens a gate but bills the wrong one.`,
    svg: barChart({
      title: 'Failed taps by cause',
      subtitle: `Mean per replication over ${data.replications} replication(s), out of ${sig(taps)} taps`,
      categories: ordered.map((o) => o.m.slice(6).replace(/_/g, '-')),
      series: [{ name: 'Taps', values: ordered.map((o) => o.v) }],
      value: { label: 'Tap attempts per replication', unit: 'count' },
      categoryLabel: 'Cause',
      valueDecimals: 1,
    }),
  });
  const bands = [['nfc', '13.56 MHz'], ['rcc', '2.45 GHz RCC'], ['qr', 'QR (optical)']] as const;
  const shown = bands.filter(([b]) => Number.isFinite(mean(data.ci, `success_rate_${b}`)));
  if (shown.length === 0) return;
  out.figures.push({
    file: 'failure-rate-by-band.svg',
    caption: 'Share of taps not ending "ok" per band (1 − success_rate_<band>); the per-band split of causes is in transactions.csv when written.',
    svg: barChart({
      title: 'Failed taps by band',
      subtitle: `Share of the band's tap attempts not ending "ok"; mean over ${data.replications} replication(s)`,
      categories: shown.map(([, label]) => label),
      series: [{ name: 'Not ok', values: shown.map(([b]) => (1 - mean(data.ci, `success_rate_${b}`)) * 100) }],
      value: { label: 'Tap attempts not ok', unit: '%' },
      categoryLabel: 'Band',
      valueDecimals: 2,
    }),
  });
}

function pick(tracks: readonly GatelineTrack[], value: (t: GatelineTrack) => readonly number[]): { shown: GatelineTrack[]; note: string } {
  const peak = (t: GatelineTrack): number => value(t).reduce((a, v) => (Number.isFinite(v) && v > a ? v : a), -Infinity);
  if (tracks.length <= MAX_GATELINES_SHOWN) return { shown: [...tracks], note: '' };
  const shown = [...tracks].sort((a, b) => peak(b) - peak(a) || (a.key < b.key ? -1 : 1)).slice(0, MAX_GATELINES_SHOWN);
  return { shown, note: ` Showing the ${MAX_GATELINES_SHOWN} of ${tracks.length} gatelines with the highest peak (all are in gates.csv).` };
}

function gatelineFigures(data: RunFolderData, durationS: number, warmupS: number, out: Built): void {
  const tracks = data.gatelines;
  if (tracks === null) {
    out.notes.push('No gates.csv in this folder: no gateline figures.');
    return;
  }
  if (tracks.length === 0) return;
  const axis = timeAxis(durationS);
  const refs: ReferenceLine[] = warmupS > 0 ? [{ value: warmupS * axis.scale, label: 'end of warm-up', axis: 'x', style: 'light' }] : [];
  const series = (shown: readonly GatelineTrack[], value: (t: GatelineTrack) => readonly number[]): LineSeries[] =>
    shown.map((t) => {
      const v = value(t);
      // Intervals start before the end; a value carries to the end of its interval.
      const points = t.tS.map((ts, i) => ({ x: ts * axis.scale, y: v[i] ?? NaN })).filter((p) => p.x < durationS * axis.scale);
      const last = points[points.length - 1];
      if (last !== undefined && durationS * axis.scale > last.x) points.push({ x: durationS * axis.scale, y: last.y });
      return { name: t.key, points };
    });
  const x = { label: 'Time since scenario start', unit: axis.unit, domain: [0, durationS * axis.scale] as const };
  const reps = `mean over ${data.replications} replication(s)`;
  const specs = [
    { file: 'queue-length.svg', title: 'Queue length per gateline', value: (t: GatelineTrack) => t.queueMean, y: { label: 'Passengers queueing (time average)', unit: 'persons', includeZero: true }, caption: `Queue length per gateline over time, ${reps} (gates.csv queue_mean).` },
    { file: 'wait-p95.svg', title: 'Wait p95 per gateline', value: (t: GatelineTrack) => t.waitP95S, y: { label: 'Wait in queue, 95th percentile', unit: 's', includeZero: true }, caption: `Wait p95 per gateline over time, ${reps} (gates.csv wait_p95_s).` },
    { file: 'gate-throughput.svg', title: 'Gate throughput per gateline', value: (t: GatelineTrack) => t.ppmPerGate, y: { label: 'Passengers per minute per gate', unit: '1/min', includeZero: true }, caption: `Gate throughput per gateline over time, passengers per minute per gate, ${reps} (gates.csv).` },
  ];
  for (const s of specs) {
    const { shown, note } = pick(tracks, s.value);
    out.figures.push({
      file: s.file,
      caption: s.caption + note,
      svg: lineChart({
        title: s.title,
        subtitle: `${reps[0]?.toUpperCase()}${reps.slice(1)}; one step per output interval${note === '' ? '' : `; ${MAX_GATELINES_SHOWN} of ${tracks.length} gatelines (highest peaks)`}`,
        x,
        y: s.y,
        curve: 'step',
        legendTitle: 'Gateline',
        series: series(shown, s.value),
        references: refs,
      }),
    });
  }
}

function backendFigures(data: RunFolderData, durationS: number, out: Built): void {
  const b = data.backend;
  if (b === null) {
    out.notes.push('No backend.csv in this folder: no backend figures.');
    return;
  }
  const online = mean(data.ci, 'host_online_requests');
  if (!(online > 0)) {
    out.notes.push('No online authorisation traffic in this run (host_online_requests = 0): backend TPS, host utilisation and p99 response figures are left out.');
    return;
  }
  const axis = timeAxis(durationS);
  const x = { label: 'Time since scenario start', unit: axis.unit, domain: [0, durationS * axis.scale] as const };
  const pts = (v: readonly number[]): { x: number; y: number }[] => {
    const p = b.tS.map((t, i) => ({ x: t * axis.scale, y: v[i] ?? NaN })).filter((q) => q.x < durationS * axis.scale);
    const last = p[p.length - 1];
    if (last !== undefined && durationS * axis.scale > last.x) p.push({ x: durationS * axis.scale, y: last.y });
    return p;
  };
  const reps = `Mean over ${data.replications} replication(s)`;
  out.figures.push({
    file: 'backend-tps.svg',
    caption: `Backend TPS offered by the terminals and served by the hosts over time, ${reps.toLowerCase()} (backend.csv).`,
    svg: lineChart({
      title: 'Backend load: offered and served TPS',
      subtitle: `${reps}; all hosts together`,
      x,
      y: { label: 'Transactions per second', unit: '1/s', includeZero: true },
      curve: 'step',
      legendTitle: 'Series',
      series: [
        { name: 'Offered (terminals)', points: pts(b.offeredTps) },
        { name: 'Served (hosts)', points: pts(b.servedTps) },
      ],
    }),
  });
  out.figures.push({
    file: 'host-utilisation.svg',
    caption: `Host utilisation over time, ${reps.toLowerCase()} (backend.csv).`,
    svg: lineChart({
      title: 'Host utilisation',
      subtitle: `${reps}; busy servers / all servers`,
      x,
      y: { label: 'Host utilisation', unit: '%', includeZero: true },
      curve: 'step',
      legendTitle: 'Series',
      series: [{ name: 'All hosts', points: pts(b.hostUtilisation.map((u) => u * 100)) }],
    }),
  });
  out.figures.push({
    file: 'host-p99-response.svg',
    caption: `Online authorisation response time p99 over time, ${reps.toLowerCase()} (backend.csv).`,
    svg: lineChart({
      title: 'Online authorisation response time, p99',
      subtitle: `${reps}; intervals without online responses left blank`,
      x,
      y: { label: 'Response time, 99th percentile', unit: 'ms', includeZero: true },
      curve: 'step',
      legendTitle: 'Series',
      series: [{ name: 'p99 response', points: pts(b.p99ResponseMs) }],
    }),
  });
}

// ------------------------------------------------------------------ tables and the page

const KEY_METRICS: ReadonlyArray<readonly [string, string, string, number]> = [
  // label, metric, unit, scale
  ['Passengers arrived', 'passengers_arrived', 'persons', 1],
  ['Passengers through the gates', 'passengers_passed', 'persons', 1],
  ['Tap success', 'tap_success_rate', '%', 100],
  ['Taps per passenger', 'taps_per_passenger', 'taps', 1],
  ['Wait p50', 'wait_p50_s', 's', 1],
  ['Wait p95', 'wait_p95_s', 's', 1],
  ['Wait p99', 'wait_p99_s', 's', 1],
  ['Time in system p95', 'time_in_system_p95_s', 's', 1],
  ['Tap-to-open p95', 'tap_to_open_p95_ms', 'ms', 1],
  ['Wrong-gate', 'wrong_gate_per_10k_taps', 'per 10k taps', 1],
  ['Collisions', 'collision_per_10k_taps', 'per 10k taps', 1],
  ['Throughput, peak interval', 'throughput_peak_ppm_per_gate', '1/min per gate', 1],
  ['Throughput, mean', 'throughput_ppm_per_gate', '1/min per gate', 1],
  ['Gate utilisation', 'gate_utilisation', '%', 100],
  ['Host p99 response', 'host_p99_ms', 'ms', 1],
  ['Host utilisation, peak', 'host_utilisation_peak', '%', 100],
  ['Balked', 'passengers_balked', 'persons', 1],
];

function keyTable(data: RunFolderData): ReportTable {
  const rows = KEY_METRICS.filter(([, m]) => data.ci.has(m)).map(([label, m, unit, scale]) => {
    const r = data.ci.get(m) as CiRow;
    // Waits below a millisecond are the sketch's floor (no wait), not a measured microsecond.
    const f = (v: number, digits?: number): string => (unit === 's' && Math.abs(v) < 1e-3 ? (v === 0 ? '0' : '< 0.001') : sig(v * scale, digits));
    const ciText = Number.isFinite(r.halfWidth) ? `${f(r.lower)} … ${f(r.upper)}` : '–';
    const value = Number.isFinite(r.halfWidth) ? `${f(r.mean)} ± ${f(r.halfWidth, 2)}` : f(r.mean);
    return [label, value, ciText, unit, m];
  });
  return {
    caption: 'Key results: mean ± 95% CI half-width over replications',
    columns: ['Result', 'Mean ± half-width', '95% CI', 'Unit', 'Metric'],
    rows,
    note: `From summary-ci.csv: Student-t 95% confidence interval of the mean over ${data.replications} replication(s); with one replication there is no interval (–). NaN (no data) shows as –.`,
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
  const s = ns / 1e9;
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
  const durationS = s === null ? maxOf((data.gatelines ?? []).flatMap((t) => t.tS), 0) + 60 : s.duration / 1e9;
  const warmupS = s === null ? 0 : s.warmup / 1e9;
  const built: Built = { figures: [], notes: [] };
  latencyFigure(data, built);
  failureFigures(data, built);
  gatelineFigures(data, durationS, warmupS, built);
  backendFigures(data, durationS, built);
  if (s !== null) {
    const maps = fieldMapFigures(s);
    pushAll(built.figures, maps.figures);
    pushAll(built.notes, maps.notes);
  } else {
    built.notes.push('No scenario.resolved.json in this folder: no field maps.');
  }
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

/** Every report file of the run folder `dir` (index.html, figures/*.svg), read from its own files. */
export async function runReportFilesOf(dir: string, pending: { runJson?: string } = {}): Promise<ReportFile[]> {
  return runReportFiles(buildRunReport(await loadRunFolder(dir, pending)));
}

/**
 * Render figures/*.svg and index.html of the run folder `dir` from its own files, each written
 * atomically. Returns the paths written, relative to `dir`. Throws NotARunFolderError without run.json.
 * `pending.runJson`: the text of a run.json not written yet (a run folder being built writes it last).
 */
export async function renderRunReport(dir: string, pending: { runJson?: string } = {}): Promise<string[]> {
  if (!(await pathExists(dir))) throw new NotARunFolderError(dir);
  const files = await runReportFilesOf(dir, pending);
  // Figures first, the page last: a reader of index.html never sees it before its figures.
  const ordered = [...files.filter((f) => f.path !== 'index.html'), ...files.filter((f) => f.path === 'index.html')];
  for (const f of ordered) await writeFileAtomic(join(dir, f.path), f.content);
  return ordered.map((f) => f.path);
}

/** The figures of a run report, built from the loaded folder data (run-folder.ts). Pure. */
import type { ResolvedScenario } from '../scenario/schema.js';
import { barChart, cdfChart, lineChart, type LineSeries, type ReferenceLine } from './charts.js';
import { fieldMapFigures } from './field-map.js';
import type { ReportFigure } from './html.js';
import type { CiRow, GatelineTrack, RunFolderData } from './run-folder.js';
import { sig } from './sig.js';
import { maxOf, minOf, pushAll } from '../arrays.js';
import { bandLabel } from '../radio/bands.js';
import type { AxisInput } from './charts/common.js';
import { clockTextShort, startTimeS } from './clock.js';

/** Gatelines shown in a time-series figure at most. */
export const MAX_GATELINES_SHOWN = 8;

function mean(ci: ReadonlyMap<string, CiRow>, metric: string): number {
  return ci.get(metric)?.mean ?? NaN;
}

/** Time axis: minutes, or hours for runs longer than 6 h, since scenario start; with a startTime, clock time in hours of the day. */
export interface TimeAxis {
  readonly scale: number;
  /** Added to `t · scale`: the startTime in axis units (0 without one). */
  readonly offset: number;
  readonly unit: string;
  readonly clock: boolean;
}

export function timeAxis(durationS: number, startTime?: string): TimeAxis {
  if (startTime !== undefined) return { scale: 1 / 3600, offset: startTimeS(startTime) / 3600, unit: '', clock: true };
  return durationS > 6 * 3600 ? { scale: 1 / 3600, offset: 0, unit: 'h', clock: false } : { scale: 1 / 60, offset: 0, unit: 'min', clock: false };
}

/** The axis position of simulated time `tS`. */
export function axisX(axis: TimeAxis, tS: number): number {
  return axis.offset + tS * axis.scale;
}

/** The x axis of a time-series figure over [0, durationS]. */
export function timeXAxis(axis: TimeAxis, durationS: number): AxisInput {
  const domain = [axisX(axis, 0), axisX(axis, durationS)] as const;
  if (!axis.clock) return { label: 'Time since scenario start', unit: axis.unit, domain };
  return { label: 'Clock time', domain, tickText: (h: number) => clockTextShort(0, Math.round(h * 3600)) };
}

export interface Built {
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

const CAUSE_ORDER = ['out_of_range', 'tear', 'collision', 'frame_errors', 'timeout', 'declined', 'wrong_gate', 'wrong_card'] as const;

function failureFigures(data: RunFolderData, out: Built): void {
  const causes = [...data.ci.keys()].filter((m) => m.startsWith('cause_') && m !== 'cause_ok');
  if (causes.length === 0) return;
  const ordered = causes
    .map((m) => ({ m, v: mean(data.ci, m) }))
    .sort((a, b) => (b.v || 0) - (a.v || 0) || CAUSE_ORDER.indexOf(a.m.slice(6) as (typeof CAUSE_ORDER)[number]) - CAUSE_ORDER.indexOf(b.m.slice(6) as (typeof CAUSE_ORDER)[number]) || (a.m < b.m ? -1 : 1));
  const taps = mean(data.ci, 'taps');
  out.figures.push({
    file: 'failures-by-cause.svg',
    caption: `Failed taps by cause, mean per replication (summary.csv cause_*); wrong-gate and wrong-card open a gate but bill the wrong carrier.`,
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
  const shown = bands.filter(([b]) => Number.isFinite(mean(data.ci, `paid_correctly_rate_${b}`)));
  if (shown.length === 0) return;
  out.figures.push({
    file: 'failure-rate-by-band.svg',
    caption: 'Share of taps not ending "ok" per band (1 − paid_correctly_rate_<band>); the per-band split of causes is in transactions.csv when written.',
    svg: barChart({
      title: 'Failed taps by band',
      subtitle: `Share of the band's tap attempts not ending "ok"; mean over ${data.replications} replication(s)`,
      categories: shown.map(([, label]) => label),
      series: [{ name: 'Not ok', values: shown.map(([b]) => (1 - mean(data.ci, `paid_correctly_rate_${b}`)) * 100) }],
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
  const axis = timeAxis(durationS, data.scenario?.startTime);
  const refs: ReferenceLine[] = warmupS > 0 ? [{ value: axisX(axis, warmupS), label: 'end of warm-up', axis: 'x', style: 'light' }] : [];
  const end = axisX(axis, durationS);
  const series = (shown: readonly GatelineTrack[], value: (t: GatelineTrack) => readonly number[]): LineSeries[] =>
    shown.map((t) => {
      const v = value(t);
      // Intervals start before the end; a value carries to the end of its interval.
      const points = t.tS.map((ts, i) => ({ x: axisX(axis, ts), y: v[i] ?? NaN })).filter((p) => p.x < end);
      const last = points[points.length - 1];
      if (last !== undefined && end > last.x) points.push({ x: end, y: last.y });
      return { name: t.key, points };
    });
  const x = timeXAxis(axis, durationS);
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
  const axis = timeAxis(durationS, data.scenario?.startTime);
  const x = timeXAxis(axis, durationS);
  const end = axisX(axis, durationS);
  const pts = (v: readonly number[]): { x: number; y: number }[] => {
    const p = b.tS.map((t, i) => ({ x: axisX(axis, t), y: v[i] ?? NaN })).filter((q) => q.x < end);
    const last = p[p.length - 1];
    if (last !== undefined && end > last.x) p.push({ x: end, y: last.y });
    return p;
  };
  const reps = `Mean over ${data.replications} replication(s)`;
  const local = b.localChecksTps.some((v) => v > 0);
  out.figures.push({
    file: 'backend-tps.svg',
    caption:
      `Backend TPS: host-bound requests (online attempts and record batches) offered to the hosts and served by them over time, ${reps.toLowerCase()} (backend.csv offered_tps, served_tps)` +
      (local ? '; deferred taps checked locally at the terminals, which never reach a host on their own, apart (local_checks_tps).' : '.'),
    svg: lineChart({
      title: 'Backend load: offered and served TPS',
      subtitle: `${reps}; all hosts together`,
      x,
      y: { label: 'Transactions per second', unit: '1/s', includeZero: true },
      curve: 'step',
      legendTitle: 'Series',
      series: [
        { name: 'Offered to the hosts', points: pts(b.offeredTps) },
        { name: 'Served by the hosts', points: pts(b.servedTps) },
        ...(local ? [{ name: 'Checked locally (deferred)', points: pts(b.localChecksTps) }] : []),
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

/** The line-load figure (scenarios with network.od): each line's load factor over time; null without line-load.csv. */
function lineLoadFigure(data: RunFolderData, durationS: number): ReportFigure | null {
  const lines = data.lines ?? null; // (folders read before line-load.csv existed have none)
  if (lines === null || lines.length === 0) return null;
  const axis = timeAxis(durationS, data.scenario?.startTime);
  const end = axisX(axis, durationS);
  const reps = `mean over ${data.replications} replication(s)`;
  return {
    file: 'line-load.svg',
    caption: `Load factor of each line over time (riders ÷ seats of the train departures in each interval, both directions), ${reps} (line-load.csv); intervals without a departure are left blank.`,
    svg: lineChart({
      title: 'Line load over time',
      subtitle: `Riders ÷ seats at departure, ${reps}; one step per output interval`,
      x: timeXAxis(axis, durationS),
      y: { label: 'Load factor', unit: '', includeZero: true },
      curve: 'step',
      legendTitle: 'Line',
      series: lines.map((l) => ({ name: l.key, points: l.tS.map((t, i) => ({ x: axisX(axis, t), y: l.loadFactor[i] ?? NaN })).filter((p) => p.x < end) })),
      references: [{ value: 1, label: 'full', axis: 'y', style: 'light' }],
    }),
  };
}

/** Every figure of the run report, with a note for each one left out. */
export function runFigures(data: RunFolderData, s: ResolvedScenario | null, durationS: number, warmupS: number): Built {
  const built: Built = { figures: [], notes: [] };
  latencyFigure(data, built);
  failureFigures(data, built);
  gatelineFigures(data, durationS, warmupS, built);
  backendFigures(data, durationS, built);
  const load = lineLoadFigure(data, durationS);
  if (load !== null) built.figures.push(load);
  if (s !== null) {
    const maps = fieldMapFigures(s);
    pushAll(built.figures, maps.figures);
    pushAll(built.notes, maps.notes);
  } else {
    built.notes.push('No scenario.resolved.json in this folder: no field maps.');
  }
  return built;
}

/**
 * `tapsim export service-times` output shapes, one function per tool. What each tool documents
 * and what is tapsim's own convention is stated in docs/export.md; every file starts with a
 * comment (or a JSON field) saying where it came from. Times in seconds throughout.
 */
import { csvText } from '../csv-text.js';
import { formatNumber } from '../summary-csv.js';
import { representativeTimesS, type GatelineServiceTimes, type ServiceDistribution } from './service-times-read.js';

export const EXPORT_FORMATS = ['csv', 'viswalk', 'anylogic', 'legion', 'jupedsim', 'sumo', 'matsim'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const f = formatNumber;
const all = (line: GatelineServiceTimes): ServiceDistribution => line.distributions[0]!;
const at = (d: ServiceDistribution, p: number): number => d.grid.find(([q]) => Math.abs(q - p) < 1e-9)?.[1] ?? NaN;
const name = (line: GatelineServiceTimes, d: ServiceDistribution): string => (d.carrier === 'all' ? line.gateline : `${line.gateline} ${d.carrier} ${d.band} ${d.branch}`);
/** An id SUMO / MATSim / XML accept: letters, digits, "_", "-", "." (others become "_"). */
export const xmlId = (s: string): string => s.replace(/[^A-Za-z0-9_.-]/g, '_');
const xmlAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Plain CSV: one row per distribution, a few quantiles and the gateline's capacity. */
function plainCsv(lines: readonly GatelineServiceTimes[]): string {
  const q = [0.05, 0.25, 0.5, 0.75, 0.95];
  const rows: string[][] = [['gateline', 'carrier', 'band', 'branch', 'n', 'share', 'mean_s', ...q.map((p) => `p${Math.round(p * 100).toString().padStart(2, '0')}_s`), 'capacity_per_h_per_gate', 'saturated_per_h_per_gate']];
  for (const line of lines) {
    for (const d of line.distributions) rows.push([line.gateline, d.carrier, d.band, d.branch, f(d.n), f(d.share), f(d.meanS), ...q.map((p) => f(at(d, p))), f(line.capacityPerHPerGate), f(line.saturatedPerHPerGate)]);
  }
  return csvText(rows);
}

/** Viswalk: an empirical time distribution per gateline as its points (time, cumulative share). */
function viswalk(lines: readonly GatelineServiceTimes[]): string {
  const rows: string[][] = [['distribution', 'gateline', 'x_s', 'F']];
  lines.forEach((line, i) => {
    for (const [p, t] of all(line).grid) rows.push([String(i + 1), line.gateline, f(t), f(p)]);
  });
  return '# tapsim service times: one Viswalk empirical time distribution per gateline (points x = time at the gate in s, F = cumulative share); see docs/export.md\n' + csvText(rows);
}

/** AnyLogic: a custom distribution table (value, weight) per gateline for PedService's delay time. */
function anylogic(lines: readonly GatelineServiceTimes[]): string {
  const rows: string[][] = [['gateline', 'value', 'weight']];
  for (const line of lines) for (const v of representativeTimesS(all(line))) rows.push([line.gateline, f(v), '1']);
  return '# tapsim service times: AnyLogic custom distribution (value in s, weight) per gateline, for PedService "Delay time"; see docs/export.md\n' + csvText(rows);
}

/** LEGION: a delay profile (cumulative probability → delay) per gateline. */
function legion(lines: readonly GatelineServiceTimes[]): string {
  const rows: string[][] = [['gateline', 'cumulative_probability', 'delay_s']];
  for (const line of lines) for (const [p, t] of all(line).grid) rows.push([line.gateline, f(p), f(t)]);
  return '# tapsim service times: delay profile per gateline (cumulative probability, delay in s) to enter as a LEGION service-point delay; tapsim convention, not a LEGION file format (docs/export.md)\n' + csvText(rows);
}

/** JuPedSim: per gateline the service rate and 100 equally likely service times, for a queue stage popped at that pace. */
function jupedsim(lines: readonly GatelineServiceTimes[]): string {
  const gatelines = lines.map((line) => ({
    gateline: line.gateline,
    mean_service_s: line.meanServiceS,
    service_rate_per_s_per_gate: Number(f(1 / line.meanServiceS)),
    capacity_per_h_per_gate: line.capacityPerHPerGate,
    saturated_per_h_per_gate: Number.isFinite(line.saturatedPerHPerGate) ? line.saturatedPerHPerGate : null,
    pass_share: line.passShare,
    service_times_s: representativeTimesS(all(line)).map((v) => Number(f(v))),
    branches: line.distributions.slice(1).map((d) => ({ carrier: d.carrier, band: d.band, branch: d.branch, n: d.n, share: d.share, mean_s: d.meanS })),
  }));
  return JSON.stringify({ format: 'tapsim-service-times/1', about: 'time at a fare gate for a JuPedSim queue stage: pop one agent per gate after a service time drawn from service_times_s (docs/export.md)', gatelines }, null, 2) + '\n';
}

/** SUMO: one busStop of personCapacity 1 per gateline (copy it per gate) carrying the service times as params. */
function sumo(lines: readonly GatelineServiceTimes[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<!-- tapsim service times: a fare gate as a busStop with personCapacity="1" that pedestrians <stop> at for a service time drawn from',
    '     tapsim.serviceTimesS (100 equally likely values, s); lane ids are placeholders "<id>_gate_0"; see docs/export.md -->', '<additional>'];
  for (const line of lines) {
    const id = xmlId(line.gateline);
    out.push(`    <busStop id="${id}" name="${xmlAttr(line.gateline)}" lane="${id}_gate_0" startPos="0" endPos="1" personCapacity="1">`);
    out.push(`        <param key="tapsim.meanServiceS" value="${f(line.meanServiceS)}"/>`);
    out.push(`        <param key="tapsim.capacityPerHourPerGate" value="${f(line.capacityPerHPerGate)}"/>`);
    out.push(`        <param key="tapsim.passShare" value="${f(line.passShare)}"/>`);
    out.push(`        <param key="tapsim.serviceTimesS" value="${representativeTimesS(all(line)).map(f).join(' ')}"/>`);
    out.push('    </busStop>');
  }
  out.push('</additional>', '');
  return out.join('\n');
}

/** MATSim: the mean time at the gate as an attribute of the stop facility (tapsim's name, read by the user's module). */
function matsim(lines: readonly GatelineServiceTimes[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<!-- tapsim service times: stop access time at the fare gates per stop facility (s); "accessTime_s" and "gateCapacity_perHour" are tapsim\'s attribute names, not read by MATSim itself; see docs/export.md -->', '<transitStops>'];
  for (const line of lines) {
    out.push(`    <stopFacility id="${xmlId(line.gateline)}">`, '        <attributes>');
    out.push(`            <attribute name="accessTime_s" class="java.lang.Double">${f(line.meanServiceS)}</attribute>`);
    out.push(`            <attribute name="gateCapacity_perHour" class="java.lang.Double">${f(line.capacityPerHPerGate)}</attribute>`);
    out.push('        </attributes>', '    </stopFacility>');
  }
  out.push('</transitStops>', '');
  return out.join('\n');
}

const WRITERS: Record<ExportFormat, (lines: readonly GatelineServiceTimes[]) => string> = { csv: plainCsv, viswalk, anylogic, legion, jupedsim, sumo, matsim };

export function exportServiceTimes(lines: readonly GatelineServiceTimes[], format: ExportFormat): string {
  return WRITERS[format](lines);
}

/** One line per gateline for standard error: visits, mean, the representative times' mean and its difference, capacities. */
export function exportNotes(lines: readonly GatelineServiceTimes[]): string[] {
  return lines.map((line) => {
    const d = all(line);
    const v = representativeTimesS(d);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    return `${name(line, d)}: ${f(d.n)} visits, mean ${f(d.meanS)} s (100 representative times: ${f(mean)} s, ${f(((mean - d.meanS) / d.meanS) * 100)} %), capacity ${f(line.capacityPerHPerGate)} /h per gate, saturated ${f(line.saturatedPerHPerGate)} /h per gate`;
  });
}

/**
 * The short text summary `tapsim run` prints after the "wrote …" line (what `npm start` shows):
 * passengers, gate-open and paid-correctly rates, p95 wait, the worst gateline, failure causes, wrong-gate, host p99 and
 * wall time, from the run folder's own files (run-report.ts loadRunFolder). At most ~12 lines.
 */
import type { RunFolderData } from './run-report.js';
import { sig } from './run-report.js';
import { ciText } from './ci-text.js';

function pad(label: string): string {
  return `  ${label.padEnd(16)}`;
}

function count(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v)) : '–';
}

/** Lines of the summary (no trailing newline on each). */
export function runSummaryLines(data: RunFolderData, folder = '.'): string[] {
  const ci = data.ci;
  const m = (name: string): number => ci.get(name)?.mean ?? NaN;
  const n = data.replications;
  const per = n > 1 ? ` (mean per replication of ${n})` : '';
  const lines: string[] = [];
  lines.push(`summary${per}:`);
  lines.push(`${pad('passengers')}${count(m('passengers_arrived'))} arrived, ${count(m('passengers_passed'))} passed${m('passengers_balked') > 0 ? `, ${count(m('passengers_balked'))} balked` : ''}`);
  lines.push(`${pad('gate opened')}${sig(m('gate_open_rate') * 100)} % of ${count(m('taps'))} taps (paid correctly ${sig(m('paid_correctly_rate') * 100)} %)`);
  const waitP95 = ci.get('wait_p95_s');
  lines.push(`${pad('wait p95')}${n > 1 && waitP95 !== undefined ? ciText(waitP95, (v) => `${sig(v)} s`) : `${sig(m('wait_p95_s'))} s`} (p99 ${sig(m('wait_p99_s'))} s)`);
  let worst: { key: string; waitS: number; tS: number } | undefined;
  for (const g of data.gatelines ?? []) {
    g.waitP95S.forEach((w, i) => {
      if (Number.isFinite(w) && (worst === undefined || w > worst.waitS)) worst = { key: g.key, waitS: w, tS: g.tS[i] ?? NaN };
    });
  }
  if (worst !== undefined) lines.push(`${pad('worst gateline')}${worst.key}: wait p95 peaks at ${sig(worst.waitS)} s (interval from ${sig(worst.tS / 60)} min)`);
  const causes = [...ci.keys()]
    .filter((k) => k.startsWith('cause_') && k !== 'cause_ok' && k !== 'cause_wrong_gate')
    .map((k) => ({ cause: k.slice(6).replace(/_/g, '-'), v: m(k) }))
    .filter((c) => c.v > 0)
    .sort((a, b) => b.v - a.v || (a.cause < b.cause ? -1 : 1));
  lines.push(`${pad('failed taps')}${causes.length === 0 ? 'none' : causes.map((c) => `${c.cause} ${n > 1 ? sig(c.v) : count(c.v)}`).join(', ')}`);
  if (m('wrong_gate_per_10k_taps') > 0) lines.push(`${pad('wrong-gate')}${sig(m('wrong_gate_per_10k_taps'))} per 10k taps`);
  if (m('host_online_requests') > 0) lines.push(`${pad('host p99')}${sig(m('host_p99_ms'))} ms over ${count(m('host_online_requests'))} online requests (peak utilisation ${sig(m('host_utilisation_peak') * 100)} %)`);
  const failed = data.runJson.failures.length;
  lines.push(`${pad('wall time')}${data.runJson.wallTimeS} s${failed > 0 ? `; ${failed} replication(s) FAILED` : ''}`);
  lines.push(`${pad('report')}${folder}/index.html (figures/ and CSV files beside it)`);
  return lines;
}

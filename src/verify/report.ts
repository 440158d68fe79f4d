/**
 * The verify report: `verify.csv` (case,quantity,expected,simulated,tolerance,pass), `calibration.csv`
 * (the field-calibration rows, reported only), `index.html` with a table and one figure per family
 * and the calibration section, and `figures/<family>.svg`. The folder is written
 * atomically through report/write.ts (temporary folder beside the target, then renamed).
 */
import { forestPlot, lineChart, type ForestRow } from '../report/charts.js';
import { csvText } from '../report/csv.js';
import { renderRunReport, type ReportFigure, type ReportTable } from '../report/html.js';
import { writeFolderAtomic } from '../report/write.js';
import { FAMILY_TITLES, normalisedError, VERIFY_FAMILIES, type VerifyFamily, type VerifyRow } from './row.js';
import { CALIBRATION_NOTE, calibrationCells, calibrationCsv, type CalibrationRow } from './calibration-row.js';

export const VERIFY_CSV_COLUMNS = ['case', 'quantity', 'expected', 'simulated', 'tolerance', 'pass'] as const;

/**
 * A number for verify outputs: up to 10 significant digits (so a closed form's agreement to 1e-7
 * stays visible), no exponent between 1e-6 and 1e15, trailing zeros removed; NaN/Inf spelled out.
 */
export function formatVerifyNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-6 && abs < 1e15) {
    const decimals = Math.min(20, Math.max(0, 9 - Math.floor(Math.log10(abs))));
    const t = Number(x.toPrecision(10)).toFixed(decimals);
    const stripped = t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t;
    return stripped === '-0' ? '0' : stripped;
  }
  const [m, e] = x.toExponential(9).split('e');
  return `${(m ?? '').replace(/0+$/, '').replace(/\.$/, '')}e${e ?? ''}`;
}

/** verify.csv text, rows in the given (docs/validation.md) order. */
export function verifyCsv(rows: readonly VerifyRow[]): string {
  return csvText([
    [...VERIFY_CSV_COLUMNS],
    ...rows.map((r) => [r.caseId, r.quantity, formatVerifyNumber(r.expected), formatVerifyNumber(r.simulated), r.tolerance, r.pass ? 'true' : 'false']),
  ]);
}

/** Largest |x| shown on a figure; errors beyond it are drawn at the edge. */
const MAX_SHOWN = 10;

function clampShown(v: number): number {
  return Math.max(-MAX_SHOWN, Math.min(MAX_SHOWN, v));
}

/**
 * Forest rows of one family, in tolerance units: each simulated row with its 95 % CI, and for each
 * case the worst of its analytic rows (largest |error| / tolerance).
 */
export function familyForestRows(rows: readonly VerifyRow[], family: VerifyFamily): ForestRow[] {
  const mine = rows.filter((r) => r.family === family);
  const out: ForestRow[] = [];
  const caseIds = [...new Set(mine.map((r) => r.caseId))];
  for (const id of caseIds) {
    const analytic = mine.filter((r) => r.caseId === id && r.kind === 'analytic');
    if (analytic.length > 0) {
      let worst = analytic[0] as VerifyRow;
      let worstAbs = -1;
      for (const r of analytic) {
        const e = Math.abs(normalisedError(r));
        const key = Number.isNaN(e) ? Infinity : e;
        if (key > worstAbs) {
          worst = r;
          worstAbs = key;
        }
      }
      const x = clampShown(normalisedError(worst));
      const failed = analytic.filter((r) => !r.pass).length;
      out.push({ label: `${id} analytic, worst of ${analytic.length}${failed > 0 ? ` (${failed} FAIL)` : ''}`, estimate: x, lo: x, hi: x });
    }
    for (const r of mine.filter((x) => x.caseId === id && x.kind === 'simulated')) {
      const x = normalisedError(r);
      const half = r.ciHalfWidth ?? NaN;
      const tol = r.toleranceAbs;
      const lo = tol > 0 && Number.isFinite(half) ? (r.simulated - half - r.expected) / tol : x;
      const hi = tol > 0 && Number.isFinite(half) ? (r.simulated + half - r.expected) / tol : x;
      out.push({ label: `${r.label ?? `${r.caseId} ${r.quantity}`}${r.pass ? '' : ' FAIL'}`, estimate: clampShown(x), lo: clampShown(lo), hi: clampShown(hi) });
    }
  }
  return out;
}

/** One figure per family: error in units of the tolerance (|x| ≤ 1 passes). */
export function verifyFigures(rows: readonly VerifyRow[]): ReportFigure[] {
  const figures: ReportFigure[] = [];
  for (const family of VERIFY_FAMILIES) {
    const forest = familyForestRows(rows, family);
    if (forest.length === 0) continue;
    let m = 1.25;
    for (const f of forest) for (const v of [f.estimate, f.lo, f.hi]) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v) * 1.05);
    m = Math.min(m, MAX_SHOWN * 1.05);
    const mine = rows.filter((r) => r.family === family);
    const passed = mine.filter((r) => r.pass).length;
    figures.push({
      file: `${family}.svg`,
      caption:
        `${FAMILY_TITLES[family]}: (simulated − expected) / tolerance, so |x| ≤ 1 passes; bars are 95% CIs of simulated estimates, ` +
        `analytic rows show the worst row per case. ${passed} of ${mine.length} rows pass.`,
      svg: forestPlot({
        title: FAMILY_TITLES[family],
        subtitle: `Error in tolerance units (|x| ≤ 1 passes); ${passed}/${mine.length} rows pass`,
        id: `verify-${family}`,
        x: { label: '(simulated − expected) / tolerance', domain: [-m, m] },
        rows: forest,
        decimals: 3,
      }),
    });
  }
  const throughput = gateThroughputFigure(rows);
  if (throughput !== null) figures.push(throughput);
  return figures;
}

/** V18 as curves: gate throughput vs transaction time, docs/sources.md#f8-3 formulas and the simulated gate. */
function gateThroughputFigure(rows: readonly VerifyRow[]): ReportFigure | null {
  const series = (['serial', 'overlap'] as const).flatMap((model) => {
    const points = rows
      .filter((r) => r.caseId === 'V18' && r.quantity.startsWith(`${model} throughput`))
      .map((r) => ({ tx: Number(/t_tx = ([0-9.]+) s/.exec(r.quantity)?.[1]), expected: r.expected, simulated: r.simulated }))
      .filter((p) => Number.isFinite(p.tx))
      .sort((a, b) => a.tx - b.tx);
    if (points.length === 0) return [];
    return [
      { name: `${model}: formula`, points: points.map((p) => ({ x: p.tx, y: p.expected })) },
      { name: `${model}: simulated gate`, points: points.map((p) => ({ x: p.tx, y: p.simulated })), markers: true },
    ];
  });
  if (series.length === 0) return null;
  return {
    file: 'gate-throughput-vs-transaction-time.svg',
    caption: 'V18: passengers per minute through one saturated gate against the card transaction time — serial model 60/(h0 + t_tx) with h0 = 1.4 s, overlap model 60/max(t_cycle, t_walk + t_tx) with t_cycle = 1.6 s, t_walk = 1.2 s [E] (docs/sources.md#f8-3) — and the simulated gate.',
    svg: lineChart({
      title: 'Gate throughput vs transaction time',
      subtitle: 'docs/sources.md#f8-3 formulas (lines) and the simulated saturated gate (markers)',
      id: 'verify-gate-throughput',
      x: { label: 'Transaction time t_tx', unit: 's' },
      y: { label: 'Throughput', unit: 'passengers/min' },
      series,
      legendTitle: 'Model',
    }),
  };
}

function familyTables(rows: readonly VerifyRow[]): ReportTable[] {
  const tables: ReportTable[] = [];
  for (const family of VERIFY_FAMILIES) {
    const mine = rows.filter((r) => r.family === family);
    if (mine.length === 0) continue;
    tables.push({
      caption: `${FAMILY_TITLES[family]} — ${mine.filter((r) => r.pass).length} of ${mine.length} pass`,
      columns: ['Case', 'Quantity', 'Expected', 'Simulated', 'Tolerance', 'Pass'],
      rows: mine.map((r) => [r.caseId, r.quantity, formatVerifyNumber(r.expected), formatVerifyNumber(r.simulated), r.tolerance, r.pass ? 'pass' : 'FAIL']),
    });
  }
  return tables;
}

export interface VerifyReportMeta {
  quick?: boolean;
  wallTimeS?: number;
  generatedAt?: string;
}

/** The field-calibration section: its own table after the analytic ones, never counted in the pass totals. */
function calibrationTable(rows: readonly CalibrationRow[]): ReportTable {
  const within = rows.filter((r) => r.status === 'within').length;
  return {
    caption: `Field calibration (reported, not a pass/fail gate) — ${within} of ${rows.length} within tolerance`,
    columns: ['Row', 'Published figure', 'Published', 'Model [95% CI]', 'n', 'Tolerance (fixed before the model was run)', 'Status'],
    rows: calibrationCells(rows),
    note: `${CALIBRATION_NOTE} Model quantities: ${rows.map((r) => `${r.id} ${r.quantity} (${r.source})`).join('; ')}.`,
  };
}

/** The index.html of a verify report. */
export function verifyHtml(rows: readonly VerifyRow[], meta: VerifyReportMeta = {}, figures: readonly ReportFigure[] = verifyFigures(rows), calibration: readonly CalibrationRow[] = []): string {
  const passed = rows.filter((r) => r.pass).length;
  const cases = [...new Set(rows.map((r) => r.caseId))];
  const failedCases = [...new Set(rows.filter((r) => !r.pass).map((r) => r.caseId))];
  return renderRunReport({
    title: `tapsim verify — ${passed} of ${rows.length} rows pass`,
    intro:
      'Every analytic case of docs/validation.md run through the code the simulator uses: physics and link functions ' +
      'directly, stochastic and queueing cases as simulation runs with fixed seeds and 95% confidence intervals. ' +
      'Expected values are the numbers printed in docs/validation.md; a † case’s [E] inputs are named in its rows.',
    meta: [
      { key: 'cases', value: cases.join(' ') },
      { key: 'rows', value: String(rows.length) },
      { key: 'passed', value: String(passed) },
      { key: 'failed cases', value: failedCases.length === 0 ? 'none' : failedCases.join(' ') },
      { key: 'mode', value: meta.quick === true ? 'quick (fewer trials; some below the minimums of docs/validation.md, marked in the rows)' : 'full (the trial counts of docs/validation.md)' },
      ...(calibration.length > 0 ? [{ key: 'field calibration', value: `${calibration.filter((r) => r.status === 'within').length} of ${calibration.length} within tolerance (reported, not a pass/fail gate)` }] : []),
      ...(meta.wallTimeS !== undefined ? [{ key: 'wall time', value: `${meta.wallTimeS.toFixed(1)} s` }] : []),
    ],
    tables: [...familyTables(rows), ...(calibration.length > 0 ? [calibrationTable(calibration)] : [])],
    figures,
    figureMode: 'inline',
    ...(meta.generatedAt !== undefined ? { generatedAt: meta.generatedAt } : {}),
  });
}

/** Write `dir` (e.g. results/verify) atomically: verify.csv, calibration.csv (when there are calibration rows), index.html, figures/<family>.svg. */
export async function writeVerifyReport(rows: readonly VerifyRow[], dir: string, meta: VerifyReportMeta = {}, calibration: readonly CalibrationRow[] = []): Promise<void> {
  const figures = verifyFigures(rows);
  const html = verifyHtml(rows, meta, figures, calibration);
  await writeFolderAtomic(dir, async (w) => {
    await w.writeFile('verify.csv', verifyCsv(rows));
    if (calibration.length > 0) await w.writeFile('calibration.csv', calibrationCsv(calibration));
    await w.writeFile('index.html', html);
    // figures/ is itself built atomically inside the temporary folder.
    await writeFolderAtomic(`${w.path}/figures`, async (fw) => {
      for (const f of figures) await fw.writeFile(f.file, f.svg.endsWith('\n') ? f.svg : `${f.svg}\n`);
    });
  });
}

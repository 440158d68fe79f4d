/**
 * `tapsim verify` as a library call for the CLI: run every docs/validation.md case, print a table, write the
 * report folder, and return the exit code: 0 when every row passes, 1 when a row fails (or a case
 * throws, or the report cannot be written), 2 for bad input (an unknown case id, an out folder
 * that is not a verify report).
 */
import { resolve } from 'node:path';
import { listFiles } from '../report/write.js';
import { formatVerifyNumber, writeVerifyReport } from './report.js';
import type { VerifyRow } from './row.js';
import { allPass, runVerify } from './run-verify.js';
import { maxOf } from '../arrays.js';
import { CALIBRATION_FIGURES, type CalibrationFigure } from './cases/calibration.js';
import { CALIBRATION_NOTE, calibrationCells, type CalibrationRow } from './calibration-row.js';
import { isCalibrationId, runCalibration } from './run-calibration.js';

export interface VerifyIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface VerifyCommandOptions {
  /** Report folder (default results/verify). */
  outDir?: string;
  /** Fewer trials (the test suite's setting). */
  quick?: boolean;
  /** Only these case ids, e.g. ["V9", "V16"] or calibration rows ["C1"] (default all). */
  cases?: readonly string[];
  /** The field-calibration figures (default CALIBRATION_FIGURES; tests pass their own). */
  calibration?: readonly CalibrationFigure[];
}

export const DEFAULT_VERIFY_DIR = 'results/verify';

const QUANTITY_WIDTH = 78;

function cut(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, width - 1)}…`;
}

/** A fixed-width text table: case, quantity, expected, simulated, pass. */
export function verifyTable(rows: readonly VerifyRow[]): string {
  const body = rows.map((r) => [r.caseId, cut(r.quantity, QUANTITY_WIDTH), formatVerifyNumber(r.expected), formatVerifyNumber(r.simulated), r.pass ? 'pass' : 'FAIL']);
  const header = ['case', 'quantity', 'expected', 'simulated', 'pass'];
  const widths = header.map((h, i) => maxOf(body.map((row) => (row[i] as string).length), h.length));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** A fixed-width text table of the calibration rows (reported, not a gate). */
export function calibrationTable(rows: readonly CalibrationRow[]): string {
  const body = calibrationCells(rows).map((c) => [c[0] as string, cut(c[1] as string, 60), c[2] as string, c[3] as string, c[6] as string]);
  const header = ['row', 'published figure', 'published', 'model [95% CI]', 'status'];
  const widths = header.map((h, i) => maxOf(body.map((row) => (row[i] as string).length), h.length));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The figures a --case list asks for (all when there is no list), or the unknown calibration ids. */
function wantedFigures(options: VerifyCommandOptions): { figures: readonly CalibrationFigure[]; unknown: string[] } {
  const all = options.calibration ?? CALIBRATION_FIGURES;
  if (options.cases === undefined) return { figures: all, unknown: [] };
  const ids = options.cases.filter(isCalibrationId);
  return { figures: all.filter((f) => ids.includes(f.id)), unknown: ids.filter((id) => !all.some((f) => f.id === id)) };
}

/** The calibration rows, printed with their note; never part of the exit code. */
async function calibrationRows(io: VerifyIo, figures: readonly CalibrationFigure[], quick: boolean): Promise<CalibrationRow[]> {
  const rows = await runCalibration({ quick, figures });
  if (rows.length === 0) return rows;
  io.out('');
  io.out(calibrationTable(rows));
  io.out('');
  io.out(`${rows.filter((r) => r.status === 'within').length} of ${rows.length} calibration rows within tolerance. ${CALIBRATION_NOTE}`);
  return rows;
}

export async function verifyCommand(io: VerifyIo, options: VerifyCommandOptions = {}): Promise<number> {
  const quick = options.quick === true;
  const outDir = options.outDir ?? DEFAULT_VERIFY_DIR;
  const wanted = wantedFigures(options);
  if (wanted.unknown.length > 0) {
    io.err(`verify: unknown calibration row ${wanted.unknown.join(', ')} (rows are ${(options.calibration ?? CALIBRATION_FIGURES).map((f) => f.id).join(', ')})`);
    return 2;
  }
  const analyticIds = options.cases?.filter((id) => !isCalibrationId(id));
  // The report folder replaces `outDir`: refuse a folder that is not an earlier verify report.
  try {
    const existing = await listFiles(outDir);
    if (existing.length > 0 && !existing.includes('verify.csv')) {
      io.err(`verify: ${outDir} exists and is not a verify report folder (no verify.csv); refusing to replace it`);
      return 2;
    }
  } catch (error) {
    io.err(`verify: cannot use ${outDir} as the report folder: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const started = performance.now();
  let rows: VerifyRow[];
  try {
    rows = analyticIds !== undefined && analyticIds.length === 0 ? [] : runVerify({ quick, ...(analyticIds === undefined ? {} : { cases: analyticIds }) });
  } catch (error) {
    if (error instanceof RangeError && error.message.startsWith('verify: unknown case')) {
      io.err(error.message);
      return 2;
    }
    io.err(`verify: a case failed to run: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const wallTimeS = (performance.now() - started) / 1000;
  const failed = rows.filter((r) => !r.pass);
  if (rows.length > 0) {
    io.out(verifyTable(rows));
    io.out('');
    io.out(`${rows.length - failed.length} of ${rows.length} rows pass (${new Set(rows.map((r) => r.caseId)).size} cases${quick ? ', quick' : ''}) in ${wallTimeS.toFixed(1)} s.`);
  }
  if (failed.length > 0) io.err(`verify: ${failed.length} row(s) fail: ${[...new Set(failed.map((r) => r.caseId))].join(', ')}`);
  let calibration: CalibrationRow[];
  try {
    calibration = await calibrationRows(io, wanted.figures, quick);
  } catch (error) {
    io.err(`verify: the field-calibration family failed to run: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  try {
    await writeVerifyReport(rows, outDir, { quick, wallTimeS, generatedAt: new Date().toISOString() }, calibration);
  } catch (error) {
    io.err(`verify: cannot write the report to ${outDir}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const tables = [resolve(outDir, 'verify.csv'), ...(calibration.length > 0 ? [resolve(outDir, 'calibration.csv')] : [])];
  io.out(`Report: ${resolve(outDir, 'index.html')} (table${tables.length > 1 ? 's' : ''}: ${tables.join(', ')})`);
  // Only the analytic rows decide: calibration rows are reported, never a gate.
  return rows.length === 0 && calibration.length > 0 ? 0 : allPass(rows) ? 0 : 1;
}

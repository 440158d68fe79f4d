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

export interface VerifyIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface VerifyCommandOptions {
  /** Report folder (default results/verify). */
  outDir?: string;
  /** Fewer trials (the test suite's setting). */
  quick?: boolean;
  /** Only these case ids, e.g. ["V9", "V16"] (default all). */
  cases?: readonly string[];
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

export async function verifyCommand(io: VerifyIo, options: VerifyCommandOptions = {}): Promise<number> {
  const quick = options.quick === true;
  const outDir = options.outDir ?? DEFAULT_VERIFY_DIR;
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
    rows = runVerify({ quick, ...(options.cases === undefined ? {} : { cases: options.cases }) });
  } catch (error) {
    if (error instanceof RangeError && error.message.startsWith('verify: unknown case')) {
      io.err(error.message);
      return 2;
    }
    io.err(`verify: a case failed to run: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const wallTimeS = (performance.now() - started) / 1000;
  io.out(verifyTable(rows));
  const failed = rows.filter((r) => !r.pass);
  const cases = new Set(rows.map((r) => r.caseId)).size;
  io.out('');
  io.out(`${rows.length - failed.length} of ${rows.length} rows pass (${cases} cases${quick ? ', quick' : ''}) in ${wallTimeS.toFixed(1)} s.`);
  if (failed.length > 0) io.err(`verify: ${failed.length} row(s) fail: ${[...new Set(failed.map((r) => r.caseId))].join(', ')}`);
  try {
    await writeVerifyReport(rows, outDir, { quick, wallTimeS, generatedAt: new Date().toISOString() });
  } catch (error) {
    io.err(`verify: cannot write the report to ${outDir}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  io.out(`Report: ${resolve(outDir, 'index.html')} (table: ${resolve(outDir, 'verify.csv')})`);
  return allPass(rows) ? 0 : 1;
}

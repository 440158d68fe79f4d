/**
 * `tapsim verify`: every analytic case of docs/validation.md run through the simulator's own code
 * (cases.ts), as rows of expected vs simulated with the tolerance and a pass flag.
 */
import { VERIFY_CASES, verifyBudget, type VerifyCase } from './cases.js';
import type { VerifyRow } from './row.js';
import { pushAll } from '../arrays.js';

export interface RunVerifyOptions {
  /** Fewer trials where the minimums of docs/validation.md allow a fast check (the test suite); default false. */
  quick?: boolean;
  /** Only these case ids (e.g. ["V9", "V16"]); default all. */
  cases?: readonly string[];
  /** Called after each case with its id and wall time, ms. */
  onCase?: (c: VerifyCase, rows: readonly VerifyRow[], wallMs: number) => void;
}

/** Run the cases in the order of docs/validation.md and return their rows. */
export function runVerify(options: RunVerifyOptions = {}): VerifyRow[] {
  const budget = verifyBudget(options.quick === true);
  const wanted = options.cases === undefined ? undefined : new Set(options.cases);
  if (wanted !== undefined) {
    const unknown = [...wanted].filter((id) => !VERIFY_CASES.some((c) => c.id === id));
    if (unknown.length > 0) throw new RangeError(`verify: unknown case ${unknown.join(', ')} (cases are V1–V${VERIFY_CASES.length})`);
  }
  const rows: VerifyRow[] = [];
  for (const c of VERIFY_CASES) {
    if (wanted !== undefined && !wanted.has(c.id)) continue;
    const started = performance.now();
    const caseRows = c.run(budget);
    options.onCase?.(c, caseRows, performance.now() - started);
    pushAll(rows, caseRows);
  }
  return rows;
}

/** True when every row passes (and there is at least one). */
export function allPass(rows: readonly VerifyRow[]): boolean {
  return rows.length > 0 && rows.every((r) => r.pass);
}

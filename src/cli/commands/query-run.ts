/** The work of `tapsim query`, loaded only when the command runs: the result printed as an aligned table, or written as CSV or Parquet. */
import { basename, dirname, join } from 'node:path';
import { runQuery } from '../../orchestrate/query.js';
import { csvText } from '../../report/csv-text.js';
import { currentFileSystem, formatNumber, writeFileAtomic } from '../../report/write.js';
import { tempName } from '../../report/temp-names.js';
import { flagError } from '../flags.js';
import { abs, type CliIo } from '../io.js';
import type { Parsed } from '../options.js';

/** One result value as text: numbers in the CSV number format (formatNumber), NULL as an empty cell. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return value;
  return String(value);
}

const NUMERIC = /^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|DOUBLE|FLOAT|DECIMAL.*)$/;

/** The rows as an aligned text table: numbers right-aligned, everything else left; a dashed line under the header. */
export function alignedTable(columns: readonly string[], types: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  const cells = rows.map((r) => r.map(cellText));
  const widths = columns.map((c, i) => cells.reduce((w, r) => Math.max(w, (r[i] ?? '').length), c.length));
  const right = types.map((t) => NUMERIC.test(t));
  const line = (r: readonly string[]): string => r.map((v, i) => (right[i] === true ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

/** Runs `tapsim query` (the command line is in query.ts). */
export async function executeQuery(args: Parsed, io: CliIo): Promise<number> {
  const shown = args.dir as string;
  const text = (args.sql ?? '').trim();
  if (text === '') throw flagError('query', 'no SQL given: give a query after the folder, e.g. tapsim query DIR "SELECT * FROM summary"');
  if (args.csv !== undefined && args.parquet !== undefined) throw flagError('--parquet', 'give --csv or --parquet, not both');
  const dir = abs(io, shown);
  if (args.parquet !== undefined) {
    const path = abs(io, args.parquet);
    const temp = join(dirname(path), tempName(basename(path)));
    try {
      await runQuery(dir, shown, text, temp);
      await currentFileSystem().rename(temp, path);
    } finally {
      await currentFileSystem().rm(temp, { recursive: false, force: true });
    }
    io.stdout(`wrote ${args.parquet}\n`);
    return 0;
  }
  const result = await runQuery(dir, shown, text);
  if (args.csv !== undefined) {
    await writeFileAtomic(abs(io, args.csv), csvText([result.columns, ...result.rows.map((r) => r.map(cellText))]));
    io.stdout(`wrote ${args.csv}: ${result.rows.length} row(s)\n`);
    return 0;
  }
  io.stdout(alignedTable(result.columns, result.types, result.rows));
  return 0;
}

/**
 * The one description of the typed columns of every table tapsim writes (for the Parquet copies,
 * parquet.ts): each column's type and unit, by name, the same rules for every table. A column
 * no rule names (a new metric, a --vary path) is typed from its cells and gets the unit of its
 * name's suffix (`_ms`, `_s`, `_cm` …), so new columns flow through without an edit here.
 * Meanings stay in column-docs.ts (columns.md).
 */

export type ColumnType = 'integer' | 'double' | 'string';

export interface ColumnKind {
  /** The column's type; undefined: typed from the cells (integer, double or string). */
  type: ColumnType | undefined;
  /** Its unit ('' for none: names, ids, ratios without a unit). */
  unit: string;
}

/** Columns that are names, ids or category labels (never numbers, even when their text looks like one). */
const STRING_COLUMNS = new Set([
  'clock', 'passenger', 'carrier', 'band', 'reader', 'gate', 'gateline', 'outcome', 'cause', 'fruin_los', 'metric', 'a', 'b', 'config', 'verdict', 'infeasible',
]);

/** Whole-number columns and their units. */
const INTEGER_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['replication', 'index'], ['point', 'index'], ['seed', ''], ['events', 'count'], ['n', 'count'], ['replications', 'count'],
  ['gates', 'count'], ['arrivals', 'count'], ['passed', 'count'], ['taps', 'count'], ['failed_taps', 'count'],
  ['frames', 'count'], ['retransmissions', 'count'], ['collisions', 'count'],
]);

/** Doubles with a unit that their name does not end in. */
const DOUBLE_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['queue_mean', 'persons'], ['queue_max', 'persons'], ['queue_max_per_gate', 'persons'],
  ['host_utilisation', '1'], ['host_queue_mean', 'count'], ['backlog_mean', 'count'], ['p', '1'],
  // summary-ci.csv, compare.csv, size.csv: in the unit of the row's metric.
  ['mean', 'metric unit'], ['sd', 'metric unit'], ['ci95_half_width', 'metric unit'], ['ci95_lower', 'metric unit'], ['ci95_upper', 'metric unit'],
  ['mean_a', 'metric unit'], ['mean_b', 'metric unit'], ['diff_mean', 'metric unit'], ['diff_sd', 'metric unit'],
  ['diff_ci95_half_width', 'metric unit'], ['diff_ci95_lower', 'metric unit'], ['diff_ci95_upper', 'metric unit'], ['bound95', 'metric unit'],
  ['value', ''],
]);

/** Units from a name's suffix, longest first; a column (or metric) with one of these is a double. */
const SUFFIX_UNITS: ReadonlyArray<readonly [string, string]> = [
  ['_ppm_per_gate', 'passengers/min/gate'], ['_per_10k_taps', '1/10000 taps'], ['_value_cents', 'cents'],
  ['_tps', '1/s'], ['_rate', '1'], ['_ms', 'ms'], ['_cm', 'cm'], ['_s', 's'], ['_m', 'm'],
];

function suffixUnit(name: string): string | undefined {
  const stem = name.replace(/_(mean|ci95)$/, ''); // sweep.csv: <metric>_mean, <metric>_ci95
  for (const [suffix, unit] of SUFFIX_UNITS) if (stem.endsWith(suffix)) return unit;
  return undefined;
}

/** The type and unit of column `name` (in any table). */
export function columnKind(name: string): ColumnKind {
  if (STRING_COLUMNS.has(name)) return { type: 'string', unit: '' };
  const integerUnit = INTEGER_COLUMNS.get(name);
  if (integerUnit !== undefined) return { type: 'integer', unit: integerUnit };
  const doubleUnit = DOUBLE_COLUMNS.get(name);
  if (doubleUnit !== undefined) return { type: 'double', unit: doubleUnit };
  const unit = suffixUnit(name);
  if (unit !== undefined) return { type: 'double', unit };
  return { type: undefined, unit: '' };
}

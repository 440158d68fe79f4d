/** CSV text of a table: csv-stringify with "\n" line ends (the one CSV dialect of tapsim). */
import { stringify } from 'csv-stringify/sync';

export function csvText(rows: ReadonlyArray<readonly string[]>): string {
  return stringify(rows as string[][], { record_delimiter: '\n' });
}

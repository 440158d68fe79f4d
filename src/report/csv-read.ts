/**
 * A small RFC 4180 CSV reader for the files tapsim writes (csv-stringify output): comma
 * separated, fields optionally quoted with `"`, a quote inside a quoted field doubled (`""`),
 * quoted fields may hold commas and line breaks; records end in LF or CRLF (a final line break
 * is optional). Used by `tapsim report` to re-render a run folder from its own CSV files.
 */

/** Parse CSV text into records of fields. Throws on a quote in an unquoted field or an unterminated quote. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  forEachCsvRecord(text, (r) => records.push(r));
  return records;
}

/**
 * Call `onRecord` for each record of CSV text in order, without keeping them: big tables
 * (gates.csv of a city-scale run) aggregate in one pass. Same rules and errors as parseCsv.
 */
export function forEachCsvRecord(text: string, onRecord: (fields: string[], index: number) => void): void {
  let count = 0;
  const records = { push: (r: string[]): void => onRecord(r, count++) };
  let record: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let atFieldStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (atFieldStart && c === 34 /* " */) {
      // Quoted field: up to the closing quote not followed by another quote.
      i++;
      const start = i;
      let value = '';
      let chunkStart = start;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error(`CSV: unterminated quoted field starting at offset ${start - 1}`);
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(chunkStart, q + 1);
          i = q + 2;
          chunkStart = i;
          continue;
        }
        value += text.slice(chunkStart, q);
        i = q + 1;
        break;
      }
      field = value;
      atFieldStart = false;
      const next = text.charCodeAt(i);
      if (i < n && next !== 44 && next !== 10 && next !== 13) throw new Error(`CSV: unexpected character after a closing quote at offset ${i}`);
      continue;
    }
    if (c === 44 /* , */) {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    // Unquoted run up to the next delimiter.
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 44 || d === 10 || d === 13) break;
      if (d === 34) throw new Error(`CSV: quote inside an unquoted field at offset ${j}`);
      j++;
    }
    field += text.slice(i, j);
    atFieldStart = false;
    i = j;
  }
  if (!atFieldStart || record.length > 0) {
    record.push(field);
    records.push(record);
  }
}

/** Column indices of a header record by name; -1 if absent. */
export function headerIndex(header: readonly string[]): (name: string) => number {
  const index = new Map(header.map((h, i) => [h, i]));
  return (name) => index.get(name) ?? -1;
}

/** A CSV table with a header row: column lookup by name. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Index of a column; -1 if absent. */
  col(name: string): number;
}

/** Parse CSV text with a header row. Rows shorter than the header are padded with ''. */
export function readCsvTable(text: string): CsvTable {
  const records = parseCsv(text);
  const header = records[0] ?? [];
  const index = new Map(header.map((h, i) => [h, i]));
  const rows = records.slice(1).map((r) => (r.length >= header.length ? r : [...r, ...Array<string>(header.length - r.length).fill('')]));
  return { header, rows, col: (name) => index.get(name) ?? -1 };
}

/** A number written by formatNumber (write.ts): NaN, Inf, -Inf spelled out; '' is NaN. */
export function csvNumber(cell: string | undefined): number {
  if (cell === undefined || cell === '' || cell === 'NaN') return NaN;
  if (cell === 'Inf') return Infinity;
  if (cell === '-Inf') return -Infinity;
  const v = Number(cell);
  return Number.isNaN(v) ? NaN : v;
}

/**
 * Parquet copies of the CSV tables of a folder being written (outputs.format: [csv, parquet]),
 * through DuckDB (`@duckdb/node-api`, imported on first use: commands that write no Parquet never
 * load it). Each `<name>.csv` becomes `<name>.parquet` beside it: the same rows in the same order,
 * columns typed by column-types.ts (BIGINT, DOUBLE, VARCHAR; an empty CSV cell is NULL), zstd
 * compressed. Units are file key/value metadata, one key per column with a unit:
 * `tapsim.unit.<column>` = unit, and `tapsim.table` = the table's name. The values are the CSV's
 * (formatNumber's digits), so formatting a Parquet value with formatNumber gives the CSV cell.
 */
import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { columnKind, type ColumnType } from './column-types.js';
import { parseCsv } from './csv-read.js';
import { FileSystemError } from './file-system.js';

/** Does the scenario ask for Parquet copies (outputs.format)? */
export function wantsParquet(scenario: { outputs: { format?: readonly string[] | undefined } }): boolean {
  return scenario.outputs.format?.includes('parquet') === true;
}

/** The paragraph columns.md gains when the folder holds Parquet copies. */
export const PARQUET_NOTE = [
  '## Parquet',
  '',
  'Every table is also `<name>.parquet`: the same rows in the same order, integer columns INT64, other numbers DOUBLE, names and labels strings; an empty CSV cell is NULL. Units are file key/value metadata, one key per column with a unit: `tapsim.unit.<column>` (e.g. `tapsim.unit.latency_ms` = `ms`); `tapsim.table` names the table.',
  '',
].join('\n');

/** An open DuckDB connection (the few calls used here and by `tapsim query`). */
export interface Sql {
  run(sql: string): Promise<unknown>;
  rows(sql: string): Promise<{ columns: string[]; types: string[]; rows: unknown[][] }>;
  close(): void;
}

/** Open an in-memory DuckDB (loads the library on the first call). */
export async function openSql(): Promise<Sql> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    run: (sql) => connection.run(sql),
    async rows(sql) {
      const reader = await connection.runAndReadAll(sql);
      return { columns: reader.columnNames(), types: reader.columnTypes().map((t) => t.toString()), rows: reader.getRows() as unknown[][] };
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const quoteText = (text: string): string => `'${text.replace(/'/g, "''")}'`;

const SQL_TYPES: Readonly<Record<ColumnType, string>> = { integer: 'BIGINT', double: 'DOUBLE', string: 'VARCHAR' };

/** The header row of a CSV file (read from its start only: the tables can be gigabytes). */
async function csvHeader(path: string): Promise<string[]> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.indexOf('\n');
    return parseCsv(end < 0 ? text : text.slice(0, end))[0] ?? [];
  } finally {
    await file.close();
  }
}

/** The source of a CSV file with every column as text (NULL for an empty cell). */
function csvSource(path: string, header: readonly string[]): string {
  const columns = header.map((c) => `${quoteText(c)}: 'VARCHAR'`).join(', ');
  return `read_csv(${quoteText(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns}})`;
}

const INTEGER_PATTERN = "'-?[0-9]+'";
const NUMBER_PATTERN = "'(-?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]+)?|NaN|-?Inf)'";

/** Types of the columns no rule names, from their cells (one scan of the file for all of them). */
async function cellTypes(sql: Sql, source: string, names: readonly string[]): Promise<Map<string, ColumnType>> {
  const types = new Map<string, ColumnType>();
  if (names.length === 0) return types;
  const parts = names.flatMap((n) => {
    const c = quoteIdent(n);
    return [`count(${c})`, `count(*) FILTER (WHERE ${c} IS NOT NULL AND NOT regexp_full_match(${c}, ${INTEGER_PATTERN}))`, `count(*) FILTER (WHERE ${c} IS NOT NULL AND NOT regexp_full_match(${c}, ${NUMBER_PATTERN}))`];
  });
  const row = (await sql.rows(`SELECT ${parts.join(', ')} FROM ${source}`)).rows[0] ?? [];
  names.forEach((n, i) => {
    const [cells, notInteger, notNumber] = [Number(row[3 * i]), Number(row[3 * i + 1]), Number(row[3 * i + 2])];
    types.set(n, cells === 0 || notNumber > 0 ? 'string' : notInteger > 0 ? 'double' : 'integer');
  });
  return types;
}

/** The typed columns and the unit metadata of one table. */
async function tableSchema(sql: Sql, source: string, header: readonly string[]): Promise<{ select: string; metadata: Record<string, string> }> {
  const kinds = header.map((name) => ({ name, ...columnKind(name) }));
  const inferred = await cellTypes(sql, source, kinds.filter((k) => k.type === undefined).map((k) => k.name));
  const metadata: Record<string, string> = {};
  const select = kinds.map((k) => {
    const type = k.type ?? inferred.get(k.name) ?? 'string';
    if (k.unit !== '') metadata[`tapsim.unit.${k.name}`] = k.unit;
    const c = quoteIdent(k.name);
    return type === 'string' ? c : `CAST(${c} AS ${SQL_TYPES[type]}) AS ${c}`;
  });
  return { select: select.join(', '), metadata };
}

/** Write `<dir>/<name>.parquet` from `<dir>/<name>.csv` for each CSV file name in `files`. */
export async function writeParquetCopies(dir: string, files: readonly string[]): Promise<void> {
  if (files.length === 0) return;
  const sql = await openSql();
  try {
    for (const file of files) await writeParquetCopy(sql, join(dir, file));
  } finally {
    sql.close();
  }
}

/** A SELECT of the CSV file at `path` with its columns typed (column-types.ts), and the unit metadata of its columns. */
export async function typedCsvQuery(sql: Sql, path: string): Promise<{ query: string; metadata: Record<string, string> }> {
  const header = await csvHeader(path);
  const source = csvSource(path, header);
  const { select, metadata } = await tableSchema(sql, source, header);
  return { query: `SELECT ${select} FROM ${source}`, metadata };
}

async function writeParquetCopy(sql: Sql, csvPath: string): Promise<void> {
  const parquetPath = csvPath.replace(/\.csv$/, '.parquet');
  try {
    const { query, metadata } = await typedCsvQuery(sql, csvPath);
    metadata['tapsim.table'] = basename(csvPath, '.csv');
    const kv = Object.entries(metadata).map(([k, v]) => `${quoteText(k)}: ${quoteText(v)}`).join(', ');
    await sql.run(`COPY (${query}) TO ${quoteText(parquetPath)} (FORMAT parquet, COMPRESSION zstd, KV_METADATA {${kv}})`);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? String(error);
    throw new FileSystemError(parquetPath, 'PARQUET', message, 'check the disk and the folder (give --out on a writable disk with space)', 'write');
  }
}

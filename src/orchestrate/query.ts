/**
 * `tapsim query <folder> "SQL"`: DuckDB over the tables of a run, sweep or compare folder, one
 * view per table, named after its file (`-` as `_`: summary, summary_ci, gates, backend,
 * transactions, latency; sweep, sweep_summary; compare, compare_summary; size). A table's
 * Parquet copy is read when the folder has one, else its CSV file (typed by the same column
 * description, report/column-types.ts). Run tables carry `replication`; a sweep's carry `point`
 * (sweep, sweep_summary) and, with outputs.pointTables, its per-point tables are the views
 * `gates` and `transactions` with a leading `point` column (join `sweep` on it for the values).
 */
import { join } from 'node:path';
import { listFiles, pathExists } from '../report/write.js';
import { openSql, quoteIdent, quoteText, typedCsvQuery, type Sql } from '../report/parquet.js';
import { pointFolder } from '../report/point-tables.js';
import { ExperimentInputError } from './input-error.js';

/** What marks each kind of folder (its last-written file). */
const MARKERS: ReadonlyArray<readonly [string, string]> = [['run.json', 'run'], ['sweep.json', 'sweep'], ['compare.json', 'compare'], ['size.json', 'size']];

export interface QueryResult {
  columns: string[];
  types: string[];
  rows: unknown[][];
}

/** The folder's kind, or an ExperimentInputError naming the folder. */
async function folderKind(dir: string, shown: string): Promise<string> {
  for (const [file, kind] of MARKERS) if (await pathExists(join(dir, file))) return kind;
  const exists = await pathExists(dir);
  throw new ExperimentInputError('query', exists
    ? `${shown} is not a finished run, sweep or compare folder (no run.json, sweep.json or compare.json): give a folder that tapsim run, sweep or compare wrote`
    : `${shown} does not exist: give the path of a run, sweep or compare folder`);
}

const viewName = (stem: string): string => stem.replace(/-/g, '_');

/** The top-level tables: name → the Parquet file if there is one, else the CSV file. */
async function topTables(dir: string): Promise<Map<string, { path: string; parquet: boolean }>> {
  const tables = new Map<string, { path: string; parquet: boolean }>();
  const files = await listFiles(dir);
  for (const f of files) if (f.endsWith('.csv')) tables.set(viewName(f.slice(0, -4)), { path: join(dir, f), parquet: false });
  for (const f of files) if (f.endsWith('.parquet')) tables.set(viewName(f.slice(0, -8)), { path: join(dir, f), parquet: true });
  return tables;
}

/** The point indices with a points/p<k>/ folder (outputs.pointTables), in order. */
async function pointIndices(dir: string): Promise<number[]> {
  return (await listFiles(join(dir, 'points')))
    .map((n) => /^p(\d+)$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/** Create one view per table of the folder; returns the view names. */
export async function createViews(sql: Sql, dir: string): Promise<string[]> {
  const views: string[] = [];
  for (const [name, table] of await topTables(dir)) {
    const query = table.parquet ? `SELECT * FROM read_parquet(${quoteText(table.path)})` : (await typedCsvQuery(sql, table.path)).query;
    await sql.run(`CREATE VIEW ${quoteIdent(name)} AS ${query}`);
    views.push(name);
  }
  const points = await pointIndices(dir);
  for (const table of ['gates', 'transactions']) {
    const parts: string[] = [];
    for (const p of points) {
      const path = join(dir, pointFolder(p), `${table}.parquet`);
      if (await pathExists(path)) parts.push(`SELECT ${p}::BIGINT AS point, * FROM read_parquet(${quoteText(path)})`);
    }
    if (parts.length === 0 || views.includes(table)) continue;
    await sql.run(`CREATE VIEW ${quoteIdent(table)} AS ${parts.join(' UNION ALL BY NAME ')}`);
    views.push(table);
  }
  return views.sort();
}

/**
 * Run `text` over the folder `dir` (`shown`: how the user wrote it) and return its rows, or with
 * `parquetTo` have DuckDB write them to that Parquet file. Bad folder or SQL: an
 * ExperimentInputError naming it.
 */
export async function runQuery(dir: string, shown: string, text: string, parquetTo?: string): Promise<QueryResult & { views: string[] }> {
  await folderKind(dir, shown);
  const sql = await openSql();
  try {
    const views = await createViews(sql, dir);
    try {
      if (parquetTo !== undefined) {
        await sql.run(`COPY (${text.trim().replace(/;+$/, '')}) TO ${quoteText(parquetTo)} (FORMAT parquet, COMPRESSION zstd)`);
        return { columns: [], types: [], rows: [], views };
      }
      return { ...(await sql.rows(text)), views };
    } catch (error) {
      const message = ((error as Error).message.split('\n')[0] ?? '').trim();
      throw new ExperimentInputError('query', `the SQL does not run over ${shown}: ${message}; fix the query (the views of this folder: ${views.join(', ')})`);
    }
  } finally {
    sql.close();
  }
}

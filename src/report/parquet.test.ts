import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { cellText } from '../cli/commands/query-run.js';
import { ROOT, smallScenarioDir } from '../testing/test-helpers.js';
import { columnKind } from './column-types.js';
import { parseCsv } from './csv-read.js';
import { openSql, quoteText, wantsParquet, writeParquetCopies, type Sql } from './parquet.js';
import { loadScenario } from '../scenario/load.js';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, inThread: true });
  return { code, out, err };
}

/** The Parquet file read back by DuckDB: header, then every value formatted as the CSV writes it. */
async function parquetAsCsvCells(sql: Sql, path: string): Promise<string[][]> {
  const r = await sql.rows(`SELECT * FROM read_parquet(${quoteText(path)})`);
  return [r.columns, ...r.rows.map((row) => row.map(cellText))];
}

async function schemaOf(sql: Sql, path: string): Promise<Record<string, string>> {
  const r = await sql.rows(`DESCRIBE SELECT * FROM read_parquet(${quoteText(path)})`);
  return Object.fromEntries(r.rows.map((row) => [String(row[0]), String(row[1])]));
}

async function unitsOf(sql: Sql, path: string): Promise<Record<string, string>> {
  const r = await sql.rows(`SELECT decode(key), decode(value) FROM parquet_kv_metadata(${quoteText(path)})`);
  return Object.fromEntries(r.rows.map((row) => [String(row[0]), String(row[1])]));
}

/** Every .ts file below `dir` (tests too). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('outputs.format: [csv, parquet]', () => {
  it('DuckDB is loaded only when Parquet is written or a query runs: one dynamic import, in parquet.ts', () => {
    const src = join(ROOT, 'src');
    const users = sources(src).filter((f) => !f.endsWith('.test.ts') && readFileSync(f, 'utf8').includes('@duckdb/'));
    expect(users.map((f) => f.slice(src.length + 1))).toEqual(['report/parquet.ts']);
    const text = readFileSync(join(src, 'report', 'parquet.ts'), 'utf8');
    expect(text).not.toMatch(/^import .*@duckdb/m);
    expect(text.match(/await import\('@duckdb\/node-api'\)/g)).toHaveLength(1);
  });

  it('every table of a run folder as Parquet: typed columns, units in the metadata, values equal to the CSV cells after formatNumber', async () => {
    const { dir } = smallScenarioDir('parquet', 'replications: 1\noutputs: { format: [csv, parquet] }\n');
    const r = await cli(['run', 'small.yaml', '--out', 'out', '--quiet', '--set', 'duration=2 min'], dir);
    expect(r.code, r.err).toBe(0);
    const out = join(dir, 'out');
    const csvs = readdirSync(out).filter((f) => f.endsWith('.csv')).sort();
    expect(csvs).toEqual(['backend.csv', 'gate-capacity.csv', 'gates.csv', 'latency.csv', 'service-times.csv', 'summary-ci.csv', 'summary.csv', 'transactions.csv']);
    expect(readdirSync(out).filter((f) => f.endsWith('.parquet')).sort()).toEqual(csvs.map((f) => f.replace('.csv', '.parquet')));
    const sql = await openSql();
    try {
      for (const f of csvs) {
        const expected = parseCsv(readFileSync(join(out, f), 'utf8'));
        const got = await parquetAsCsvCells(sql, join(out, f.replace('.csv', '.parquet')));
        expect(got.length, f).toBeGreaterThan(1);
        expect(got, f).toEqual(expected);
      }
      const tx = await schemaOf(sql, join(out, 'transactions.parquet'));
      expect(tx).toMatchObject({ replication: 'BIGINT', t_s: 'DOUBLE', clock: 'VARCHAR', cause: 'VARCHAR', latency_ms: 'DOUBLE', frames: 'BIGINT' });
      const summary = await schemaOf(sql, join(out, 'summary.parquet'));
      expect(summary).toMatchObject({ replication: 'BIGINT', seed: 'BIGINT', gate_open_rate: 'DOUBLE', wait_p95_s: 'DOUBLE', taps: 'BIGINT' });
      const units = await unitsOf(sql, join(out, 'gates.parquet'));
      expect(units).toMatchObject({ 'tapsim.table': 'gates', 'tapsim.unit.t_start_s': 's', 'tapsim.unit.wait_p95_s': 's', 'tapsim.unit.throughput_ppm_per_gate': 'passengers/min/gate' });
    } finally {
      sql.close();
    }
    expect(readFileSync(join(out, 'columns.md'), 'utf8')).toMatch(/## Parquet\n\n.*tapsim\.unit\.<column>/);
  }, 30_000);

  it('columns no rule names flow through: typed by their suffix or from their cells; empty tables keep their columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapsim-parquet-cols-'));
    writeFileSync(join(dir, 'transactions.csv'), 'replication,cause,auth_ms,gate_ms,new_count,new_label\n0,wrong-card,12.5,NaN,3,x\n1,ok,-Inf,0.000001,,7\n');
    writeFileSync(join(dir, 'gates.csv'), 'replication,t_start_s,gateline\n');
    await writeParquetCopies(dir, ['transactions.csv', 'gates.csv']);
    const sql = await openSql();
    try {
      expect(await schemaOf(sql, join(dir, 'transactions.parquet'))).toEqual({ replication: 'BIGINT', cause: 'VARCHAR', auth_ms: 'DOUBLE', gate_ms: 'DOUBLE', new_count: 'BIGINT', new_label: 'VARCHAR' });
      expect(await parquetAsCsvCells(sql, join(dir, 'transactions.parquet'))).toEqual(parseCsv(readFileSync(join(dir, 'transactions.csv'), 'utf8')));
      expect(await unitsOf(sql, join(dir, 'transactions.parquet'))).toMatchObject({ 'tapsim.unit.auth_ms': 'ms', 'tapsim.unit.gate_ms': 'ms' });
      expect(await schemaOf(sql, join(dir, 'gates.parquet'))).toEqual({ replication: 'BIGINT', t_start_s: 'DOUBLE', gateline: 'VARCHAR' });
      expect((await sql.rows(`SELECT count(*) FROM read_parquet(${quoteText(join(dir, 'gates.parquet'))})`)).rows[0]?.[0]).toBe(0n);
    } finally {
      sql.close();
    }
  });

  it('the column description: names, then suffixes; the rest is typed from the cells', () => {
    expect(columnKind('passenger')).toEqual({ type: 'string', unit: '' });
    expect(columnKind('frames')).toEqual({ type: 'integer', unit: 'count' });
    expect(columnKind('wait_p95_s_mean')).toEqual({ type: 'double', unit: 's' });
    expect(columnKind('timeline_select_ms')).toEqual({ type: 'double', unit: 'ms' });
    expect(columnKind('cause_wrong_card').type).toBeUndefined();
  });

  it('CSV only by default, and a format list without csv is refused naming outputs.format', async () => {
    const { file } = smallScenarioDir('parquet-default', 'replications: 1\n');
    expect(wantsParquet((await loadScenario(file)).scenario)).toBe(false);
    expect(wantsParquet((await loadScenario(file, { overrides: [{ path: 'outputs.format', value: '[csv, parquet]', source: 'test' }] })).scenario)).toBe(true);
    await expect(loadScenario(file, { overrides: [{ path: 'outputs.format', value: '[parquet]', source: 'test' }] })).rejects.toThrow(/must include csv/);
  });
});

/**
 * The per-point tables of a sweep (outputs.pointTables: true): each point's gates and transactions
 * tables as `points/p<point>/gates.parquet` and `transactions.parquet`, the rows the point's run
 * folder would hold (the same row builders, csv-rows.ts). Written point by point inside the
 * sweep's temporary folder: the rows stream into CSV files, which become Parquet (parquet.ts)
 * and are then removed, so only the Parquet files stay.
 */
import { join } from 'node:path';
import type { ReplicationResult } from '../experiment/replication.js';
import { startTimeS } from './clock.js';
import { GATE_CSV_COLUMNS, gateRows, TRANSACTION_CSV_COLUMNS, transactionRows, withClockRows } from './csv-rows.js';
import { currentFileSystem } from './file-system.js';
import type { CsvSink, FolderWriter } from './folder-writer.js';
import { writeParquetCopies } from './parquet.js';

/** The folder of point `point`'s tables, relative to the sweep folder. */
export const pointFolder = (point: number): string => `points/p${point}`;

/** What the rows of one point need from its scenario. */
export interface PointTiming {
  /** Simulated time, ns. */
  duration: number;
  /** The scenario's startTime (the clock columns). */
  startTime?: string | undefined;
}

/** Streams the replications of one point at a time into that point's tables. */
export class PointTablesWriter {
  private open: { point: number; gates: CsvSink; transactions: CsvSink; timing: PointTiming } | undefined;

  constructor(private readonly w: FolderWriter) {}

  /** Add a replication of `point` (points in order, each point's replications together). */
  async add(point: number, timing: PointTiming, result: ReplicationResult): Promise<void> {
    if (this.open?.point !== point) {
      await this.finish();
      const dir = pointFolder(point);
      this.open = {
        point,
        timing,
        gates: await this.w.openCsv(`${dir}/gates.csv`, GATE_CSV_COLUMNS),
        transactions: await this.w.openCsv(`${dir}/transactions.csv`, TRANSACTION_CSV_COLUMNS),
      };
    }
    const { gates, transactions } = this.open;
    const startS = startTimeS(timing.startTime);
    for (const row of withClockRows(gateRows(result.replication, result.gatelines, timing.duration), 1, startS)) await gates.write(row);
    if (result.transactions !== null) for (const row of withClockRows(transactionRows(result.replication, result.transactions), 1, startS)) await transactions.write(row);
  }

  /** Close the open point: its CSV files become Parquet files. */
  async finish(): Promise<void> {
    const o = this.open;
    if (o === undefined) return;
    this.open = undefined;
    await o.gates.end();
    await o.transactions.end();
    const dir = join(this.w.path, pointFolder(o.point));
    await writeParquetCopies(dir, ['gates.csv', 'transactions.csv']);
    for (const name of ['gates.csv', 'transactions.csv']) await currentFileSystem().rm(join(dir, name), { recursive: false, force: true });
  }
}

/**
 * The files of one run folder, streamed as results arrive in replication order: gates.csv,
 * backend.csv and transactions.csv row by row, then summary.csv, summary-ci.csv, latency.csv,
 * service-times.csv, gate-capacity.csv, columns.md, the report, and run.json last.
 */
import { buildInfo } from '../experiment/version.js';
import { canonicalJson, sha256, type LoadedScenario } from '../scenario/load.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { summaryCsv, type CsvSink, type FolderWriter, type SummaryRow } from '../report/write.js';
import { BACKEND_CSV_COLUMNS, columnsMarkdown, GATE_CSV_COLUMNS, LatencySketches, summaryCiCsv, TRANSACTION_CSV_COLUMNS, withClockRows } from '../report/csv.js';
import { replicationCsv, type ReplicationCsv } from '../report/replication-csv.js';
import { startTimeS } from '../report/clock.js';
import { LINE_LOAD_COLUMNS, lineLoadRows, NETWORK_COLUMNS, networkRows } from '../report/network-rows.js';
import { withClockColumn } from '../report/csv-rows.js';
import { ServiceTimeSketches } from '../report/service-times-csv.js';
import { renderRunReport, type ReplicationFailure, type RunJson } from '../report/run-report.js';
import type { ReplicationResult } from '../experiment/replication.js';
import { summarize, type Summary } from '../experiment/stats.js';
import { PARQUET_NOTE, wantsParquet, writeParquetCopies } from '../report/parquet.js';

/** Streams results (in replication order) into the files of a run folder. */
export class RunFolderBuilder {
  private readonly rows: SummaryRow[] = [];
  private readonly fingerprints: string[] = [];
  private readonly latency = new LatencySketches();
  private readonly serviceTimes = new ServiceTimeSketches();
  /** The scenario's startTime, s after midnight (0 without one): the clock column of line-load.csv. */
  private readonly startS: number;
  readonly failures: ReplicationFailure[] = [];
  events = 0;

  private constructor(
    private readonly w: FolderWriter,
    private readonly scenario: ResolvedScenario,
    private readonly gates: CsvSink,
    private readonly backend: CsvSink,
    private readonly transactions: CsvSink | undefined,
    /** network.csv and line-load.csv, only with origin–destination travel. */
    private readonly network: { stations: CsvSink; load: CsvSink } | undefined,
  ) {
    this.startS = startTimeS(scenario.startTime);
  }

  static async open(w: FolderWriter, scenario: ResolvedScenario): Promise<RunFolderBuilder> {
    const transactions = scenario.outputs.transactions ? await w.openCsv('transactions.csv', TRANSACTION_CSV_COLUMNS) : undefined;
    const gates = await w.openCsv('gates.csv', GATE_CSV_COLUMNS);
    const backend = await w.openCsv('backend.csv', BACKEND_CSV_COLUMNS);
    const network = scenario.network.od === undefined ? undefined : { stations: await w.openCsv('network.csv', NETWORK_COLUMNS), load: await w.openCsv('line-load.csv', withClockColumn(LINE_LOAD_COLUMNS, 't_start_s')) };
    return new RunFolderBuilder(w, scenario, gates, backend, transactions, network);
  }

  get metricsByReplication(): readonly SummaryRow[] {
    return this.rows;
  }

  async add(result: ReplicationResult): Promise<void> {
    // Bytes the worker formatted (replication-worker.ts), or the same formatter here for a result without them (job files, in-thread).
    const csv: ReplicationCsv<Iterable<Uint8Array>> = result.csv ?? replicationCsv(result, this.scenario);
    if (this.transactions !== undefined && csv.transactions !== null) for (const chunk of csv.transactions) await this.transactions.writeBytes(chunk);
    for (const chunk of csv.gates) await this.gates.writeBytes(chunk);
    for (const chunk of csv.backend) await this.backend.writeBytes(chunk);
    // The network tables are small (per line and station; per line and interval): formatted here.
    if (this.network !== undefined && result.network !== undefined) {
      for (const row of networkRows(result.replication, result.network)) await this.network.stations.write(row);
      for (const row of withClockRows(lineLoadRows(result.replication, result.network, this.scenario.duration), 1, this.startS)) await this.network.load.write(row);
    }
    this.latency.add(result.sketches.tapLatency);
    this.serviceTimes.add(result.sketches.serviceTime, result.sketches.serviceTimeQueued);
    this.rows.push({ replication: result.replication, seed: result.seed, events: result.events, metrics: result.metrics });
    this.fingerprints.push(result.fingerprint);
    this.events += result.events;
  }

  fail(failure: ReplicationFailure): void {
    this.failures.push(failure);
  }

  async finish(loaded: Pick<LoadedScenario, 'scenario' | 'hash'>, meta: { scenarioFile: string | null; workers: number; wallTimeS: number; untilCi?: RunJson['untilCi'] }): Promise<RunJson> {
    await this.transactions?.end();
    await this.gates.end();
    await this.backend.end();
    await this.network?.stations.end();
    await this.network?.load.end();
    const { scenario } = loaded;
    const names = metricNames(this.rows);
    const runJson: RunJson = {
      tool: 'tapsim',
      ...(await buildInfo()),
      scenario: { name: scenario.name, file: meta.scenarioFile, sha256: loaded.hash },
      seed: scenario.seed,
      replications: this.rows.length + this.failures.length,
      workers: meta.workers,
      wallTimeS: Math.round(meta.wallTimeS * 1000) / 1000,
      events: this.events,
      fingerprint: sha256(this.fingerprints.join('\n')),
      failures: [...this.failures].sort((a, b) => a.replication - b.replication),
      ...(meta.untilCi === undefined ? {} : { untilCi: meta.untilCi }),
    };
    const runJsonText = JSON.stringify(runJson, null, 2) + '\n';
    await this.w.writeFile('scenario.resolved.json', canonicalJson(scenario, 2) + '\n');
    await this.w.writeFile('summary.csv', summaryCsv(this.rows));
    await this.w.writeFile('summary-ci.csv', summaryCiCsv(names.map((metric) => ({ metric, summary: summarize(this.rows.map((r) => r.metrics[metric] ?? NaN)) }))));
    await this.w.writeFile('latency.csv', this.latency.csv());
    await this.w.writeFile('service-times.csv', this.serviceTimes.csv());
    await this.w.writeFile('gate-capacity.csv', this.serviceTimes.capacityCsv());
    const files = ['summary.csv', 'summary-ci.csv', 'gates.csv', 'backend.csv', 'latency.csv', 'service-times.csv', 'gate-capacity.csv', ...(this.transactions === undefined ? [] : ['transactions.csv']), ...(this.network === undefined ? [] : ['network.csv', 'line-load.csv'])];
    const parquet = wantsParquet(scenario);
    await this.w.writeFile('columns.md', columnsMarkdown(files, names) + (parquet ? PARQUET_NOTE : ''));
    if (parquet) await writeParquetCopies(this.w.path, files);
    // The report reads only the folder's own files (run.json given here, as it is written last),
    // so `tapsim report` re-renders it identically.
    await renderRunReport(this.w.path, { runJson: runJsonText });
    await this.w.writeFile('run.json', runJsonText);
    return runJson;
  }
}

export function metricNames(rows: ReadonlyArray<{ metrics: Readonly<Record<string, number>> }>): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))].sort();
}

export function summarizeMetric(rows: ReadonlyArray<{ metrics: Readonly<Record<string, number>> }>, metric: string): Summary {
  return summarize(rows.map((r) => r.metrics[metric] ?? NaN));
}

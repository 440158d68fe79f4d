/**
 * Whole-run worker benchmark (issue 19; never run in a timed test): `tapsim run` of one scenario
 * as the CLI does it (runScenario: the pool, CSV rows formatted in the workers, the folder
 * writer, the report) on 1 and on 2 worker threads, alternating, into temporary folders.
 * Reports the wall time of each (fastest of the rounds), the ratio, how long the main thread was
 * busy per replication (event-loop utilisation: what is left serial), and whether every CSV of
 * the two folders is byte-identical (SHA-256 of each).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadScenario } from '../scenario/load.js';
import { runScenario } from '../orchestrate/run-scenario.js';

export interface WholeRunTiming {
  workers: number;
  ms: number;
  /** Main-thread busy time (event-loop active) per replication, ms. */
  mainBusyMsPerReplication: number;
  /** CPU seconds of the whole process per wall second. */
  cpuPerWall: number;
  /** Every round's wall time, ms (for the spread). */
  roundsMs: number[];
}

export interface WholeRunBench {
  replications: number;
  transactions: boolean;
  one: WholeRunTiming;
  two: WholeRunTiming;
  speedup: number;
  identical: boolean;
}

interface OneRun {
  ms: number;
  busyMs: number;
  cpuPerWall: number;
  hashes: string;
}

async function oneRun(file: string, replications: number, transactions: boolean, workers: number): Promise<OneRun> {
  const overrides = [
    { path: 'replications', value: String(replications), source: 'bench' },
    { path: 'outputs.transactions', value: String(transactions), source: 'bench' },
  ];
  const loaded = await loadScenario(file, { overrides });
  const dir = mkdtempSync(join(tmpdir(), 'tapsim-bench-run-'));
  const outDir = join(dir, 'run');
  try {
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await runScenario(loaded, { outDir, workers, scenarioFile: file });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const busyMs = performance.eventLoopUtilization(elu0).active;
    const hashes = readdirSync(outDir).filter((n) => n.endsWith('.csv')).sort().map((n) => `${n}:${createHash('sha256').update(readFileSync(join(outDir, n))).digest('hex')}`).join(' ');
    return { ms, busyMs, cpuPerWall: (cpu.user + cpu.system) / 1000 / ms, hashes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timing(workers: number, runs: readonly OneRun[], replications: number): WholeRunTiming {
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return {
    workers,
    ms: Math.round(best.ms),
    mainBusyMsPerReplication: Math.round((best.busyMs / replications) * 10) / 10,
    cpuPerWall: Math.round(best.cpuPerWall * 100) / 100,
    roundsMs: runs.map((r) => Math.round(r.ms)),
  };
}

/** `rounds` (default 2) of 1 then 2 workers (2 then 1 in odd rounds); the fastest of each counts. */
export async function benchWholeRun(file: string, options: { replications?: number; rounds?: number; transactions: boolean }): Promise<WholeRunBench> {
  const replications = options.replications ?? 8;
  const ones: OneRun[] = [];
  const twos: OneRun[] = [];
  for (let round = 0; round < (options.rounds ?? 2); round++) {
    for (const workers of round % 2 === 0 ? [1, 2] : [2, 1]) (workers === 1 ? ones : twos).push(await oneRun(file, replications, options.transactions, workers));
  }
  const one = timing(1, ones, replications);
  const two = timing(2, twos, replications);
  const all = [...ones, ...twos].map((r) => r.hashes);
  return { replications, transactions: options.transactions, one, two, speedup: Math.round((one.ms / two.ms) * 100) / 100, identical: all.every((h) => h === all[0]) };
}

/**
 * Orchestration of one `tapsim run`: resolved scenario → for each replication call
 * `runReplication({ scenario, replication, seed })` → collect → write the run folder
 * (run.json, scenario.resolved.json, summary.csv). Sequential for now; a worker pool comes later.
 * A replication that throws fails alone (DESIGN §4.10): the others still run and are written.
 */
import { readFile } from 'node:fs/promises';
import { canonicalJson, sha256, type LoadedScenario } from '../scenario/load.js';
import { summaryCsv, writeRunFolder } from '../report/write.js';
import { runReplication, type ReplicationResult } from './replication.js';

export interface RunProgress {
  /** 0-based index of the replication running. */
  replication: number;
  replications: number;
  simTimeNs: number;
  durationNs: number;
  /** Events so far over the whole run. */
  events: number;
}

export interface RunScenarioOptions {
  /** Folder to write (checked beforehand by the caller with checkOutDir). */
  outDir: string;
  /** Scenario file as given on the command line (recorded in run.json). */
  scenarioFile?: string;
  onProgress?: (progress: RunProgress) => void;
  /** Wall clock in ms (injectable for tests). */
  now?: () => number;
}

export interface ReplicationFailure {
  replication: number;
  message: string;
}

export interface RunOutcome {
  outDir: string;
  runJson: RunJson;
  results: readonly ReplicationResult[];
  failures: readonly ReplicationFailure[];
}

export interface RunJson {
  tool: 'tapsim';
  version: string;
  scenario: { name: string; file: string | null; sha256: string };
  seed: number;
  replications: number;
  workers: number;
  wallTimeS: number;
  events: number;
  /** SHA-256 over the replications' fingerprints in order (newline-joined). */
  fingerprint: string;
  failures: readonly ReplicationFailure[];
}

/** The tool version from package.json (two folders above this file in src/ and dist/). */
export async function toolVersion(): Promise<string> {
  try {
    const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
    const pkg = JSON.parse(text) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function runScenario(loaded: LoadedScenario, options: RunScenarioOptions): Promise<RunOutcome> {
  const now = options.now ?? (() => performance.now());
  const { scenario } = loaded;
  const started = now();
  const results: ReplicationResult[] = [];
  const failures: ReplicationFailure[] = [];
  let eventsBefore = 0;
  for (let r = 0; r < scenario.replications; r++) {
    const report = (simTimeNs: number, events: number): void =>
      options.onProgress?.({ replication: r, replications: scenario.replications, simTimeNs, durationNs: scenario.duration, events: eventsBefore + events });
    try {
      const result = runReplication({ scenario, replication: r, seed: scenario.seed }, report);
      results.push(result);
      eventsBefore += result.events;
    } catch (error) {
      failures.push({ replication: r, message: error instanceof Error ? error.message : String(error) });
    }
  }
  const wallTimeS = (now() - started) / 1000;
  const runJson: RunJson = {
    tool: 'tapsim',
    version: await toolVersion(),
    scenario: { name: scenario.name, file: options.scenarioFile ?? null, sha256: loaded.hash },
    seed: scenario.seed,
    replications: scenario.replications,
    workers: 1,
    wallTimeS: Math.round(wallTimeS * 1000) / 1000,
    events: results.reduce((sum, r) => sum + r.events, 0),
    fingerprint: sha256(results.map((r) => r.fingerprint).join('\n')),
    failures,
  };
  await writeRunFolder(options.outDir, {
    'run.json': JSON.stringify(runJson, null, 2) + '\n',
    'scenario.resolved.json': canonicalJson(scenario, 2) + '\n',
    'summary.csv': summaryCsv(results),
  });
  return { outDir: options.outDir, runJson, results, failures };
}

/** Default run folder: results/<scenario-name>/<UTC time>-s<seed>. */
export function defaultRunDir(name: string, seed: number, date: Date): string {
  const stamp = date.toISOString().replace(/[:.]/g, '').replace(/-/g, '').replace('T', '-').slice(0, 15);
  return `results/${name}/${stamp}-s${seed}`;
}

/**
 * Start-up (`npm run bench -- startup`): whole processes, timed from spawn to exit, median of 7
 * runs each after one warm-up, all in one run so the differences against bare node share the
 * machine's load: bare `node -e ""`, `tapsim --version` and `tapsim check` of one scenario.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';
import { maxOf, minOf } from '../arrays.js';

export interface StartupCase {
  case: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface StartupResult {
  cases: StartupCase[];
  /** 1-minute load average per core when the run started. */
  loadPerCore: number;
}

function timeProcessMs(args: readonly string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`startup bench: node ${args.join(' ')} exited ${String(r.status)}`);
  return ms;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** `distDir`: the built code (holds cli.js); `scenario`: the file `check` reads. */
export function benchStartup(distDir: string, scenario: string, runs = 7): StartupResult {
  const cli = join(distDir, 'cli.js');
  const cases: Array<[string, string[]]> = [
    ['node -e ""', ['-e', '']],
    ['tapsim --version', [cli, '--version']],
    [`tapsim check ${scenario}`, [cli, 'check', scenario]],
  ];
  const loadPerCore = (os.loadavg()[0] ?? 0) / os.availableParallelism();
  const samples = cases.map(() => [] as number[]);
  for (const [, args] of cases) timeProcessMs(args);
  // Interleaved rounds: a burst of load from elsewhere hits every case alike.
  for (let round = 0; round < runs; round++) cases.forEach(([, args], i) => samples[i]?.push(timeProcessMs(args)));
  return {
    loadPerCore,
    cases: cases.map(([name], i) => {
      const xs = samples[i] as number[];
      return { case: name, medianMs: median(xs), minMs: minOf(xs), maxMs: maxOf(xs) };
    }),
  };
}

/** Flag checks shared by the commands: each bad flag is a ScenarioError naming it (exit 2). */
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.js';
import { parseSetArgs, type Override } from '../scenario/load.js';
import { defaultWorkers } from '../experiment/default-workers.js';
import { parseShard, type Shard } from '../orchestrate/jobs.js';
import type { UntilCi } from '../orchestrate/run-scenario.js';
import { metricFromFlag } from '../experiment/metric-names.js';
import { abs, type CliIo } from './io.js';
import type { Parsed } from './options.js';

export function flagError(flag: string, message: string): ScenarioError {
  return new ScenarioError([{ file: flag, line: 0, col: 0, path: '', message }]);
}

/** --set, --seed and --replications as scenario overrides. */
export function overridesFrom(args: Parsed): Override[] {
  const { overrides, issues: setIssues } = parseSetArgs(args.set ?? [], '--set');
  const issues: ScenarioIssue[] = [...setIssues];
  const integerFlag = (flag: '--seed' | '--replications', text: string | undefined, min: number, max: number): void => {
    if (text === undefined) return;
    const value = Number(text);
    if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      issues.push({ file: flag, line: 0, col: 0, path: flag.slice(2), message: `must be an integer from ${min} to ${max} (got "${text}")` });
    } else {
      overrides.push({ path: flag.slice(2), value: String(value), source: flag });
    }
  };
  integerFlag('--seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
  integerFlag('--replications', args.replications, 1, 10000);
  if (issues.length > 0) throw new ScenarioError(issues);
  return overrides;
}

/** Options that may be given more than once (each adds a value); every other option takes one value. */
const REPEATABLE = new Set(['_', 'set', 'vary', 'untilCi', 'case', 'scenarios', 'dirs']);

/** A value-taking option given twice is an error naming it (yargs would pass an array on). */
export function checkSingleValued(args: Parsed): void {
  for (const [key, value] of Object.entries(args)) {
    if (!Array.isArray(value) || REPEATABLE.has(key) || key.includes('-')) continue;
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    const values = value.map((v) => JSON.stringify(String(v)));
    throw flagError(flag, `given ${value.length === 2 ? 'twice' : `${value.length} times`} (${values.join(', ')}); give it once`);
  }
}

export function parseWorkers(args: Parsed, io: CliIo): number | undefined {
  if (args.workers === undefined) return undefined;
  const n = Number(args.workers);
  if (args.workers.trim() === '' || !Number.isInteger(n) || n < 1 || n > 1024) throw flagError('--workers', `must be an integer from 1 to 1024 (got "${args.workers}")`);
  const cores = defaultWorkers();
  if (n > cores) io.stderr(`tapsim: warning: --workers ${n} is more than the ${cores} core(s) here; threads beyond the cores only add start-up time (at most one thread per job is started)\n`);
  return n;
}

export function parseShardFlag(args: Parsed): Shard | undefined {
  if (args.shard === undefined) return undefined;
  const shard = parseShard(args.shard);
  if ('error' in shard) throw flagError('--shard', shard.error);
  if (args.out === undefined) throw flagError('--shard', 'needs --out DIR: each shard writes its own partial folder');
  return shard;
}

export function checkOutFlag(args: Parsed): void {
  if (args.out === undefined) return;
  if (args.out.trim() === '') throw flagError('--out', 'empty folder name');
  if (args.out.split(/[\\/]/).includes('..') && args.force !== true) throw flagError('--out', `"${args.out}" contains "..": give the folder without "..", or add --force`);
}

export function parseUntilCi(args: Parsed, io: CliIo): UntilCi[] | undefined {
  if (args.untilCi === undefined) return undefined;
  return args.untilCi.map((text) => {
    const m = /^\s*([A-Za-z0-9_]+)\s*=\s*(\S+)\s*$/.exec(text);
    const target = m === null ? NaN : Number(m[2]);
    if (m === null || !(target > 0)) throw flagError('--until-ci', `expected metric=relative-half-width with a target > 0, e.g. wait_p95_s=0.05 (got "${text}")`);
    return { metric: metricFromFlag(m[1] as string, '--until-ci', io.stderr), relativeHalfWidth: target };
  });
}

export function parseCount(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw flagError(flag, `must be an integer from ${min} to ${max} (got "${text}")`);
  return n;
}

/** The output folder as the user gave it, or the default one relative to the working folder. */
export function shown(io: CliIo, args: Parsed, outDir: string): string {
  return args.out ?? outDir.slice(abs(io, '.').length + 1);
}

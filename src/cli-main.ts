/**
 * The command line as a function: `main(argv, io)` parses, runs and returns the exit code
 * (0 ok, 1 a run failed, 2 bad input or a file-system error, 130 Ctrl-C / SIGINT, 143 SIGTERM).
 * src/cli.ts is the only caller that touches process.argv and process.exitCode. Bad input prints
 * each issue as `file:line:col path: message`, never a stack trace, and writes nothing.
 */
import { isAbsolute, join, resolve, sep } from 'node:path';
import cliProgress from 'cli-progress';
import yargs from 'yargs';
import { formatIssue, isScenarioError, ScenarioError, type ScenarioIssue } from './scenario/errors.js';
import { loadScenario, parseSetArgs, type Override } from './scenario/load.js';
import { scenarioJsonSchema } from './scenario/schema.js';
import { checkOutDir, cleanStaleTemps, currentFileSystem, isFileSystemError, pathExists, withFileSystem, writeFolderAtomic, type FileSystem } from './report/write.js';
import { loadRunFolder, NotARunFolderError, renderRunReport } from './report/run-report.js';
import { runSummaryLines } from './report/run-summary.js';
import { fieldMapFigures, UnknownReaderError } from './report/field-map.js';
import { renderRunReport as renderReportHtml } from './report/html.js';
import { verifyCommand } from './verify/command.js';
import { defaultRunDir, runScenario, toolVersion, type RunProgress, type UntilCi } from './orchestrate/run-scenario.js';
import { defaultWorkers, type ReplicationPool } from './experiment/pool.js';
import { ExperimentInputError, finishedJobs, parseShard, type Shard } from './orchestrate/shard.js';
import { faultyFileSystem, needsFileSystem, parseTestFaults, type TestFaults } from './orchestrate/test-faults.js';
import { loadPoints, parseVary, runSweep, sweepJobsProblem, sweepPointsProblem, type VarySpec } from './orchestrate/sweep.js';
import { mergeFolders } from './orchestrate/merge.js';
import { bandConfigs, compareTable, runCompare } from './orchestrate/compare.js';
import { parseIntRange, parseSlo, runSize } from './orchestrate/size.js';
import { metricFromFlag } from './experiment/metric-names.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Stream for the progress bar (default process.stderr). */
  progressStream?: NodeJS.WritableStream;
  /** Base folder for relative paths and results/ (default process.cwd()). */
  cwd?: string;
  /** Cancels a command (default: Ctrl-C / SIGINT or SIGTERM while the command runs). */
  signal?: AbortSignal;
  /** `run` replications in the calling thread, one at a time (tests: no thread start-up). */
  inThread?: boolean;
  /** File system for every file the command writes or reads back (default Node's; tests inject failures). */
  fs?: FileSystem;
  /** TEST-ONLY fault hooks (orchestrate/test-faults.ts; default: the TAPSIM_TEST_FAULTS environment variable). */
  testFaults?: TestFaults;
  /** A pool that run and sweep use instead of starting threads (tests share one; not closed here). */
  pool?: ReplicationPool;
}

/** A command stopped by a signal (or by the test-only fault hook, as SIGINT). */
class Interrupted extends Error {
  constructor(readonly signalName: 'SIGINT' | 'SIGTERM') {
    super(`interrupted by ${signalName}`);
    this.name = 'AbortError';
  }
}

/** What a run or sweep command knew when it failed: where its finished jobs are kept. */
interface CommandState {
  outDir?: string;
  keepsJobs?: boolean;
}

interface Parsed {
  _: Array<string | number>;
  scenario?: string;
  scenarios?: string[];
  out?: string;
  replications?: string;
  seed?: string;
  set?: string[];
  quiet?: boolean;
  force?: boolean;
  allowVersionMix?: boolean;
  workers?: string;
  untilCi?: string[];
  maxReplications?: string;
  shard?: string;
  resume?: boolean;
  vary?: string[];
  dirs?: string[];
  bands?: boolean;
  slo?: string;
  dir?: string;
  reader?: string;
  case?: string[];
  quick?: boolean;
}

export async function main(argv: readonly string[], ioIn: Partial<CliIo> = {}): Promise<number> {
  if (ioIn.fs !== undefined) {
    const { fs, ...rest } = ioIn;
    return withFileSystem(fs, () => main(argv, rest));
  }
  const io: CliIo = {
    stdout: ioIn.stdout ?? ((t) => process.stdout.write(t)),
    stderr: ioIn.stderr ?? ((t) => process.stderr.write(t)),
    progressStream: ioIn.progressStream ?? process.stderr,
    cwd: ioIn.cwd ?? process.cwd(),
    ...(ioIn.signal === undefined ? {} : { signal: ioIn.signal }),
    ...(ioIn.testFaults === undefined ? {} : { testFaults: ioIn.testFaults }),
    ...(ioIn.pool === undefined ? {} : { pool: ioIn.pool }),
    ...(ioIn.inThread === true ? { inThread: true } : {}),
  };
  const version = await toolVersion();
  const setOption = { type: 'string', array: true, describe: 'override a field: path=value (repeatable), e.g. --set stations.S01.entrances.A.gatelines.0.gates=8', requiresArg: true } as const;
  const workersOption = { type: 'string', describe: `worker threads (default: available cores, here ${defaultWorkers()})`, requiresArg: true } as const;
  const outOption = { type: 'string', describe: 'output folder (default results/<name>/…)', requiresArg: true } as const;
  const quietOption = { type: 'boolean', describe: 'no progress bar', default: false } as const;
  const forceOption = { type: 'boolean', describe: 'allow --out to replace an existing folder (an earlier run, an unfinished one, or any other)', default: false } as const;
  const versionMixOption = { type: 'boolean', describe: 'accept partial results written by another tapsim version or build', default: false } as const;
  const common = { set: setOption, seed: { type: 'string', describe: 'master seed, integer ≥ 0 (overrides the scenario)', requiresArg: true }, replications: { type: 'string', describe: 'replications, 1..10000 (overrides the scenario)', requiresArg: true }, workers: workersOption, out: outOption, quiet: quietOption, force: forceOption } as const;
  const parser = yargs([...argv])
    .scriptName('tapsim')
    .usage('$0 <command> [options]')
    .command('check <scenarios..>', 'validate scenarios; every issue as file:line:col path: message', (y) =>
      y.positional('scenarios', { type: 'string', array: true, describe: 'scenario files (.yaml, .yml, .json)' }).option('set', setOption),
    )
    .command('run <scenario>', 'run a scenario and write a results folder', (y) =>
      y
        .positional('scenario', { type: 'string', describe: 'scenario file (.yaml, .yml, .json)' })
        .option('out', { type: 'string', describe: 'results folder (default results/<name>/<time>-s<seed>)', requiresArg: true })
        .option('replications', { type: 'string', describe: 'replications, 1..10000 (overrides the scenario)', requiresArg: true })
        .option('seed', { type: 'string', describe: 'master seed, integer ≥ 0 (overrides the scenario)', requiresArg: true })
        .option('set', setOption)
        .option('workers', workersOption)
        .option('until-ci', { type: 'string', array: true, requiresArg: true, describe: 'sequential stopping: metric=relative-half-width, e.g. wait_p95_s=0.05; add batches of replications until the 95% CI half-width / |mean| ≤ target' })
        .option('max-replications', { type: 'string', requiresArg: true, describe: 'cap on replications with --until-ci (default 1000)' })
        .option('shard', { type: 'string', requiresArg: true, describe: 'run only shard i of N (i/N, 0-based) into a partial folder; combine with tapsim merge' })
        .option('resume', { type: 'boolean', default: false, describe: 'keep per-replication results in <out>/jobs/ and skip those already there' })
        .option('quiet', quietOption)
        .option('force', forceOption)
        .option('allow-version-mix', { ...versionMixOption, describe: 'with --resume: finish a folder started by another tapsim version or build' }),
    )
    .command('sweep <scenario>', 'full-factorial sweep with common random numbers; writes sweep.csv', (y) =>
      y
        .positional('scenario', { type: 'string', describe: 'scenario file' })
        .option('vary', { type: 'string', array: true, requiresArg: true, demandOption: true, describe: 'path=a,b,c or path=start:stop:step (repeat for a full factorial); paths as in --set' })
        .options(common)
        .option('shard', { type: 'string', requiresArg: true, describe: 'run only shard i of N (i/N) into a partial folder' })
        .option('resume', { type: 'boolean', default: false, describe: 'skip jobs already finished in --out' })
        .option('allow-version-mix', { ...versionMixOption, describe: 'with --resume: finish a folder started by another tapsim version or build' }),
    )
    .command('merge <dirs..>', 'combine partial folders (--shard) into the unsharded result', (y) =>
      y.positional('dirs', { type: 'string', array: true, describe: 'partial folders' }).option('out', { ...outOption, demandOption: true, describe: 'output folder' }).option('force', forceOption).option('allow-version-mix', versionMixOption),
    )
    .command('compare <scenario>', 'paired comparison with common random numbers', (y) =>
      y.positional('scenario', { type: 'string', describe: 'scenario file' }).option('bands', { type: 'boolean', default: false, describe: 'compare every reader on 13.56MHz only, 2.45GHz RCC only, and dual' }).options(common),
    )
    .command('size <scenario>', 'smallest integer value of a path meeting a service level with 95% confidence', (y) =>
      y
        .positional('scenario', { type: 'string', describe: 'scenario file' })
        .option('vary', { type: 'string', array: true, requiresArg: true, demandOption: true, describe: 'path=lo:hi (integers)' })
        .option('slo', { type: 'string', requiresArg: true, demandOption: true, describe: '"metric<=value" or "metric>=value"' })
        .option('max-replications', { type: 'string', requiresArg: true, describe: 'cap on replications per value (default 30)' })
        .options(common),
    )
    .command('report <dir>', 're-render figures/*.svg and index.html of a run folder from its CSV files (no re-run)', (y) =>
      y.positional('dir', { type: 'string', describe: 'run folder (holds run.json)' }),
    )
    .command('field <scenario>', 'field maps of one reader across its gates (13.56 MHz field / Hmin, RCC LF field vs T1/T3/T2)', (y) =>
      y
        .positional('scenario', { type: 'string', describe: 'scenario file' })
        .option('reader', { type: 'string', requiresArg: true, demandOption: true, describe: 'reader id (scenario readers[].id)' })
        .option('out', { ...outOption, describe: 'output folder (default results/<name>/field-<reader>)' })
        .option('set', setOption)
        .option('force', forceOption),
    )
    .command('verify', 'model checks against the analytic cases of domain/VALIDATION.md; writes a report folder', (y) =>
      y
        .option('quick', { type: 'boolean', default: false, describe: 'fewer trials (faster, wider tolerances)' })
        .option('out', { ...outOption, describe: 'report folder (default results/verify)' })
        .option('case', { type: 'string', array: true, requiresArg: true, describe: 'only this case id, e.g. V5 (repeatable)' }),
    )
    .command('schema', 'print the JSON Schema of scenario files')
    .demandCommand(1, 'give a command: check, run, sweep, merge, compare, size, report, field, verify or schema')
    .strict()
    .version(version)
    .help()
    .exitProcess(false)
    .showHelpOnFail(false)
    .wrap(100);

  let failure: string | undefined;
  let output = '';
  let args: Parsed;
  try {
    args = (await parser.parseAsync([...argv], {}, (error: Error | null | undefined, _argv: unknown, out: string) => {
      if (error) failure = error.message;
      output = out;
    })) as unknown as Parsed;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    args = { _: [] };
  }
  if (failure !== undefined) {
    io.stderr(`tapsim: ${failure}\nRun "tapsim --help" for usage.\n`);
    return 2;
  }
  if (output !== '') {
    io.stdout(output.endsWith('\n') ? output : output + '\n');
    return 0;
  }

  const command = String(args._[0]);
  const state: CommandState = {};
  try {
    checkSingleValued(args);
    switch (command) {
      case 'schema':
        io.stdout(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
        return 0;
      case 'check': {
        const overrides = overridesFrom(args);
        let code = 0;
        for (const file of args.scenarios ?? []) {
          try {
            const loaded = await loadScenario(abs(io, file), { overrides });
            io.stdout(`ok ${file}: ${loaded.scenario.name} (sha256 ${loaded.hash.slice(0, 12)})\n`);
          } catch (error) {
            // Whatever went wrong with one file, the next files are still checked.
            if (isScenarioError(error)) {
              for (const issue of error.issues) io.stderr(formatIssue(relativeIssue(issue, io)) + '\n');
              code = Math.max(code, 2);
            } else {
              io.stderr(`tapsim: internal error while checking ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
              code = 1;
            }
          }
        }
        return code;
      }
      case 'run':
        return await withSignal(io, (signal) => runCommand(args, io, signal, state));
      case 'sweep':
        return await withSignal(io, (signal) => sweepCommand(args, io, signal, state));
      case 'merge':
        return await withSignal(io, (signal) => mergeCommand(args, io, signal));
      case 'compare':
        return await withSignal(io, (signal) => compareCommand(args, io, signal));
      case 'size':
        return await withSignal(io, (signal) => sizeCommand(args, io, signal));
      case 'report':
        return await reportCommand(args, io);
      case 'field':
        return await fieldCommand(args, io);
      case 'verify':
        return await verifyCliCommand(args, io);
      default:
        io.stderr(`tapsim: unknown command "${command}"\n`);
        return 2;
    }
  } catch (error) {
    if (isScenarioError(error)) {
      for (const issue of error.issues) io.stderr(formatIssue(relativeIssue(issue, io)) + '\n');
      return 2;
    }
    if (error instanceof NotARunFolderError) {
      io.stderr(`tapsim: report: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UnknownReaderError) {
      io.stderr(`tapsim: --reader: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ExperimentInputError) {
      const base = abs(io, '.') + sep;
      io.stderr(`tapsim: ${error.flag.split(base).join('')}: ${error.message.split(base).join('')}\n`);
      return 2;
    }
    if (isFileSystemError(error)) {
      io.stderr(`tapsim: ${error.replacing(abs(io, '.') + sep, '').message}\n${await resumeHint(argv, io, state, 'once that is fixed, ')}`);
      return 2;
    }
    if (error instanceof Interrupted || isAbort(error)) {
      const name = error instanceof Interrupted ? error.signalName : 'SIGINT';
      io.stderr(`tapsim: interrupted (${name}); the output folder was not written.\n${await resumeHint(argv, io, state, '')}`);
      return name === 'SIGTERM' ? 143 : 130;
    }
    io.stderr(`tapsim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env['TAPSIM_DEBUG'] === '1' && error instanceof Error && error.stack !== undefined) io.stderr(error.stack + '\n');
    return 1;
  }
}

function abs(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd ?? '.', path);
}

/** Show files relative to the working folder, as the user typed them. */
function relativeIssue(issue: ScenarioIssue, io: CliIo): ScenarioIssue {
  const base = (io.cwd ?? '.') + sep;
  return issue.file.startsWith(base) ? { ...issue, file: issue.file.slice(base.length) } : issue;
}

function overridesFrom(args: Parsed): Override[] {
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
function checkSingleValued(args: Parsed): void {
  for (const [key, value] of Object.entries(args)) {
    if (!Array.isArray(value) || REPEATABLE.has(key) || key.includes('-')) continue;
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    const values = value.map((v) => JSON.stringify(String(v)));
    throw flagError(flag, `given ${value.length === 2 ? 'twice' : `${value.length} times`} (${values.join(', ')}); give it once`);
  }
}

function flagError(flag: string, message: string): ScenarioError {
  return new ScenarioError([{ file: flag, line: 0, col: 0, path: '', message }]);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR');
}

/**
 * Run `body` with an AbortSignal that Ctrl-C (SIGINT) or SIGTERM aborts while it runs (and the
 * caller's, if given); an abort comes out as Interrupted, naming the signal. The test-only fault
 * hooks (test-faults.ts) are installed here, on the file-system seam.
 */
async function withSignal(io: CliIo, body: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  let fired: 'SIGINT' | 'SIGTERM' | undefined;
  const stop = (name: 'SIGINT' | 'SIGTERM') => (): void => {
    fired ??= name;
    controller.abort(new Interrupted(name));
  };
  const onSigint = stop('SIGINT');
  const onSigterm = stop('SIGTERM');
  const signal = io.signal === undefined ? controller.signal : AbortSignal.any([io.signal, controller.signal]);
  if (io.signal === undefined) {
    process.once('SIGINT', onSigint);
    process.once('SIGTERM', onSigterm);
  }
  const faults = io.testFaults ?? parseTestFaults(process.env['TAPSIM_TEST_FAULTS']);
  if ('error' in faults) throw flagError('TAPSIM_TEST_FAULTS', faults.error);
  try {
    const run = (): Promise<number> => body(signal);
    if (!needsFileSystem(faults)) return await run();
    return await withFileSystem(faultyFileSystem(currentFileSystem(), faults, { stop: onSigint, signal, note: (line) => io.stderr(`tapsim: ${line}\n`) }), run);
  } catch (error) {
    if (signal.aborted && isAbort(error)) throw new Interrupted(fired ?? 'SIGINT');
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
    process.removeListener('SIGTERM', onSigterm);
  }
}

/** The test-only faults of this call that act in the worker (failing replications). */
function failingReplications(io: CliIo): { failReplications?: number[] } {
  const faults = io.testFaults ?? parseTestFaults(process.env['TAPSIM_TEST_FAULTS']);
  return 'error' in faults || faults.failReplications === undefined ? {} : { failReplications: faults.failReplications };
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_.,/:=+@%^-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * After a run or sweep stopped (a signal, a file-system error): how many finished jobs its
 * folder keeps and the exact command that resumes it (the same command with --resume, without
 * --force, with --out when the folder was a default one); or that nothing was kept.
 */
async function resumeHint(argv: readonly string[], io: CliIo, state: CommandState, when: string): Promise<string> {
  if (state.outDir === undefined) return '';
  if (state.keepsJobs !== true) return `Nothing was kept: ${argv.some((w) => w.startsWith('--until-ci')) ? '--until-ci runs cannot resume' : 'give --out DIR to keep finished replications for --resume'}.\n`;
  let kept = 0;
  try {
    if (!(await pathExists(join(state.outDir, 'partial.json')))) return '';
    kept = (await finishedJobs(state.outDir)).size;
  } catch {
    return '';
  }
  const shownDir = state.outDir.startsWith(abs(io, '.') + sep) ? state.outDir.slice(abs(io, '.').length + 1) : state.outDir;
  const words = argv.filter((w) => w !== '--force' && w !== '--no-resume');
  if (!words.includes('--out') && !words.some((w) => w.startsWith('--out='))) words.push('--out', shownDir);
  if (!words.includes('--resume')) words.push('--resume');
  return `${kept} finished job(s) are kept in ${shownDir}/jobs/; ${when}resume with:\n  tapsim ${words.map(shellWord).join(' ')}\n`;
}

function parseWorkers(args: Parsed, io: CliIo): number | undefined {
  if (args.workers === undefined) return undefined;
  const n = Number(args.workers);
  if (args.workers.trim() === '' || !Number.isInteger(n) || n < 1 || n > 1024) throw flagError('--workers', `must be an integer from 1 to 1024 (got "${args.workers}")`);
  const cores = defaultWorkers();
  if (n > cores) io.stderr(`tapsim: warning: --workers ${n} is more than the ${cores} core(s) here; threads beyond the cores only add start-up time (at most one thread per job is started)\n`);
  return n;
}

function parseShardFlag(args: Parsed): Shard | undefined {
  if (args.shard === undefined) return undefined;
  const shard = parseShard(args.shard);
  if ('error' in shard) throw flagError('--shard', shard.error);
  if (args.out === undefined) throw flagError('--shard', 'needs --out DIR: each shard writes its own partial folder');
  return shard;
}

function checkOutFlag(args: Parsed): void {
  if (args.out === undefined) return;
  if (args.out.trim() === '') throw flagError('--out', 'empty folder name');
  if (args.out.split(/[\\/]/).includes('..') && args.force !== true) throw flagError('--out', `"${args.out}" contains "..": give the folder without "..", or add --force`);
}

/**
 * The output folder of a run, sweep, comparison or sizing: --out, or a default folder under
 * results/ that never collides (a numbered sibling when the stamped name exists). An existing
 * --out folder needs --force (or --resume for an unfinished one). Stale temporary folders of
 * earlier runs into the same place are removed (or named) here.
 */
async function resolveOutDir(args: Parsed, io: CliIo, file: string, name: string, seed: number, prefix: string): Promise<string> {
  let outDir = abs(io, args.out ?? defaultRunDir(name, seed, new Date(), prefix));
  if (args.out === undefined) {
    const resultsRoot = abs(io, 'results') + sep;
    if (!outDir.startsWith(resultsRoot)) throw new ScenarioError([{ file, line: 0, col: 0, path: 'name', message: 'scenario name would write outside results/' }]);
    const stamped = outDir;
    for (let n = 2; await pathExists(outDir); n++) outDir = `${stamped}-${n}`;
  }
  const check = await checkOutDir(outDir, args.force === true, { keepResults: true, resume: args.resume === true });
  if (!check.ok) throw flagError('--out', check.message);
  await noteStaleTemps(io, outDir, args.out === undefined);
  return outDir;
}

async function noteStaleTemps(io: CliIo, outDir: string, siblings = false): Promise<void> {
  const base = abs(io, '.') + sep;
  const rel = (p: string): string => (p.startsWith(base) ? p.slice(base.length) : p);
  const stale = await cleanStaleTemps(outDir, { siblings });
  for (const p of stale.removed) io.stderr(`tapsim: removed ${rel(p)}, left by an interrupted run\n`);
  for (const k of stale.kept) io.stderr(`tapsim: note: kept ${rel(k.path)}: ${k.reason}\n`);
}

function shown(io: CliIo, args: Parsed, outDir: string): string {
  return args.out ?? outDir.slice(abs(io, '.').length + 1);
}

async function withBar<T>(args: Parsed, io: CliIo, label: string, body: (onProgress: ((p: RunProgress) => void) | undefined) => Promise<T>): Promise<T> {
  const bar = args.quiet === true ? undefined : progressBar(io);
  const started = performance.now();
  let last = 0;
  const onProgress = bar === undefined ? undefined : (p: RunProgress): void => {
    const t = performance.now();
    if (t - last < 100 && p.done < p.total) return;
    last = t;
    const elapsedS = (t - started) / 1000;
    bar.update(Math.round(p.fraction * 1000), { label, jobsDone: p.done, jobsTotal: p.total, eventsPerS: formatRate(elapsedS > 0 ? p.events / elapsedS : 0) });
  };
  bar?.start(1000, 0, { label, jobsDone: 0, jobsTotal: 0, eventsPerS: '0' });
  try {
    return await body(onProgress);
  } finally {
    bar?.stop();
  }
}

function parseUntilCi(args: Parsed, io: CliIo): UntilCi[] | undefined {
  if (args.untilCi === undefined) return undefined;
  return args.untilCi.map((text) => {
    const m = /^\s*([A-Za-z0-9_]+)\s*=\s*(\S+)\s*$/.exec(text);
    const target = m === null ? NaN : Number(m[2]);
    if (m === null || !(target > 0)) throw flagError('--until-ci', `expected metric=relative-half-width with a target > 0, e.g. wait_p95_s=0.05 (got "${text}")`);
    return { metric: metricFromFlag(m[1] as string, '--until-ci', io.stderr), relativeHalfWidth: target };
  });
}

function parseCount(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw flagError(flag, `must be an integer from ${min} to ${max} (got "${text}")`);
  return n;
}

async function runCommand(args: Parsed, io: CliIo, signal: AbortSignal, state: CommandState): Promise<number> {
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  checkOutFlag(args);
  const workers = parseWorkers(args, io);
  const shard = parseShardFlag(args);
  const untilCi = parseUntilCi(args, io);
  const maxReplications = parseCount('--max-replications', args.maxReplications, 1, 10000);
  if (args.resume === true && args.out === undefined) throw flagError('--resume', 'needs --out DIR: the folder to resume');
  if (untilCi !== undefined && (shard !== undefined || args.resume === true)) throw flagError('--until-ci', 'cannot be combined with --shard or --resume (the replications must be known up front)');
  const loaded = await loadScenario(abs(io, file), { overrides });
  const { scenario } = loaded;
  const outDir = await resolveOutDir(args, io, file, scenario.name, scenario.seed, '');
  // With --out, every finished replication is kept in <out>/jobs/ until the folder is complete.
  const keepJobs = args.out !== undefined && untilCi === undefined;
  state.outDir = outDir;
  state.keepsJobs = keepJobs || shard !== undefined || args.resume === true;
  const outcome = await withBar(args, io, 'replications', (onProgress) =>
    runScenario(loaded, {
      outDir,
      scenarioFile: file,
      signal,
      ...(io.inThread === true ? { workers: 1, inThread: true } : workers === undefined ? {} : { workers }),
      ...(shard === undefined ? {} : { shard }),
      ...(args.resume === true ? { resume: true } : {}),
      ...(keepJobs ? { keepJobs: true } : {}),
      ...(io.pool === undefined ? {} : { pool: io.pool }),
      ...(args.allowVersionMix === true ? { allowVersionMix: true } : {}),
      ...failingReplications(io),
      ...(untilCi === undefined ? {} : { untilCi }),
      ...(maxReplications === undefined ? {} : { maxReplications }),
      ...(onProgress === undefined ? {} : { onProgress }),
    }),
  );
  const { runJson, failures } = outcome;
  if (outcome.alreadyComplete === true) {
    io.stdout(`${shown(io, args, outDir)} already holds this finished run: ${runJson.replications} replication(s), fingerprint ${runJson.fingerprint.slice(0, 16)}; nothing to run (use --force instead of --resume to run it again)\n`);
    return 0;
  }
  if (outcome.partial) io.stdout(`wrote partial folder ${shown(io, args, outDir)} (shard ${shard?.index ?? 0}/${shard?.count ?? 1}): ${runJson.replications} replication(s), ${runJson.events} events; combine with "tapsim merge"\n`);
  else {
    io.stdout(`wrote ${shown(io, args, outDir)}: ${runJson.replications} replication(s), ${runJson.events} events in ${runJson.wallTimeS} s, fingerprint ${runJson.fingerprint.slice(0, 16)}\n`);
    try {
      io.stdout(runSummaryLines(await loadRunFolder(outDir), shown(io, args, outDir)).join('\n') + '\n');
    } catch (error) {
      io.stderr(`tapsim: could not summarise the run folder: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  for (const u of runJson.untilCi ?? []) io.stdout(`until-ci ${u.metric}: relative half-width ${u.achieved < 0 ? 'undefined' : u.achieved.toPrecision(3)} (target ${u.relativeHalfWidth})${u.met ? '' : ' NOT met (cap reached)'}\n`);
  for (const f of failures) io.stderr(`tapsim: replication ${f.replication} (seed ${f.seed}) failed: ${f.message}\n`);
  return failures.length > 0 ? 1 : 0;
}

function parseVaryFlags(args: Parsed): VarySpec[] {
  const issues: ScenarioIssue[] = [];
  const specs: VarySpec[] = [];
  for (const text of args.vary ?? []) {
    const v = parseVary(text);
    if ('error' in v) issues.push({ file: '--vary', line: 0, col: 0, path: '', message: v.error });
    else if (specs.some((s) => s.path === v.path)) issues.push({ file: '--vary', line: 0, col: 0, path: v.path, message: 'path varied twice' });
    else specs.push(v);
  }
  const tooMany = issues.length === 0 ? sweepPointsProblem(specs) : undefined;
  if (tooMany !== undefined) issues.push({ file: '--vary', line: 0, col: 0, path: '', message: tooMany });
  if (issues.length > 0) throw new ScenarioError(issues);
  return specs;
}

async function sweepCommand(args: Parsed, io: CliIo, signal: AbortSignal, state: CommandState): Promise<number> {
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  checkOutFlag(args);
  const workers = parseWorkers(args, io);
  const shard = parseShardFlag(args);
  const vary = parseVaryFlags(args);
  if (args.resume === true && args.out === undefined) throw flagError('--resume', 'needs --out DIR: the folder to resume');
  const loaded = await loadScenario(abs(io, file), { overrides });
  const tooBig = sweepJobsProblem(vary, loaded.scenario, JSON.stringify(loaded.scenario).length);
  if (tooBig !== undefined) throw flagError('--vary', tooBig);
  const points = await loadPoints(abs(io, file), overrides, vary);
  const outDir = await resolveOutDir(args, io, file, loaded.scenario.name, loaded.scenario.seed, 'sweep-');
  state.outDir = outDir;
  state.keepsJobs = true;
  const outcome = await withBar(args, io, 'jobs', (onProgress) =>
    runSweep(loaded, {
      outDir,
      scenarioFile: file,
      vary,
      points,
      signal,
      ...(workers === undefined ? {} : { workers }),
      ...(shard === undefined ? {} : { shard }),
      ...(args.resume === true ? { resume: true } : {}),
      ...(args.allowVersionMix === true ? { allowVersionMix: true } : {}),
      ...(io.pool === undefined ? {} : { pool: io.pool }),
      ...failingReplications(io),
      ...(onProgress === undefined ? {} : { onProgress }),
    }),
  );
  if (outcome.alreadyComplete === true) {
    io.stdout(`${shown(io, args, outDir)} already holds this finished sweep: ${outcome.sweepJson?.jobs ?? 0} job(s), fingerprint ${(outcome.sweepJson?.fingerprint ?? '').slice(0, 16)}; nothing to run (use --force instead of --resume to run it again)\n`);
    return 0;
  }
  if (outcome.partial) io.stdout(`wrote partial folder ${shown(io, args, outDir)} (shard ${shard?.index ?? 0}/${shard?.count ?? 1}): ${outcome.jobsRun} job(s) run; combine with "tapsim merge"\n`);
  else io.stdout(`wrote ${shown(io, args, outDir)}: ${points.length} point(s), ${outcome.sweepJson?.jobs ?? 0} job(s) (${outcome.jobsRun} run now), fingerprint ${(outcome.sweepJson?.fingerprint ?? '').slice(0, 16)}\n`);
  for (const f of outcome.failures) io.stderr(`tapsim: point ${f.point} replication ${f.replication} (seed ${f.seed}) failed: ${f.message}\n`);
  return outcome.failures.length > 0 ? 1 : 0;
}

async function mergeCommand(args: Parsed, io: CliIo, signal: AbortSignal): Promise<number> {
  checkOutFlag(args);
  const dirs = (args.dirs ?? []).map((d) => abs(io, d));
  const outDir = abs(io, args.out as string);
  const check = await checkOutDir(outDir, args.force === true, { keepResults: true });
  if (!check.ok) throw flagError('--out', check.message);
  await noteStaleTemps(io, outDir);
  const rel = (error: ExperimentInputError): ExperimentInputError => {
    const base = abs(io, '.') + sep;
    return new ExperimentInputError(error.flag.startsWith(base) ? error.flag.slice(base.length) : error.flag, error.message.split(base).join(''));
  };
  let outcome;
  try {
    outcome = await mergeFolders(dirs, outDir, { signal, ...(args.allowVersionMix === true ? { allowVersionMix: true } : {}) });
  } catch (error) {
    if (error instanceof ExperimentInputError) throw rel(error);
    throw error;
  }
  io.stdout(`wrote ${args.out as string}: merged ${dirs.length} folder(s) into a ${outcome.kind} folder, fingerprint ${(outcome.kind === 'run' ? outcome.runJson.fingerprint : outcome.sweepJson.fingerprint).slice(0, 16)}\n`);
  return 0;
}

async function compareCommand(args: Parsed, io: CliIo, signal: AbortSignal): Promise<number> {
  if (args.bands !== true) throw flagError('compare', 'say what to compare: --bands (13.56MHz only vs 2.45GHz RCC only vs dual)');
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  checkOutFlag(args);
  const workers = parseWorkers(args, io);
  const configs = await bandConfigs(abs(io, file), overrides);
  const base = configs[0]?.scenario;
  if (base === undefined) throw flagError('compare', 'no configurations');
  const outDir = await resolveOutDir(args, io, file, base.name, base.seed, 'compare-bands-');
  const outcome = await withBar(args, io, 'replications', (onProgress) =>
    runCompare(configs, { outDir, scenarioFile: file, signal, ...(workers === undefined ? {} : { workers }), ...(onProgress === undefined ? {} : { onProgress }) }),
  );
  io.stdout(`paired differences over ${base.replications} replication(s), seed ${base.seed} (mean ± 95% CI half-width)\n\n`);
  io.stdout(compareTable(outcome.rows));
  io.stdout(`\nwrote ${shown(io, args, outDir)}\n`);
  for (const f of outcome.failures) io.stderr(`tapsim: ${f.config} replication ${f.replication} (seed ${f.seed}) failed: ${f.message}\n`);
  return outcome.failures.length > 0 ? 1 : 0;
}

async function sizeCommand(args: Parsed, io: CliIo, signal: AbortSignal): Promise<number> {
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  checkOutFlag(args);
  const workers = parseWorkers(args, io);
  const maxReplications = parseCount('--max-replications', args.maxReplications, 2, 10000);
  if ((args.vary ?? []).length !== 1) throw flagError('--vary', 'size takes exactly one --vary path=lo:hi');
  const range = parseIntRange((args.vary ?? [])[0] as string);
  if ('error' in range) throw flagError('--vary', range.error);
  const slo = parseSlo(args.slo ?? '', io.stderr);
  if ('error' in slo) throw flagError('--slo', slo.error);
  // Validate the path and both ends before running anything.
  await loadScenario(abs(io, file), { overrides: [...overrides, { path: range.path, value: String(range.lo), source: '--vary' }] });
  const loaded = await loadScenario(abs(io, file), { overrides: [...overrides, { path: range.path, value: String(range.hi), source: '--vary' }] });
  const outDir = await resolveOutDir(args, io, file, loaded.scenario.name, loaded.scenario.seed, 'size-');
  const outcome = await withBar(args, io, 'replications', (onProgress) =>
    runSize(abs(io, file), overrides, range, slo, {
      outDir,
      scenarioFile: file,
      signal,
      ...(workers === undefined ? {} : { workers }),
      ...(maxReplications === undefined ? {} : { maxReplications }),
      ...(onProgress === undefined ? {} : { onProgress }),
    }),
  );
  for (const e of outcome.evaluations) io.stdout(`${range.path}=${e.value}: ${slo.metric} mean ${e.mean.toPrecision(4)}, 95% bound ${e.bound.toPrecision(4)} over ${e.n} replication(s): ${e.verdict}\n`);
  io.stdout(
    outcome.answer === null
      ? `no value in ${range.lo}..${range.hi} meets ${slo.metric}${slo.op}${slo.threshold} with 95% confidence\n`
      : `smallest ${range.path} meeting ${slo.metric}${slo.op}${slo.threshold} with 95% confidence: ${outcome.answer}\n`,
  );
  io.stdout(`wrote ${shown(io, args, outDir)}\n`);
  for (const f of outcome.failures) io.stderr(`tapsim: ${range.path}=${f.value} replication ${f.replication} (seed ${f.seed}) failed: ${f.message}\n`);
  return outcome.failures.length > 0 ? 1 : 0;
}

function progressBar(io: CliIo): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    {
      stream: io.progressStream ?? process.stderr,
      format: 'tapsim [{bar}] {percentage}% | {label} {jobsDone}/{jobsTotal} | {eventsPerS} events/s | ETA {eta_formatted}',
      noTTYOutput: true,
      notTTYSchedule: 2000,
      fps: 5,
      etaBuffer: 50,
      hideCursor: false,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
}

function formatRate(perS: number): string {
  if (perS >= 1e6) return `${(perS / 1e6).toFixed(2)}M`;
  if (perS >= 1e3) return `${(perS / 1e3).toFixed(1)}k`;
  return perS.toFixed(0);
}

async function reportCommand(args: Parsed, io: CliIo): Promise<number> {
  const dirArg = args.dir as string;
  const written = await renderRunReport(abs(io, dirArg));
  const figures = written.filter((p) => p.startsWith('figures/')).length;
  io.stdout(`wrote ${dirArg}/index.html and ${figures} figure(s) in ${dirArg}/figures/\n`);
  return 0;
}

function slugOf(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'reader';
}

async function fieldCommand(args: Parsed, io: CliIo): Promise<number> {
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  checkOutFlag(args);
  const loaded = await loadScenario(abs(io, file), { overrides });
  const { scenario } = loaded;
  const readerId = args.reader as string;
  const maps = fieldMapFigures(scenario, readerId); // throws UnknownReaderError (exit 2)
  const outDir = abs(io, args.out ?? `results/${scenario.name}/field-${slugOf(readerId)}`);
  const check = await checkOutDir(outDir, args.force === true);
  if (!check.ok) throw flagError('--out', check.message);
  const html = renderReportHtml({
    title: `${scenario.name} — field maps of reader ${readerId}`,
    intro: `Field maps of reader ${readerId} across its gates, from ${file}. Each gate has its own reader at the lane centre; a point shows the strongest reader's field.`,
    meta: [
      { key: 'Tool', value: `tapsim ${await toolVersion()}` },
      { key: 'Scenario file', value: file },
      { key: 'Scenario SHA-256', value: loaded.hash },
      { key: 'Reader', value: readerId },
    ],
    tables: [],
    figures: maps.figures,
    figureNotes: maps.notes,
    figureMode: 'inline',
  }).replace(/<a class="file" href="figures\//g, '<a class="file" href="');
  await writeFolderAtomic(outDir, async (w) => {
    for (const f of maps.figures) await w.writeFile(f.file, f.svg.endsWith('\n') ? f.svg : `${f.svg}\n`);
    await w.writeFile('index.html', html);
    await w.writeFile('field.json', JSON.stringify({ tool: 'tapsim', version: await toolVersion(), scenario: { name: scenario.name, file, sha256: loaded.hash }, reader: readerId, figures: maps.figures.map((f) => f.file) }, null, 2) + '\n');
  });
  const shownDir = args.out ?? outDir.slice(abs(io, '.').length + 1);
  io.stdout(`wrote ${shownDir}: ${maps.figures.map((f) => f.file).join(', ') || 'no map'} and index.html\n`);
  for (const n of maps.notes) io.stdout(`note: ${n}\n`);
  return 0;
}

async function verifyCliCommand(args: Parsed, io: CliIo): Promise<number> {
  checkOutFlag(args);
  return verifyCommand(
    { out: (s) => io.stdout(`${s}\n`), err: (s) => io.stderr(`tapsim: ${s}\n`) },
    {
      outDir: abs(io, args.out ?? 'results/verify'),
      quick: args.quick === true,
      ...(args.case === undefined ? {} : { cases: args.case }),
    },
  );
}

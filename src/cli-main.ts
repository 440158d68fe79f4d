/**
 * The command line as a function: `main(argv, io)` parses, runs and returns the exit code
 * (0 ok, 1 a run failed, 2 bad input). src/cli.ts is the only caller that touches process.argv
 * and process.exitCode. Bad input prints each issue as `file:line:col path: message`, never a
 * stack trace, and writes nothing.
 */
import { isAbsolute, resolve, sep } from 'node:path';
import cliProgress from 'cli-progress';
import yargs from 'yargs';
import { formatIssue, isScenarioError, ScenarioError, type ScenarioIssue } from './scenario/errors.js';
import { loadScenario, parseSetArgs, type Override } from './scenario/load.js';
import { scenarioJsonSchema } from './scenario/schema.js';
import { checkOutDir } from './report/write.js';
import { defaultRunDir, runScenario, toolVersion, type RunProgress } from './experiment/run-scenario.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Stream for the progress bar (default process.stderr). */
  progressStream?: NodeJS.WritableStream;
  /** Base folder for relative paths and results/ (default process.cwd()). */
  cwd?: string;
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
}

export async function main(argv: readonly string[], ioIn: Partial<CliIo> = {}): Promise<number> {
  const io: CliIo = {
    stdout: ioIn.stdout ?? ((t) => process.stdout.write(t)),
    stderr: ioIn.stderr ?? ((t) => process.stderr.write(t)),
    progressStream: ioIn.progressStream ?? process.stderr,
    cwd: ioIn.cwd ?? process.cwd(),
  };
  const version = await toolVersion();
  const setOption = { type: 'string', array: true, describe: 'override a field: path=value (repeatable), e.g. --set stations.S01.entrances.A.gatelines.0.gates=8', requiresArg: true } as const;
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
        .option('quiet', { type: 'boolean', describe: 'no progress bar', default: false })
        .option('force', { type: 'boolean', describe: 'allow --out to replace a folder that is not a run folder', default: false }),
    )
    .command('schema', 'print the JSON Schema of scenario files')
    .demandCommand(1, 'give a command: check, run or schema')
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
  try {
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
            if (!isScenarioError(error)) throw error;
            for (const issue of error.issues) io.stderr(formatIssue(relativeIssue(issue, io)) + '\n');
            code = 2;
          }
        }
        return code;
      }
      case 'run':
        return await runCommand(args, io);
      default:
        io.stderr(`tapsim: unknown command "${command}"\n`);
        return 2;
    }
  } catch (error) {
    if (isScenarioError(error)) {
      for (const issue of error.issues) io.stderr(formatIssue(relativeIssue(issue, io)) + '\n');
      return 2;
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
  const issues: ScenarioIssue[] = [];
  const { overrides, issues: setIssues } = parseSetArgs(args.set ?? [], '--set');
  issues.push(...setIssues);
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

async function runCommand(args: Parsed, io: CliIo): Promise<number> {
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  const outIssues: ScenarioIssue[] = [];
  if (args.out !== undefined) {
    if (args.out.trim() === '') outIssues.push({ file: '--out', line: 0, col: 0, path: '', message: 'empty folder name' });
    else if (args.out.split(/[\\/]/).includes('..') && args.force !== true) {
      outIssues.push({ file: '--out', line: 0, col: 0, path: '', message: `"${args.out}" contains "..": give the folder without "..", or add --force` });
    }
  }
  if (outIssues.length > 0) throw new ScenarioError(outIssues);
  const loaded = await loadScenario(abs(io, file), { overrides });
  const { scenario } = loaded;
  const outDir = abs(io, args.out ?? defaultRunDir(scenario.name, scenario.seed, new Date()));
  if (args.out === undefined) {
    const resultsRoot = abs(io, 'results') + sep;
    if (!outDir.startsWith(resultsRoot)) throw new ScenarioError([{ file: file, line: 0, col: 0, path: 'name', message: 'scenario name would write outside results/' }]);
  }
  const check = await checkOutDir(outDir, args.force === true);
  if (!check.ok) throw new ScenarioError([{ file: '--out', line: 0, col: 0, path: '', message: check.message }]);

  const bar = args.quiet === true ? undefined : progressBar(io);
  const started = performance.now();
  const onProgress = bar === undefined ? undefined : (p: RunProgress): void => {
    const fraction = (p.replication + Math.min(1, p.simTimeNs / p.durationNs)) / p.replications;
    const elapsedS = (performance.now() - started) / 1000;
    bar.update(Math.round(fraction * 1000), { rep: p.replication + 1, reps: p.replications, eventsPerS: formatRate(elapsedS > 0 ? p.events / elapsedS : 0) });
  };
  bar?.start(1000, 0, { rep: 1, reps: scenario.replications, eventsPerS: '0' });
  let outcome;
  try {
    outcome = await runScenario(loaded, { outDir, scenarioFile: file, ...(onProgress === undefined ? {} : { onProgress }) });
  } finally {
    bar?.update(1000);
    bar?.stop();
  }
  const { runJson, failures } = outcome;
  io.stdout(`wrote ${args.out ?? outDir.slice(abs(io, '.').length + 1)}: ${runJson.replications} replication(s), ${runJson.events} events in ${runJson.wallTimeS} s, fingerprint ${runJson.fingerprint.slice(0, 16)}\n`);
  for (const f of failures) io.stderr(`tapsim: replication ${f.replication} failed: ${f.message}\n`);
  return failures.length > 0 ? 1 : 0;
}

function progressBar(io: CliIo): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    {
      stream: io.progressStream ?? process.stderr,
      format: 'tapsim [{bar}] {percentage}% | replication {rep}/{reps} | {eventsPerS} events/s | ETA {eta_formatted}',
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

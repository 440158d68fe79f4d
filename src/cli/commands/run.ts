/** `tapsim run`: run a scenario and write a results folder. */
import type { Command } from '../command.js';
import { forceOption, quietOption, setOption, versionMixOption, workersOption } from '../options.js';

export const runCommand: Command = {
  usage: 'run <scenario>',
  describe: 'run a scenario and write a results folder',
  options: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario file (.yaml, .yml, .json)' })
      .option('out', { type: 'string', describe: 'results folder (default results/<name>/<time>-s<seed>)', requiresArg: true })
      .option('replications', { type: 'string', describe: 'replications, 1..10000 (overrides the scenario)', requiresArg: true })
      .option('seed', { type: 'string', describe: 'master seed, integer ≥ 0 (overrides the scenario)', requiresArg: true })
      .option('set', setOption)
      .option('workers', workersOption())
      .option('until-ci', { type: 'string', array: true, requiresArg: true, describe: 'sequential stopping: metric=relative-half-width, e.g. wait_p95_s=0.05; add batches of replications until the 95% CI half-width / |mean| ≤ target' })
      .option('max-replications', { type: 'string', requiresArg: true, describe: 'cap on replications with --until-ci (default 1000)' })
      .option('shard', { type: 'string', requiresArg: true, describe: 'run only shard i of N (i/N, 0-based) into a partial folder; combine with tapsim merge' })
      .option('resume', { type: 'boolean', default: false, describe: 'keep per-replication results in <out>/jobs/ and skip those already there' })
      .option('quiet', quietOption)
      .option('force', forceOption)
      .option('allow-version-mix', { ...versionMixOption, describe: 'with --resume: finish a folder started by another tapsim version or build' }),
  interruptible: true,
  run: async (args, io, signal, state) => (await import('./run-run.js')).executeRun(args, io, signal, state),
};

/** `tapsim verify`: the model checks against the analytic validation cases; writes a report folder. */
import { verifyCommand } from '../../verify/command.js';
import type { Command } from '../command.js';
import { checkOutFlag } from '../flags.js';
import { abs } from '../io.js';
import { outOption } from '../options.js';

export const verifyCliCommand: Command = {
  usage: 'verify',
  describe: 'model checks against the analytic cases of docs/validation.md; writes a report folder',
  options: (y) =>
    y
      .option('quick', { type: 'boolean', default: false, describe: 'fewer trials (faster, wider tolerances)' })
      .option('out', { ...outOption, describe: 'report folder (default results/verify)' })
      .option('case', { type: 'string', array: true, requiresArg: true, describe: 'only this case id, e.g. V5 (repeatable)' }),
  interruptible: false,
  run: async (args, io) => {
    checkOutFlag(args);
    return verifyCommand(
      { out: (s) => io.stdout(`${s}\n`), err: (s) => io.stderr(`tapsim: ${s}\n`) },
      {
        outDir: abs(io, args.out ?? 'results/verify'),
        quick: args.quick === true,
        ...(args.case === undefined ? {} : { cases: args.case }),
      },
    );
  },
};

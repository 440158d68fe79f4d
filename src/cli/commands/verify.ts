/** `tapsim verify`: the model checks against the analytic validation cases; writes a report folder. */
import type { Command } from '../command.js';
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
  run: async (args, io) => (await import('./verify-run.js')).executeVerify(args, io),
};

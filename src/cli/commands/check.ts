/** `tapsim check`: validate scenarios; every issue as file:line:col path: message. */
import type { Command } from '../command.js';
import { setOption } from '../options.js';

export const checkCommand: Command = {
  usage: 'check <scenarios..>',
  describe: 'validate scenarios; every issue as file:line:col path: message',
  options: (y) => y.positional('scenarios', { type: 'string', array: true, describe: 'scenario files (.yaml, .yml, .json)' }).option('set', setOption),
  interruptible: false,
  run: async (args, io) => (await import('./check-run.js')).executeCheck(args, io),
};

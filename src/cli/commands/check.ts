/** `tapsim check`: validate scenarios; every issue as file:line:col path: message. */
import { formatIssue, isScenarioError } from '../../scenario/errors.js';
import { loadScenario } from '../../scenario/load.js';
import type { Command } from '../command.js';
import { overridesFrom } from '../flags.js';
import { abs, relativeIssue } from '../io.js';
import { setOption } from '../options.js';

export const checkCommand: Command = {
  usage: 'check <scenarios..>',
  describe: 'validate scenarios; every issue as file:line:col path: message',
  options: (y) => y.positional('scenarios', { type: 'string', array: true, describe: 'scenario files (.yaml, .yml, .json)' }).option('set', setOption),
  interruptible: false,
  run: async (args, io) => {
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
  },
};

/** The work of `tapsim check`, loaded only when the command runs. */
import { formatIssue, isScenarioError } from '../../scenario/errors.js';
import { loadScenario } from '../../scenario/load.js';
import { overridesFrom } from '../flags.js';
import { abs, relativeIssue, type CliIo } from '../io.js';
import type { Parsed } from '../options.js';

/** Runs `tapsim check` (the command line is in check.ts). */
export async function executeCheck(args: Parsed, io: CliIo): Promise<number> {
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

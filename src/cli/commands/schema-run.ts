/** The work of `tapsim schema`, loaded only when the command runs. */
import { scenarioJsonSchema } from '../../scenario/schema.js';
import type { Parsed } from '../options.js';
import type { CliIo } from '../io.js';

/** Runs `tapsim schema` (the command line is in schema.ts). */
export async function executeSchema(_args: Parsed, io: CliIo): Promise<number> {
  io.stdout(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  return 0;
}

/** `tapsim schema`: the JSON Schema of scenario files on stdout. */
import type { Command } from '../command.js';

export const schemaCommand: Command = {
  usage: 'schema',
  describe: 'print the JSON Schema of scenario files',
  interruptible: false,
  run: async (_args, io) => (await import('./schema-run.js')).executeSchema(_args, io),
};

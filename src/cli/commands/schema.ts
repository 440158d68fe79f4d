/** `tapsim schema`: the JSON Schema of scenario files on stdout. */
import { scenarioJsonSchema } from '../../scenario/schema.js';
import type { Command } from '../command.js';

export const schemaCommand: Command = {
  usage: 'schema',
  describe: 'print the JSON Schema of scenario files',
  interruptible: false,
  run: async (_args, io) => {
    io.stdout(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    return 0;
  },
};

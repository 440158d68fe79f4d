/** `tapsim field`: field maps of one reader across its gates, as SVG files and an HTML page. */
import type { Command } from '../command.js';
import { forceOption, outOption, setOption } from '../options.js';

export const fieldCommand: Command = {
  usage: 'field <scenario>',
  describe: 'field maps of one reader across its gates (13.56 MHz field / Hmin, RCC LF field vs T1/T3/T2)',
  options: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario file' })
      .option('reader', { type: 'string', requiresArg: true, demandOption: true, describe: 'reader id (scenario readers[].id)' })
      .option('out', { ...outOption, describe: 'output folder (default results/<name>/field-<reader>)' })
      .option('set', setOption)
      .option('force', forceOption),
  interruptible: false,
  run: async (args, io) => (await import('./field-run.js')).executeField(args, io),
};

/** `tapsim report`: re-render figures/*.svg and index.html of a run, sweep or compare folder from its own files. */
import type { Command } from '../command.js';

export const reportCommand: Command = {
  usage: 'report <dir>',
  describe: 're-render figures/*.svg and index.html of a run, sweep or compare folder from its CSV files (no re-run)',
  options: (y) => y.positional('dir', { type: 'string', describe: 'run folder (holds run.json), sweep folder (sweep.json) or compare folder (compare.json)' }),
  interruptible: false,
  run: async (args, io) => (await import('./report-run.js')).executeReport(args, io),
};

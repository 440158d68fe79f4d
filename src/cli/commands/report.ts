/** `tapsim report`: re-render figures/*.svg and index.html of a run folder from its CSV files. */
import { renderRunReport } from '../../report/run-report.js';
import type { Command } from '../command.js';
import { abs } from '../io.js';

export const reportCommand: Command = {
  usage: 'report <dir>',
  describe: 're-render figures/*.svg and index.html of a run folder from its CSV files (no re-run)',
  options: (y) => y.positional('dir', { type: 'string', describe: 'run folder (holds run.json)' }),
  interruptible: false,
  run: async (args, io) => {
    const dirArg = args.dir as string;
    const written = await renderRunReport(abs(io, dirArg));
    const figures = written.filter((p) => p.startsWith('figures/')).length;
    io.stdout(`wrote ${dirArg}/index.html and ${figures} figure(s) in ${dirArg}/figures/\n`);
    return 0;
  },
};

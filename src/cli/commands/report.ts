/** `tapsim report`: re-render figures/*.svg and index.html of a run, sweep or compare folder from its own files. */
import { experimentKind, renderExperimentReport } from '../../report/experiment-report.js';
import { renderRunReport } from '../../report/run-report.js';
import type { Command } from '../command.js';
import { abs } from '../io.js';

export const reportCommand: Command = {
  usage: 'report <dir>',
  describe: 're-render figures/*.svg and index.html of a run, sweep or compare folder from its CSV files (no re-run)',
  options: (y) => y.positional('dir', { type: 'string', describe: 'run folder (holds run.json), sweep folder (sweep.json) or compare folder (compare.json)' }),
  interruptible: false,
  run: async (args, io) => {
    const dirArg = args.dir as string;
    const dir = abs(io, dirArg);
    const written = (await experimentKind(dir)) === null ? await renderRunReport(dir) : await renderExperimentReport(dir);
    const figures = written.filter((p) => p.startsWith('figures/')).length;
    io.stdout(`wrote ${dirArg}/index.html and ${figures} figure(s) in ${dirArg}/figures/\n`);
    return 0;
  },
};

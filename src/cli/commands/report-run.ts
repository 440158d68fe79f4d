/** The work of `tapsim report`, loaded only when the command runs. */
import { experimentKind, renderExperimentReport } from '../../report/experiment-report.js';
import { renderRunReport } from '../../report/run-report.js';
import { abs, type CliIo } from '../io.js';
import type { Parsed } from '../options.js';

/** Runs `tapsim report` (the command line is in report.ts). */
export async function executeReport(args: Parsed, io: CliIo): Promise<number> {
  const dirArg = args.dir as string;
  const dir = abs(io, dirArg);
  const written = (await experimentKind(dir)) === null ? await renderRunReport(dir) : await renderExperimentReport(dir);
  const figures = written.filter((p) => p.startsWith('figures/')).length;
  io.stdout(`wrote ${dirArg}/index.html and ${figures} figure(s) in ${dirArg}/figures/\n`);
  return 0;
}

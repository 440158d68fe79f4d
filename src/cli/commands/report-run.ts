/** The work of `tapsim report`, loaded only when the command runs. */
import { experimentKind, renderExperimentReport } from '../../report/experiment-report.js';
import { renderRunReport } from '../../report/run-report.js';
import { readStudyJson } from '../../orchestrate/study-json.js';
import { writeStudyReport } from '../../orchestrate/study-page.js';
import { join } from 'node:path';
import { abs, type CliIo } from '../io.js';
import type { Parsed } from '../options.js';

/** Runs `tapsim report` (the command line is in report.ts). */
export async function executeReport(args: Parsed, io: CliIo): Promise<number> {
  const dirArg = args.dir as string;
  const dir = abs(io, dirArg);
  const study = await readStudyJson(dir, dirArg);
  if (study !== undefined) {
    // A study folder: each sweep's and comparison's report from its own files, then the study page.
    let pages = 0;
    for (const e of study.experiments) {
      if (e.status !== 'complete' || (await experimentKind(join(dir, e.name))) === null) continue;
      await renderExperimentReport(join(dir, e.name));
      pages++;
    }
    await writeStudyReport(dir, study);
    io.stdout(`wrote ${dirArg}/index.html and the reports of ${pages} sweep(s) and comparison(s) in it\n`);
    return 0;
  }
  const written = (await experimentKind(dir)) === null ? await renderRunReport(dir) : await renderExperimentReport(dir);
  const figures = written.filter((p) => p.startsWith('figures/')).length;
  io.stdout(`wrote ${dirArg}/index.html and ${figures} figure(s) in ${dirArg}/figures/\n`);
  return 0;
}

/**
 * The report of a run folder (docs/architecture.md#cli): figures/*.svg and index.html, rendered by one function,
 * `renderRunReport(dir)`, from the folder's own files only — run.json, scenario.resolved.json,
 * summary.csv, summary-ci.csv, latency.csv, gates.csv, backend.csv — so a run renders it into
 * its temporary folder before the rename, and `tapsim report <dir>` re-renders the same bytes
 * later without re-running. No clock, no folder name and no environment go into the output.
 * Reading the folder is run-folder.ts, the figures run-figures.ts, the page run-page.ts.
 *
 * Files are written by write.ts, each atomically (temporary file, then rename).
 */
import { join } from 'node:path';
import { runReportFiles, type ReportFile } from './html.js';
import { loadRunFolder, NotARunFolderError } from './run-folder.js';
import { buildRunReport } from './run-page.js';
import { pathExists, writeFileAtomic } from './write.js';

export { loadRunFolder, NotARunFolderError, type ReplicationFailure, type RunJson, type UntilCi } from './run-folder.js';
export { sig } from './sig.js';

/** Every report file of the run folder `dir` (index.html, figures/*.svg), read from its own files. */
async function runReportFilesOf(dir: string, pending: { runJson?: string } = {}): Promise<ReportFile[]> {
  return runReportFiles(buildRunReport(await loadRunFolder(dir, pending)));
}

/**
 * Render figures/*.svg and index.html of the run folder `dir` from its own files, each written
 * atomically. Returns the paths written, relative to `dir`. Throws NotARunFolderError without run.json.
 * `pending.runJson`: the text of a run.json not written yet (a run folder being built writes it last).
 */
export async function renderRunReport(dir: string, pending: { runJson?: string } = {}): Promise<string[]> {
  if (!(await pathExists(dir))) throw new NotARunFolderError(dir);
  const files = await runReportFilesOf(dir, pending);
  // Figures first, the page last: a reader of index.html never sees it before its figures.
  const ordered = [...files.filter((f) => f.path !== 'index.html'), ...files.filter((f) => f.path === 'index.html')];
  for (const f of ordered) await writeFileAtomic(join(dir, f.path), f.content);
  return ordered.map((f) => f.path);
}

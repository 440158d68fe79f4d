/**
 * The report of an experiment folder (sweep, compare, size): figures/*.svg and index.html. The
 * page's words (title, intro, meta, tables) are kept in report.json; the sweep and compare figures
 * are built from the folder's own sweep.csv / compare.csv (and the scenario JSON Schema for the
 * sweep axes), so `tapsim report DIR` re-renders the same bytes later without re-running.
 */
import { join } from 'node:path';
import { compareFigures, sweepFigures, type MetricEstimate } from './experiment-figures.js';
import { runReportFiles, type KeyValue, type ReportFigure, type ReportTable } from './html.js';
import { csvNumber, readCsvTable } from './csv-read.js';
import { parameterAxis } from './parameter-axis.js';
import { readTextOptional, writeFileAtomic } from './files.js';
import type { FolderWriter } from './write.js';
import { scenarioJsonSchema } from '../scenario/schema/index.js';
import { NotARunFolderError } from './run-folder.js';

/** The words of an experiment page (report.json). */
export interface ExperimentPage {
  title: string;
  intro: string;
  meta: readonly KeyValue[];
  tables: readonly ReportTable[];
}

/** Sweep figures from sweep.csv: the --vary paths are the columns between `point` and `n`. */
export function sweepFiguresFromCsv(text: string): ReportFigure[] {
  const t = readCsvTable(text);
  const paths = t.header.slice(1, t.col('n'));
  const metrics = t.header.filter((h) => h.endsWith('_mean')).map((h) => h.slice(0, -'_mean'.length));
  const points = t.rows.map((row) => ({
    values: paths.map((_, i) => row[i + 1] ?? ''),
    estimates: new Map<string, MetricEstimate>(metrics.filter((m) => row[t.col(`${m}_mean`)] !== '').map((m) => [m, { mean: csvNumber(row[t.col(`${m}_mean`)]), halfWidth: csvNumber(row[t.col(`${m}_ci95`)]) }])),
  }));
  const schema = scenarioJsonSchema();
  return sweepFigures(paths, points, paths.map((p) => parameterAxis(p, schema)));
}

/** Compare figures from compare.csv. */
export function compareFiguresFromCsv(text: string): ReportFigure[] {
  const t = readCsvTable(text);
  const num = (row: readonly string[], name: string): number => csvNumber(row[t.col(name)]);
  return compareFigures(
    t.rows.map((row) => ({
      metric: row[t.col('metric')] ?? '',
      a: row[t.col('a')] ?? '',
      b: row[t.col('b')] ?? '',
      meanB: num(row, 'mean_b'),
      diff: { n: num(row, 'n'), mean: num(row, 'diff_mean'), lower: num(row, 'diff_ci95_lower'), upper: num(row, 'diff_ci95_upper') },
    })),
  );
}

/** The figures of a sweep or compare folder from its CSV file; null for any other folder. */
export async function experimentFolderFigures(dir: string): Promise<ReportFigure[] | null> {
  const sweep = await readTextOptional(join(dir, 'sweep.csv'));
  if (sweep !== null) return sweepFiguresFromCsv(sweep);
  const compare = await readTextOptional(join(dir, 'compare.csv'));
  if (compare !== null) return compareFiguresFromCsv(compare);
  return null;
}

/**
 * Write report.json, figures/*.svg and index.html through `w`, the writer of a folder being built
 * (writeFolderAtomic), after its CSV files. Sweep and compare figures come from those files
 * (experimentFolderFigures); `figures` is for the other folders (size).
 */
export async function writeExperimentReport(w: FolderWriter, input: ExperimentPage & { figures?: readonly ReportFigure[] }): Promise<void> {
  const page: ExperimentPage = { title: input.title, intro: input.intro, meta: input.meta, tables: input.tables };
  await w.writeFile('report.json', JSON.stringify(page, null, 2) + '\n');
  const figures = (await experimentFolderFigures(w.path)) ?? input.figures ?? [];
  const files = runReportFiles({ ...page, figures, figureMode: 'link' });
  await w.makeFolder('figures');
  for (const f of files) await w.writeFile(f.path, f.content);
}

/** An experiment folder's kind, from its result file; null when it is none (or unfinished). */
export async function experimentKind(dir: string): Promise<'sweep' | 'compare' | null> {
  if ((await readTextOptional(join(dir, 'sweep.json'))) !== null) return 'sweep';
  if ((await readTextOptional(join(dir, 'compare.json'))) !== null) return 'compare';
  return null;
}

/** report.json as written by this folder's run; damaged or edited text is refused with the way out. */
function parsePage(text: string, dir: string, kind: string): ExperimentPage {
  try {
    return JSON.parse(text) as ExperimentPage;
  } catch {
    throw new NotARunFolderError(dir, `${join(dir, 'report.json')} is not valid JSON (cut short or edited): delete it to re-render the page from ${kind}.csv alone`);
  }
}

/**
 * Re-render figures/*.svg and index.html of a finished sweep or compare folder from its own files
 * (report.json, sweep.csv / compare.csv), each written atomically, figures first. Returns the paths written.
 */
export async function renderExperimentReport(dir: string): Promise<string[]> {
  const kind = await experimentKind(dir);
  if (kind === null) throw new NotARunFolderError(dir, `${dir} is not a sweep or compare folder (no sweep.json or compare.json)`);
  const pageText = await readTextOptional(join(dir, 'report.json'));
  const page: ExperimentPage = pageText !== null ? parsePage(pageText, dir, kind) : { title: `tapsim ${kind}`, intro: `Re-rendered from ${kind}.csv (this folder has no report.json: written by an earlier tapsim).`, meta: [], tables: [] };
  const files = runReportFiles({ ...page, figures: (await experimentFolderFigures(dir)) ?? [], figureMode: 'link' });
  const ordered = [...files.filter((f) => f.path !== 'index.html'), ...files.filter((f) => f.path === 'index.html')];
  for (const f of ordered) await writeFileAtomic(join(dir, f.path), f.content);
  return ordered.map((f) => f.path);
}

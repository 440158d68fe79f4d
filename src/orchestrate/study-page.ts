/** The study report (report/study-report.ts) from a study.json: one row per experiment, linking its folder's report. */
import { join } from 'node:path';
import { writeFileAtomic } from '../report/write.js';
import { renderStudyReport, type StudyReportRow } from '../report/study-report.js';
import type { ExperimentSpec } from '../scenario/schema/experiments.js';
import type { StudyJson } from './study-json.js';

/** What an experiment varies or compares, in the file's own words. */
export function experimentWhat(spec: ExperimentSpec): string {
  const set = (spec.set ?? []).length > 0 ? `; set ${(spec.set ?? []).join(', ')}` : '';
  const reps = spec.replications === undefined ? '' : `; ${spec.replications} replication(s)`;
  if (spec.kind === 'sweep') return `${spec.vary.join(' × ')}${set}${reps}`;
  if (spec.kind === 'compare') return `bands (each band alone, dual)${set}${reps}`;
  return `${spec.vary.join(', ')} for ${spec.slo}${set}${reps}`;
}

const STATUS: Record<string, string> = { complete: 'complete', partial: 'this shard\'s jobs done', 'other-shard': 'in another shard', pending: 'not run yet' };

export function studyRows(json: StudyJson): StudyReportRow[] {
  return json.experiments.map((e) => {
    const spec = e.spec as ExperimentSpec;
    const failed = e.failures > 0 ? ` (${e.failures} failed replication(s))` : '';
    return { name: e.name, kind: e.kind, description: spec.description ?? '', what: experimentWhat(spec), summary: e.summary, status: `${STATUS[e.status] ?? e.status}${failed}`, href: e.status === 'complete' ? `${e.name}/index.html` : null };
  });
}

/** index.html of the study folder `dir`. */
export async function writeStudyReport(dir: string, json: StudyJson): Promise<void> {
  const shard = json.shard === null || json.shard.count === 1 ? 'unsharded' : `shard ${json.shard.index}/${json.shard.count} (a partial folder: combine the shards with tapsim merge)`;
  const html = renderStudyReport({
    title: `${json.scenario.name} — study`,
    intro: `${json.experiments.length} experiment(s) of ${json.scenario.file ?? json.scenario.name}, each in its own folder with exactly what its command line (tapsim sweep, compare, size) writes; common random numbers within each.`,
    rows: studyRows(json),
    meta: [
      { key: 'seed', value: String(json.seed) },
      { key: 'scenario sha256', value: json.scenario.sha256 },
      { key: 'study identity', value: json.identity },
      { key: 'shard', value: shard },
      { key: 'tapsim', value: `${json.version} build ${json.build}` },
      { key: 'wall time', value: `${json.wallTimeS} s` },
    ],
  });
  await writeFileAtomic(join(dir, 'index.html'), html);
}

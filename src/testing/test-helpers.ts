/** Shared fixtures of the experiment tests (not part of the build's public surface). */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A 4-minute gate-array (ten RCC dual-band gates), 3 replications: ≈ 0.1 s per replication. */
export function smallScenarioDir(prefix: string, extra = ''): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), `tapsim-${prefix}-`));
  const file = join(dir, 'small.yaml');
  const replications = /^replications: .*$/m.test(extra) ? '' : 'replications: 3\n';
  writeFileSync(file, `extends: ${JSON.stringify(join(ROOT, 'scenarios', 'gate-array.yaml'))}\nname: small-array\nduration: 4 min\nwarmup: 1 min\n${replications}${extra}`);
  return { dir, file };
}

/** name → bytes of every CSV in a folder. */
export function csvFiles(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).filter((n) => n.endsWith('.csv')).sort().map((n) => [n, readFileSync(join(dir, n))]));
}

/** Every file below `dir` (relative paths, hidden ones included), sorted. */
export function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesBelow(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

/** run.json / sweep.json without what may differ between invocations (wall time, workers, the build's own description stays). */
function resultJson(dir: string, name: string): string {
  const json = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
  delete json['wallTimeS'];
  delete json['workers'];
  return JSON.stringify(json);
}

/** index.html without the wall time and workers rows. */
function reportHtml(dir: string): string {
  return readFileSync(join(dir, 'index.html'), 'utf8').replace(/<tr><th scope="row">(Workers|Wall time|wall time|workers)<\/th><td>[^<]*<\/td><\/tr>/g, '');
}

/** report.json (experiment page words, report/experiment-report.ts) without the wall time and workers items. */
function reportJson(dir: string): string {
  const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { meta?: Array<{ key: string }> };
  return JSON.stringify({ ...json, meta: (json.meta ?? []).filter((m) => !/^(wall time|workers)$/i.test(m.key)) });
}

/**
 * How the result folder `dir` differs from `reference` (empty: the same result): the same files,
 * byte-identical CSVs, SVGs and scenario.resolved.json, run.json / sweep.json, report.json and index.html equal
 * but for wall time and workers.
 */
export function resultDifferences(reference: string, dir: string): string[] {
  const out: string[] = [];
  const a = filesBelow(reference);
  const b = filesBelow(dir);
  if (JSON.stringify(a) !== JSON.stringify(b)) return [`files differ: ${a.join(' ')} vs ${b.join(' ')}`];
  for (const name of a) {
    if (name === 'run.json' || name === 'sweep.json') {
      if (resultJson(reference, name) !== resultJson(dir, name)) out.push(name);
    } else if (name === 'index.html') {
      if (reportHtml(reference) !== reportHtml(dir)) out.push(name);
    } else if (name === 'report.json') {
      if (reportJson(reference) !== reportJson(dir)) out.push(name);
    } else if (!readFileSync(join(reference, name)).equals(readFileSync(join(dir, name)))) out.push(name);
  }
  return out;
}

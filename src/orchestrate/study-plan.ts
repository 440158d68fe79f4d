/**
 * The experiments of a study file (scenario/schema/experiments.ts) as runnable plans, checked
 * before anything runs with the command line's own parsers and limits: parseVary and
 * sweepPointsProblem / sweepJobsProblem of sweep.ts, parseIntRange and parseSlo of size.ts, and
 * every point, end of range and band configuration loaded once (a bad path or value is the
 * loader's sentence). Each experiment is what its command line would run:
 * `{kind: sweep, set: [S], replications: R, seed: X, vary: [V]}` in file F is
 * `tapsim sweep F --set S --seed X --replications R --vary V` followed by the study's own
 * --set / --seed / --replications. Every problem of every experiment is collected and thrown at
 * once (ScenarioError), each located as file:line:col and `experiments.<i>.<field>`.
 */
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.js';
import { loadScenario, type LoadedScenario, type Override } from '../scenario/load.js';
import type { ExperimentSpec } from '../scenario/schema/experiments.js';
import { bandConfigs, type Config } from './compare.js';
import { parseIntRange, parseSlo, type Slo } from './size.js';
import { loadPoints, parseVary, sweepJobsProblem, sweepPointsProblem, type VarySpec } from './sweep.js';
import type { WorkPoint } from './shard.js';

interface PlanBase {
  name: string;
  index: number;
  spec: ExperimentSpec;
  /** The experiment's overrides (set, seed, replications) and then the study's. */
  overrides: readonly Override[];
  /** The base scenario with those overrides. */
  loaded: LoadedScenario;
}
export type SweepPlan = PlanBase & { kind: 'sweep'; vary: readonly VarySpec[]; points: readonly WorkPoint[] };
export type ComparePlan = PlanBase & { kind: 'compare'; configs: readonly Config[] };
export type SizePlan = PlanBase & { kind: 'size'; range: { path: string; lo: number; hi: number }; slo: Slo; maxReplications?: number };
export type ExperimentPlan = SweepPlan | ComparePlan | SizePlan;

/** Where a field of the section is, for messages: `file:line:col` (the file alone when unknown). */
function place(file: string, loaded: LoadedScenario, path: string): { file: string; line: number; col: number } {
  const at = loaded.experimentsAt?.[path];
  return at === undefined ? { file, line: 0, col: 0 } : { file, line: at.line, col: at.col };
}

function sourceText(file: string, loaded: LoadedScenario, path: string): string {
  const p = place(file, loaded, path);
  return `${p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file} ${path}`;
}

/** The experiment's own overrides, as the command line's --set, --seed and --replications would give them. */
function ownOverrides(file: string, base: LoadedScenario, spec: ExperimentSpec, i: number, issues: ScenarioIssue[]): Override[] {
  const out: Override[] = [];
  (spec.set ?? []).forEach((text, j) => {
    const path = `experiments.${i}.set.${j}`;
    const eq = text.indexOf('=');
    if (eq <= 0) issues.push({ ...place(file, base, path), path, message: `expected path=value, got "${text}"` });
    else out.push({ path: text.slice(0, eq).trim(), value: text.slice(eq + 1), source: sourceText(file, base, path) });
  });
  if (spec.seed !== undefined) out.push({ path: 'seed', value: String(spec.seed), source: sourceText(file, base, `experiments.${i}.seed`) });
  if (spec.replications !== undefined) out.push({ path: 'replications', value: String(spec.replications), source: sourceText(file, base, `experiments.${i}.replications`) });
  return out;
}

/** The vary entries of a sweep, as parseVaryFlags of the sweep command checks them. */
function sweepVary(file: string, base: LoadedScenario, texts: readonly string[], i: number, issues: ScenarioIssue[]): VarySpec[] {
  const specs: VarySpec[] = [];
  const before = issues.length;
  texts.forEach((text, j) => {
    const path = `experiments.${i}.vary.${j}`;
    const v = parseVary(text);
    if ('error' in v) issues.push({ ...place(file, base, path), path, message: v.error });
    else if (specs.some((s) => s.path === v.path)) issues.push({ ...place(file, base, path), path, message: `${v.path}: path varied twice` });
    else specs.push(v);
  });
  const tooMany = issues.length === before ? sweepPointsProblem(specs) : undefined;
  if (tooMany !== undefined) issues.push({ ...place(file, base, `experiments.${i}.vary`), path: `experiments.${i}.vary`, message: tooMany });
  return specs;
}

/** Collect a ScenarioError's issues instead of throwing (other errors go on). */
async function collect<T>(issues: ScenarioIssue[], body: () => Promise<T>): Promise<T | undefined> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    for (const issue of error.issues) issues.push(issue);
    return undefined;
  }
}

async function planOne(file: string, base: LoadedScenario, spec: ExperimentSpec, i: number, study: readonly Override[], warn: (line: string) => void, issues: ScenarioIssue[]): Promise<ExperimentPlan | undefined> {
  const before = issues.length;
  const overrides = [...ownOverrides(file, base, spec, i, issues), ...study];
  if (issues.length > before) return undefined;
  const loaded = await collect(issues, () => loadScenario(file, { overrides }));
  if (loaded === undefined) return undefined;
  const common = { name: spec.name, index: i, spec, overrides, loaded };
  const vary = (j: number, path: string, value: string): Override => ({ path, value, source: `${sourceText(file, base, `experiments.${i}.vary.${j}`)} ${path}=${value}` });
  if (spec.kind === 'sweep') {
    const specs = sweepVary(file, base, spec.vary, i, issues);
    if (issues.length > before) return undefined;
    const tooBig = sweepJobsProblem(specs, loaded.scenario, JSON.stringify(loaded.scenario).length);
    if (tooBig !== undefined) {
      issues.push({ ...place(file, base, `experiments.${i}.vary`), path: `experiments.${i}.vary`, message: tooBig });
      return undefined;
    }
    const pointIssues: ScenarioIssue[] = [];
    const points = await collect(pointIssues, () => loadPoints(file, overrides, specs));
    // loadPoints names a value's source "--vary path=value": here it is the experiment's vary entry.
    for (const issue of pointIssues) {
      const j = specs.findIndex((s) => issue.file.startsWith(`--vary ${s.path}=`));
      issues.push(j < 0 ? issue : { ...issue, file: `${sourceText(file, base, `experiments.${i}.vary.${j}`)} ${issue.file.slice('--vary '.length)}` });
    }
    return points === undefined ? undefined : { ...common, kind: 'sweep', vary: specs, points };
  }
  if (spec.kind === 'compare') {
    const configs = await collect(issues, () => bandConfigs(file, overrides));
    return configs === undefined ? undefined : { ...common, kind: 'compare', configs };
  }
  const where = (field: string): Pick<ScenarioIssue, 'file' | 'line' | 'col' | 'path'> => ({ ...place(file, base, `experiments.${i}.${field}`), path: `experiments.${i}.${field}` });
  if (spec.vary.length !== 1) issues.push({ ...where('vary'), message: 'size takes exactly one vary entry path=lo:hi' });
  const range = spec.vary.length === 1 ? parseIntRange(spec.vary[0] as string) : undefined;
  if (range !== undefined && 'error' in range) issues.push({ ...where('vary.0'), message: range.error });
  const slo = parseSlo(spec.slo, warn);
  if ('error' in slo) issues.push({ ...where('slo'), message: slo.error });
  if (range === undefined || 'error' in range || 'error' in slo) return undefined;
  // Validate the path and both ends before running anything, as the size command does.
  const ends = await collect(issues, async () => {
    await loadScenario(file, { overrides: [...overrides, vary(0, range.path, String(range.lo))] });
    return loadScenario(file, { overrides: [...overrides, vary(0, range.path, String(range.hi))] });
  });
  if (ends === undefined) return undefined;
  return { ...common, kind: 'size', range, slo, ...(spec.maxReplications === undefined ? {} : { maxReplications: spec.maxReplications }) };
}

/**
 * The plans of every experiment of `file` (the base scenario `base`, loaded with the study's
 * overrides `study`), all checked; a study file without experiments, and every problem found,
 * are one ScenarioError.
 */
export async function planStudy(file: string, base: LoadedScenario, study: readonly Override[], warn: (line: string) => void = () => {}): Promise<ExperimentPlan[]> {
  const specs = base.experiments ?? [];
  if (specs.length === 0) throw new ScenarioError([{ file, line: 0, col: 0, path: 'experiments', message: 'the file declares no experiments: add an experiments: section (a list of sweeps, band comparisons and sizing searches; see the README), or run it with tapsim run' }]);
  const issues: ScenarioIssue[] = [];
  const plans: ExperimentPlan[] = [];
  for (let i = 0; i < specs.length; i++) {
    const plan = await planOne(file, base, specs[i] as ExperimentSpec, i, study, warn, issues);
    if (plan !== undefined) plans.push(plan);
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return plans;
}

/**
 * Scenario loading: text → YAML/JSON parse → `extends` merge → `--set` overrides → validation
 * (with unit conversion and expression compilation inside the schema) → a deep-frozen
 * `ResolvedScenario` and its SHA-256.
 *
 * Every problem is collected and thrown at once as a `ScenarioError`, each issue located as
 * file:line:col plus the field path (yaml's parseDocument + LineCounter), with "did you mean"
 * for misspelled keys, enum values and ids. mathjs is loaded lazily here, in the main thread.
 */
import { resolve } from 'node:path';
import { ScenarioError, type ScenarioIssue } from './errors.js';
import { compileRateExpression } from './expression.js';
import { buildScenarioSchema, crossCheck, type ResolvedScenario, type SchemaContext } from './schema.js';
import { unservedCarriers } from './schema/served-carriers.js';
import { createQuantityParser, loadMath } from './units.js';
import { canonicalJson, deepFreeze, sha256 } from './load/canonical.js';
import { readWithExtends } from './load/extends.js';
import { dedupe, sortIssues } from './load/issue-list.js';
import { applyOverride, type Override } from './load/overrides.js';
import { pathKey, type Path, type Pos } from './load/source-map.js';
import { reportZodIssue } from './load/zod-issues.js';
import { experimentsSchema, type ExperimentSpec } from './schema/experiments.js';

export { canonicalJson, deepFreeze, sha256 } from './load/canonical.js';
export { keysAt } from './load/keys-at.js';
export { parseSetArgs, type Override } from './load/overrides.js';
export { MAX_FILE_BYTES, MAX_NESTING } from './load/read-document.js';

export interface LoadOptions {
  overrides?: readonly Override[];
}

export interface LoadedScenario {
  scenario: ResolvedScenario;
  /** SHA-256 (hex) of the canonical JSON of the resolved scenario. */
  hash: string;
  /** The scenario file and the files it extends, child first (absolute paths). */
  files: readonly string[];
  /** The file's `experiments:` section (for `tapsim study`; not part of `scenario`), when it has one. */
  experiments?: readonly ExperimentSpec[];
  /** Where each value under `experiments` is, by dotted path (`experiments.1.vary.0`), for messages. */
  experimentsAt?: Readonly<Record<string, Pos>>;
}

/** Load, validate and resolve a scenario file. Throws ScenarioError listing every issue. */
export async function loadScenario(file: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  const issues: ScenarioIssue[] = [];
  const files: string[] = [];
  const loaded = await readWithExtends(resolve(file), file, [], issues, files);
  if (loaded === undefined) throw new ScenarioError(issues);
  const { raw, map } = loaded;
  delete raw['extends'];

  const math = await loadMath();
  const quantity = createQuantityParser(math);
  const ctx: SchemaContext = { quantity, rateExpression: (text) => compileRateExpression(math, text) };
  const schema = buildScenarioSchema(ctx);

  for (const override of options.overrides ?? []) applyOverride(raw, map, override, schema, issues);

  const locate = (path: Path, useKey = false): Pos => {
    for (let n = path.length; n >= 0; n--) {
      const entry = map.get(pathKey(path.slice(0, n)));
      if (entry !== undefined) return (useKey && n === path.length ? entry.key : undefined) ?? entry.value;
    }
    return { file, line: 0, col: 0 };
  };
  const push = (path: Path, message: string, hint?: string, useKey = false): void => {
    const pos = locate(path, useKey);
    issues.push({ ...pos, path: path.join('.'), message, ...(hint === undefined ? {} : { hint }) });
  };

  for (const issue of crossCheck(raw)) push(issue.path, issue.message, issue.hint);
  const result = schema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) reportZodIssue(issue, [], schema, push);
  }
  // Only on an otherwise valid scenario (an undefined reader is its own issue).
  if (result.success && issues.length === 0) for (const u of unservedCarriers(result.data as ResolvedScenario)) push(['carriers', u.carrierIndex, 'share'], u.message);
  if (issues.length > 0) throw new ScenarioError(sortIssues(dedupe(issues), files));
  const scenario = deepFreeze(result.data) as ResolvedScenario;
  const loadedScenario: LoadedScenario = { scenario, hash: sha256(canonicalJson(scenario)), files };
  return raw['experiments'] === undefined ? loadedScenario : { ...loadedScenario, ...experimentsOf(raw['experiments'], map) };
}

/** The (already validated) experiments section and where its values are. */
function experimentsOf(section: unknown, map: ReadonlyMap<string, { value: Pos }>): Pick<LoadedScenario, 'experiments' | 'experimentsAt'> {
  const at: Record<string, Pos> = {};
  for (const [key, entry] of map) {
    const path = JSON.parse(key) as Path;
    if (path[0] === 'experiments') at[path.join('.')] = entry.value;
  }
  return { experiments: deepFreeze(experimentsSchema().parse(section)), experimentsAt: at };
}

/**
 * Scenario loading: text → YAML/JSON parse → `extends` merge → `--set` overrides → validation
 * (with unit conversion and expression compilation inside the schema) → a deep-frozen
 * `ResolvedScenario` and its SHA-256.
 *
 * Every problem is collected and thrown at once as a `ScenarioError`, each issue located as
 * file:line:col plus the field path (yaml's parseDocument + LineCounter), with "did you mean"
 * for misspelled keys, enum values and ids. mathjs is loaded lazily here, in the main thread.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, parse as parseYamlValue, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import { fileIssue, ScenarioError, type ScenarioIssue } from './errors.js';
import { compileRateExpression } from './expression.js';
import { buildScenarioSchema, crossCheck, type ResolvedScenario, type SchemaContext } from './schema.js';
import { createQuantityParser, loadMath } from './units.js';

/** One override: `path=value` from `--set` (or a flag such as `--seed`, named by `source`). */
export interface Override {
  /** Dotted path; array items by index or by id: `stations.S01.entrances.0.gatelines.G1.gates`. */
  path: string;
  /** Value text, read as a YAML scalar (`5`, `true`, `"2 h"`, `[1, 2]`). */
  value: string;
  /** Shown as the file in issues: `--set` (default), `--seed`, `--replications`. */
  source?: string;
}

export interface LoadOptions {
  overrides?: readonly Override[];
}

export interface LoadedScenario {
  scenario: ResolvedScenario;
  /** SHA-256 (hex) of the canonical JSON of the resolved scenario. */
  hash: string;
  /** The scenario file and the files it extends, child first (absolute paths). */
  files: readonly string[];
}

type Path = Array<string | number>;
interface Pos {
  file: string;
  line: number;
  col: number;
}
interface SourceEntry {
  value: Pos;
  key?: Pos;
}
/** Positions of every value (and key) in the merged document, by JSON-encoded path. */
type SourceMap = Map<string, SourceEntry>;
const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path);

/** Parse `path=value` strings as given to `--set`. */
export function parseSetArgs(args: readonly string[], source = '--set'): { overrides: Override[]; issues: ScenarioIssue[] } {
  const overrides: Override[] = [];
  const issues: ScenarioIssue[] = [];
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) issues.push(fileIssue(source, `expected path=value, got "${arg}"`));
    else overrides.push({ path: arg.slice(0, eq).trim(), value: arg.slice(eq + 1), source });
  }
  return { overrides, issues };
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
  if (issues.length > 0) throw new ScenarioError(sortIssues(dedupe(issues), files));
  const scenario = deepFreeze(result.data) as ResolvedScenario;
  return { scenario, hash: sha256(canonicalJson(scenario)), files };
}

/** SHA-256 hex of a string. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted (stable across key insertion order). */
export function canonicalJson(value: unknown, indent?: number): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.stringify(sortKeys(value), null, indent);
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// ------------------------------------------------------------------ reading files

async function readWithExtends(
  absolute: string,
  shown: string,
  chain: string[],
  issues: ScenarioIssue[],
  files: string[],
): Promise<{ raw: Record<string, unknown>; map: SourceMap } | undefined> {
  files.push(absolute);
  const doc = await readDocument(absolute, shown, issues);
  if (doc === undefined) return undefined;
  const { raw, map } = doc;
  const parentRef = raw['extends'];
  if (parentRef === undefined) return doc;
  if (typeof parentRef !== 'string' || parentRef.trim() === '') {
    const pos = map.get(pathKey(['extends']))?.value ?? { file: shown, line: 0, col: 0 };
    issues.push({ ...pos, path: 'extends', message: 'extends must be a file path (string)' });
    return undefined;
  }
  const parentAbsolute = resolve(dirname(absolute), parentRef);
  const parentShown = relativeShown(shown, parentRef);
  if (parentAbsolute === absolute || chain.includes(parentAbsolute)) {
    const pos = map.get(pathKey(['extends']))?.value ?? { file: shown, line: 0, col: 0 };
    issues.push({ ...pos, path: 'extends', message: `extends cycle: ${[...chain, absolute, parentAbsolute].map((f) => f.split(/[\\/]/).pop()).join(' → ')}` });
    return undefined;
  }
  const parent = await readWithExtends(parentAbsolute, parentShown, [...chain, absolute], issues, files);
  if (parent === undefined) {
    if (issues.length > 0 && issues[issues.length - 1]?.file === parentShown && issues[issues.length - 1]?.line === 0) {
      const pos = map.get(pathKey(['extends']))?.value;
      if (pos !== undefined) issues.push({ ...pos, path: 'extends', message: `cannot extend "${parentRef}"` });
    }
    return undefined;
  }
  delete parent.raw['extends'];
  const childRaw = { ...raw };
  delete childRaw['extends'];
  const merged = mergeValues(parent.raw, childRaw, [], parent.map, map) as Record<string, unknown>;
  return { raw: merged, map: parent.map };
}

function relativeShown(shown: string, ref: string): string {
  if (isAbsolute(ref)) return ref;
  const dir = dirname(shown);
  return dir === '.' ? ref : `${dir}/${ref}`;
}

/** Deep merge of `over` into `base`: maps merge key by key; anything else replaces. `map` (base's) is updated in place. */
function mergeValues(base: unknown, over: unknown, path: Path, map: SourceMap, overMap: SourceMap): unknown {
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) {
      out[key] = key in base ? mergeValues(base[key], value, [...path, key], map, overMap) : replaceAt(value, [...path, key], map, overMap);
    }
    const own = overMap.get(pathKey(path));
    if (own !== undefined) map.set(pathKey(path), own);
    return out;
  }
  return replaceAt(over, path, map, overMap);
}

function replaceAt(value: unknown, path: Path, map: SourceMap, overMap: SourceMap): unknown {
  const prefix = pathKey(path);
  const inside = (k: string): boolean => k === prefix || k.startsWith(prefix.slice(0, -1) + ',');
  for (const k of [...map.keys()]) if (inside(k)) map.delete(k);
  for (const [k, v] of overMap) if (inside(k)) map.set(k, v);
  return value;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function readDocument(absolute: string, shown: string, issues: ScenarioIssue[]): Promise<{ raw: Record<string, unknown>; map: SourceMap } | undefined> {
  const ext = extname(absolute).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) {
    issues.push(fileIssue(shown, `unsupported file type "${ext || '(none)'}": scenario files end in .yaml, .yml or .json`));
    return undefined;
  }
  let text: string;
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) {
      issues.push(fileIssue(shown, 'is a directory, not a scenario file'));
      return undefined;
    }
    if (info.size > MAX_FILE_BYTES) {
      issues.push(fileIssue(shown, `file is ${(info.size / 1e6).toFixed(1)} MB; a scenario file is at most ${MAX_FILE_BYTES / 1e6} MB: give long demand profiles as an expression or a thinner table`));
      return undefined;
    }
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.push(fileIssue(shown, code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(error)})`));
    return undefined;
  }
  // Old-Mac line ends (CR only) read as line ends, as YAML 1.2 does; CR LF stays as it is.
  text = text.replace(/\r(?!\n)/g, '\n');
  if (text.replace(/^\uFEFF/, '').split(/\r?\n/).every((line) => line.trim() === '' || line.trim().startsWith('#'))) {
    issues.push(fileIssue(shown, 'file is empty: a scenario needs at least name, duration, carriers, readers and stations'));
    return undefined;
  }
  const lineCounter = new LineCounter();
  const firstSignificant = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '' && !line.trim().startsWith('#'))?.trim() ?? '';
  if (ext === '.json') {
    try {
      JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = /position (\d+)/.exec(message);
      const offset = at === null ? 0 : Number(at[1]);
      const { line, col } = offsetToLineCol(text, offset);
      issues.push({ file: shown, line, col, path: '', message: `JSON syntax error: ${message.replace(/ in JSON at position \d+.*$/, '')}` });
      return undefined;
    }
  } else if (firstSignificant.startsWith('{') || firstSignificant.startsWith('[')) {
    const { line, col } = offsetToLineCol(text, text.indexOf(firstSignificant[0] as string));
    issues.push({ file: shown, line, col, path: '', message: `this looks like JSON but the file is named ${ext}: rename it to .json, or write YAML` });
    return undefined;
  }
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
      issues.push({ file: shown, line: pos.line, col: pos.col, path: '', message: yamlErrorMessage(error.code, error.message, ext) });
    }
    return undefined;
  }
  if (!isMap(doc.contents)) {
    issues.push(fileIssue(shown, 'the top level must be a mapping of scenario fields (name, duration, carriers, …)'));
    return undefined;
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    issues.push(fileIssue(shown, `cannot read document: ${error instanceof Error ? error.message : String(error)}`));
    return undefined;
  }
  const map: SourceMap = new Map();
  const pos = (offset: number): Pos => ({ file: shown, ...lineCounter.linePos(offset) });
  let tooDeep: Pos | undefined;
  const walk = (node: unknown, path: Path, keyPos?: Pos): void => {
    const n = node as YamlNode | null;
    const range = n?.range;
    const valuePos = range ? pos(range[0]) : (keyPos ?? pos(0));
    if (path.length > MAX_NESTING) {
      tooDeep ??= valuePos;
      return;
    }
    map.set(pathKey(path), keyPos === undefined ? { value: valuePos } : { value: valuePos, key: keyPos });
    if (isMap(n)) {
      for (const item of n.items) {
        if (!isPair(item)) continue;
        const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
        const kRange = (item.key as YamlNode | null)?.range;
        walk(item.value, [...path, key], kRange ? pos(kRange[0]) : valuePos);
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  if (tooDeep !== undefined) {
    issues.push({ ...tooDeep, path: '', message: NESTING_MESSAGE });
    return undefined;
  }
  return { raw: raw as Record<string, unknown>, map };
}

/** Largest scenario file, bytes. */
export const MAX_FILE_BYTES = 20_000_000;
/** Deepest nesting of maps and lists in a scenario file (the schema needs 8). */
export const MAX_NESTING = 64;
const NESTING_MESSAGE = `maps and lists nest more than ${MAX_NESTING} levels deep here; a scenario nests at most ${MAX_NESTING}: close the brackets or flatten the value`;

/** A yaml parse error as a sentence: its own first line, except the library's advice to call a function. */
function yamlErrorMessage(code: string, message: string, ext: string): string {
  const kind = ext === '.json' ? 'JSON' : 'YAML';
  if (code === 'MULTIPLE_DOCS') return `${kind} syntax error: this file holds several YAML documents (a "---" line between them); a scenario file holds one: remove the "---" and what follows, or split the file`;
  if (/call stack/i.test(message)) return `${kind} syntax error: ${NESTING_MESSAGE}`;
  return `${kind} syntax error: ${message.split('\n')[0] ?? code}`;
}

function offsetToLineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, col: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

// ------------------------------------------------------------------ overrides

function applyOverride(raw: Record<string, unknown>, map: SourceMap, override: Override, schema: z.ZodType, issues: ScenarioIssue[]): void {
  const source = override.source ?? '--set';
  const segments = override.path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((s) => s !== '');
  const fail = (message: string, hint?: string): void => {
    issues.push({ file: source, line: 0, col: 0, path: override.path, message, ...(hint === undefined ? {} : { hint: `"${hint}"` }) });
  };
  if (segments.length === 0) return fail('empty path');
  let value: unknown;
  try {
    value = parseYamlValue(override.value);
  } catch {
    value = override.value;
  }
  if (value === null && override.value.trim() === '') value = '';
  let container: unknown = raw;
  const resolved: Path = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const last = i === segments.length - 1;
    if (Array.isArray(container)) {
      let index = /^\d+$/.test(segment) ? Number(segment) : container.findIndex((item) => isPlainObject(item) && item['id'] === segment);
      if (index < 0 || index >= container.length) {
        const ids = container.map((item) => (isPlainObject(item) && typeof item['id'] === 'string' ? item['id'] : '')).filter((s) => s !== '');
        return fail(`path does not exist: ${resolved.join('.') || '(top)'} has no item "${segment}" (${container.length} items${ids.length > 0 ? `: ${ids.join(', ')}` : ''})`, didYouMean(segment, ids));
      }
      resolved.push(index);
      if (last) container[index] = value;
      else container = container[index];
    } else if (isPlainObject(container)) {
      if (!(segment in container)) {
        const known = keysAt(schema, resolved);
        if (known === undefined || !known.includes(segment)) {
          return fail(`path does not exist: no field "${segment}" in ${resolved.join('.') || 'the scenario'}`, didYouMean(segment, known ?? Object.keys(container)));
        }
        if (!last) return fail(`path does not exist: "${[...resolved, segment].join('.')}" is not set in the scenario; set the whole value instead`);
      }
      resolved.push(segment);
      if (last) container[segment] = value;
      else container = container[segment];
    } else {
      return fail(`path does not exist: ${resolved.join('.')} is a plain value, not a map or list`);
    }
  }
  const prefix = pathKey(resolved);
  for (const k of [...map.keys()]) if (k === prefix || k.startsWith(prefix.slice(0, -1) + ',')) map.delete(k);
  map.set(prefix, { value: { file: source, line: 0, col: 0 }, key: { file: source, line: 0, col: 0 } });
}

// ------------------------------------------------------------------ zod issues

interface ZodDefLike {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
}
const defOf = (schema: z.ZodType): ZodDefLike => (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;

/** The keys an object at `path` may have, walking the schema (undefined if no object there). */
export function keysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] | undefined {
  const found = new Set<string>();
  const visit = (s: z.ZodType, rest: readonly (string | number)[], depth: number): void => {
    if (depth > 64) return;
    const def = defOf(s);
    switch (def.type) {
      case 'object':
        if (rest.length === 0) Object.keys(def.shape ?? {}).forEach((k) => found.add(k));
        else {
          const child = def.shape?.[String(rest[0])];
          if (child !== undefined) visit(child, rest.slice(1), depth + 1);
        }
        return;
      case 'array':
        if (rest.length > 0 && def.element !== undefined) visit(def.element, rest.slice(1), depth + 1);
        return;
      case 'pipe':
        if (def.in !== undefined) visit(def.in, rest, depth + 1);
        if (def.out !== undefined && def.in !== undefined && defOf(def.in).type === 'transform') visit(def.out, rest, depth + 1);
        return;
      case 'union':
        for (const option of def.options ?? []) visit(option, rest, depth + 1);
        return;
      case 'lazy':
        if (def.getter !== undefined) visit(def.getter(), rest, depth + 1);
        return;
      default:
        if (def.innerType !== undefined) visit(def.innerType, rest, depth + 1);
    }
  };
  visit(schema, path, 0);
  return found.size > 0 ? [...found] : undefined;
}

type Push = (path: Path, message: string, hint?: string, useKey?: boolean) => void;
interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  keys?: string[];
  errors?: ZodIssueLike[][];
  values?: unknown[];
  expected?: string;
  options?: unknown[];
  note?: string;
}

function reportZodIssue(raw: unknown, prefix: Path, schema: z.ZodType, push: Push): void {
  const issue = raw as ZodIssueLike;
  const path: Path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = keysAt(schema, path) ?? [];
      for (const key of issue.keys ?? []) {
        const hint = didYouMean(key, known);
        push([...path, key], `unknown key "${key}"`, hint === undefined ? undefined : `"${hint}"`, true);
      }
      return;
    }
    case 'invalid_union': {
      if (issue.note === 'No matching discriminator') {
        const input = issue.input;
        const options = (issue.options ?? []).map(String);
        const given = isPlainObject(input) ? input['kind'] : undefined;
        const hint = typeof given === 'string' ? didYouMean(given, options) : undefined;
        push(path, given === undefined ? `missing "kind" (one of ${options.join(', ')})` : `unknown kind "${String(given)}" (expected one of ${options.join(', ')})`, hint === undefined ? undefined : `"${hint}"`);
        return;
      }
      const branches = issue.errors ?? [];
      // A union of literals (typeBSlots: 1 | 2 | 4 | 8 | 16): name every allowed value, not the first branch's.
      const literal = (b: ZodIssueLike[]): boolean => b.length === 1 && b[0]?.code === 'invalid_value' && b[0].path.length === 0;
      if (branches.length > 1 && branches.every(literal)) {
        reportZodIssue({ code: 'invalid_value', path: issue.path, message: issue.message, input: issue.input, values: branches.flatMap((b) => b[0]?.values ?? []) }, prefix, schema, push);
        return;
      }
      const isTypeMismatch = (b: ZodIssueLike[]): boolean =>
        b.length > 0 && b.every((i) => i.path.length === 0 && (i.code === 'invalid_type' || (i.code === 'invalid_union' && i.note !== 'No matching discriminator' && (i.errors ?? []).every(isTypeMismatch))));
      const deeper = branches.find((b) => !isTypeMismatch(b));
      if (deeper !== undefined) {
        for (const sub of deeper) reportZodIssue({ ...sub, input: sub.input }, path, schema, push);
        return;
      }
      const expected = new Set<string>();
      const collect = (b: ZodIssueLike[]): void => b.forEach((i) => (i.code === 'invalid_union' ? (i.errors ?? []).forEach(collect) : i.expected !== undefined && expected.add(i.expected)));
      branches.forEach(collect);
      push(path, `expected ${[...expected].join(' or ') || 'another type'}, got ${describeValue(issue.input)}`);
      return;
    }
    case 'invalid_type':
      if (issue.input === undefined) push(path, `missing required field${issue.expected === undefined ? '' : ` (${issue.expected})`}`);
      else push(path, `expected ${issue.expected ?? 'another type'}, got ${describeValue(issue.input)}`);
      return;
    case 'invalid_value': {
      const values = (issue.values ?? []).map(String);
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, values) : undefined;
      push(path, `${describeValue(issue.input)} is not one of ${values.map((v) => `"${v}"`).join(', ')}`, hint === undefined ? undefined : `"${hint}"`);
      return;
    }
    default:
      push(path, issue.message);
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : `number ${value}`;
  if (typeof value === 'string') return `string "${value.length > 40 ? value.slice(0, 37) + '…' : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${String(value)}`;
}

/** Files in extends order (flags last), then line and column; stable otherwise. */
function sortIssues(issues: ScenarioIssue[], files: readonly string[]): ScenarioIssue[] {
  const rank = (file: string): number => {
    const i = files.findIndex((f) => f === file || f.endsWith('/' + file) || f.endsWith(file));
    return i < 0 ? files.length : i;
  };
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => rank(a.issue.file) - rank(b.issue.file) || a.issue.line - b.issue.line || a.issue.col - b.issue.col || a.index - b.index)
    .map((x) => x.issue);
}

function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.file}|${i.line}|${i.col}|${i.path}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

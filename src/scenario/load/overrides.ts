/** `--set` overrides: `path=value` applied to the raw document, ids or indices naming list items. */
import { parse as parseYamlValue } from 'yaml';
import type { z } from 'zod';
import { didYouMean } from '../did-you-mean.js';
import { fileIssue, type ScenarioIssue } from '../errors.js';
import { keysAt } from './keys-at.js';
import { isPlainObject, pathKey, type Path, type SourceMap } from './source-map.js';

/** One override: `path=value` from `--set` (or a flag such as `--seed`, named by `source`). */
export interface Override {
  /** Dotted path; array items by index or by id: `stations.S01.entrances.0.gatelines.G1.gates`. */
  path: string;
  /** Value text, read as a YAML scalar (`5`, `true`, `"2 h"`, `[1, 2]`). */
  value: string;
  /** Shown as the file in issues: `--set` (default), `--seed`, `--replications`. */
  source?: string;
}

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

export function applyOverride(raw: Record<string, unknown>, map: SourceMap, override: Override, schema: z.ZodType, issues: ScenarioIssue[]): void {
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
        // A block the scenario leaves to its defaults (readers.0.nfc): start it empty when the schema has an object there.
        if (!last && keysAt(schema, [...resolved, segment]) === undefined) return fail(`path does not exist: "${[...resolved, segment].join('.')}" is not set in the scenario; set the whole value instead`);
        if (!last) container[segment] = {};
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

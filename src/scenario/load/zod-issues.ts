/** Zod issues as scenario issues: unknown keys, kinds and enum values with "did you mean", types named. */
import type { z } from 'zod';
import { didYouMean } from '../did-you-mean.js';
import { keysAt } from './keys-at.js';
import { isPlainObject, type Path } from './source-map.js';

export type Push = (path: Path, message: string, hint?: string, useKey?: boolean) => void;
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

/**
 * Keys that were renamed, by "parent.key" (the parent's last path segment): the sentence that names the fix.
 * A renamed key is still an error — the old meaning no longer exists — but never a bare "unknown key".
 */
export const RENAMED_KEYS: Readonly<Record<string, string>> = {
  'gesture.holdS':
    'gesture.holdS was replaced by gesture.impatienceS: the passenger now holds until the reader indicates a result plus gesture.reactionTimeS, and impatienceS is the longest they hold without any indication (rename the key, and raise its value if it was a hold with the beep: the default median is 1.5 s)',
};

export function reportZodIssue(raw: unknown, prefix: Path, schema: z.ZodType, push: Push): void {
  const issue = raw as ZodIssueLike;
  const path: Path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = keysAt(schema, path) ?? [];
      for (const key of issue.keys ?? []) {
        const renamed = RENAMED_KEYS[`${String(path[path.length - 1])}.${key}`];
        if (renamed !== undefined) {
          push([...path, key], renamed, undefined, true);
          continue;
        }
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

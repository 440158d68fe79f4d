/** `extends`: a scenario read on top of the file it extends (maps merge, lists and values replace). */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ScenarioIssue } from '../errors.js';
import { readDocument } from './read-document.js';
import { isPlainObject, pathKey, type Path, type SourceMap } from './source-map.js';

/** Read a scenario file and, recursively, the files it extends, merged (child over parent). */
export async function readWithExtends(
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

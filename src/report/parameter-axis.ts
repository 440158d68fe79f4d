/**
 * The axis of a swept scenario parameter, from its help text in the scenario JSON Schema: a label
 * from its key ("dwellHeightM" → "Dwell height"), its unit from the key's suffix or the help text,
 * lengths in cm, probabilities and shares in % (0–100). Pure.
 */
import { scenarioJsonSchema } from '../scenario/schema/index.js';

export interface ParameterAxis {
  readonly path: string;
  readonly label: string;
  /** Shown in brackets; '' for none. */
  readonly unit: string;
  /** Multiplies the scenario value (SI) into the axis value (m → cm: 100). */
  readonly scale: number;
  /** Fixed domain (probabilities: 0–100 %). */
  readonly domain?: readonly [number, number];
  /** The help text's first sentence ('' when the path is not in the schema). */
  readonly description: string;
}

type Node = Record<string, unknown>;

function child(root: Node, node: Node | undefined, key: string, depth = 0): Node | undefined {
  if (node === undefined || depth > 8) return undefined;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    const defs = (root['$defs'] ?? root['definitions'] ?? {}) as Record<string, Node>;
    return child(root, defs[ref.split('/').pop() ?? ''], key, depth + 1);
  }
  const props = node['properties'] as Record<string, Node> | undefined;
  if (props?.[key] !== undefined) return props[key];
  if (node['items'] !== undefined && typeof node['items'] === 'object') return node['items'] as Node;
  for (const k of ['anyOf', 'oneOf', 'allOf']) {
    for (const branch of (node[k] as Node[] | undefined) ?? []) {
      const found = child(root, branch, key, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function descriptionOf(root: Node, path: string): string {
  let node: Node | undefined = root;
  for (const key of path.split('.')) node = child(root, node, key);
  const text = node?.['description'];
  return typeof text === 'string' ? text : '';
}

const SUFFIX_UNITS: ReadonlyArray<readonly [RegExp, string]> = [
  [/Ns$/, 's'], [/Ms$/, 'ms'], [/Db$/, 'dB'], [/Dbm$/, 'dBm'], [/Hz$/, 'Hz'], [/M$/, 'm'], [/S$/, 's'],
];

function humanKey(key: string): string {
  const words = key.replace(/(Ns|Ms|Dbm|Db|Hz|M|S)$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The axis of `path` (as given to --vary) from `schema` (default: the scenario JSON Schema). */
export function parameterAxis(path: string, schema: Node = scenarioJsonSchema()): ParameterAxis {
  const key = path.split('.').pop() ?? path;
  const help = descriptionOf(schema, path);
  const description = help.split(/(?<=\.)\s/)[0] ?? '';
  const label = humanKey(key);
  if (/probability|share|0\.\.1|, 0–1/i.test(`${key} ${description}`)) return { path, label, unit: '%', scale: 100, domain: [0, 100], description };
  const suffix = SUFFIX_UNITS.find(([re]) => re.test(key))?.[1];
  const fromHelp = /,\s*([A-Za-z·/]+)[ .;:[]/.exec(description)?.[1];
  const unit = suffix ?? (fromHelp === undefined || fromHelp.length > 10 ? '' : fromHelp);
  if (unit === 'm') return { path, label, unit: 'cm', scale: 100, description };
  return { path, label, unit, scale: 1, description };
}

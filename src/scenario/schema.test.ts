import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildScenarioSchema, scenarioJsonSchema } from './schema.js';
import { compileRateExpression } from './expression.js';
import { createQuantityParser, loadMath } from './units.js';
import { didYouMean } from './did-you-mean.js';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');
const shipped = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));

type JsonSchema = Record<string, unknown>;
const TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);

/** Structural well-formedness of the keywords the generator uses (draft 2020-12). */
function checkWellFormed(s: unknown, path: string, problems: string[]): void {
  if (typeof s === 'boolean') return;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) {
    problems.push(`${path}: not a schema`);
    return;
  }
  const o = s as JsonSchema;
  if (o['type'] !== undefined) {
    const types = Array.isArray(o['type']) ? o['type'] : [o['type']];
    for (const t of types) if (!TYPES.has(String(t))) problems.push(`${path}: bad type ${String(t)}`);
  }
  if (o['properties'] !== undefined) for (const [k, v] of Object.entries(o['properties'] as JsonSchema)) checkWellFormed(v, `${path}.properties.${k}`, problems);
  if (o['required'] !== undefined) {
    for (const r of o['required'] as string[]) if (!(r in ((o['properties'] as JsonSchema | undefined) ?? {}))) problems.push(`${path}: required ${r} not in properties`);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) if (o[key] !== undefined) (o[key] as unknown[]).forEach((v, i) => checkWellFormed(v, `${path}.${key}.${i}`, problems));
  for (const key of ['items', 'additionalProperties', 'not']) if (o[key] !== undefined && typeof o[key] !== 'boolean') checkWellFormed(o[key], `${path}.${key}`, problems);
  if (o['pattern'] !== undefined) new RegExp(String(o['pattern']), 'u');
  if (o['enum'] !== undefined && !Array.isArray(o['enum'])) problems.push(`${path}: enum not a list`);
}

/** A small validator for the same subset: enough to check that the JSON Schema accepts a document. */
function validate(s: unknown, value: unknown, path: string, problems: string[]): void {
  if (s === true || s === undefined) return;
  if (s === false) {
    problems.push(`${path}: not allowed`);
    return;
  }
  const o = s as JsonSchema;
  if (o['anyOf'] !== undefined || o['oneOf'] !== undefined) {
    const options = (o['anyOf'] ?? o['oneOf']) as unknown[];
    const ok = options.filter((opt) => {
      const sub: string[] = [];
      validate(opt, value, path, sub);
      return sub.length === 0;
    });
    if (ok.length === 0) problems.push(`${path}: matches no option`);
    return;
  }
  if (o['type'] !== undefined) {
    const types = (Array.isArray(o['type']) ? o['type'] : [o['type']]) as string[];
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    const fits = types.some((t) => t === actual || (t === 'integer' && typeof value === 'number' && Number.isInteger(value)) || (t === 'number' && typeof value === 'number'));
    if (!fits) {
      problems.push(`${path}: ${actual} is not ${types.join('|')}`);
      return;
    }
  }
  if (o['const'] !== undefined && o['const'] !== value) problems.push(`${path}: not ${String(o['const'])}`);
  if (o['enum'] !== undefined && !(o['enum'] as unknown[]).includes(value)) problems.push(`${path}: not in enum`);
  if (typeof value === 'number') {
    if (typeof o['minimum'] === 'number' && value < o['minimum']) problems.push(`${path}: below minimum`);
    if (typeof o['maximum'] === 'number' && value > o['maximum']) problems.push(`${path}: above maximum`);
  }
  if (typeof value === 'string' && o['pattern'] !== undefined && !new RegExp(String(o['pattern']), 'u').test(value)) problems.push(`${path}: pattern`);
  if (Array.isArray(value)) {
    if (typeof o['minItems'] === 'number' && value.length < o['minItems']) problems.push(`${path}: too few items`);
    value.forEach((v, i) => validate(o['items'], v, `${path}.${i}`, problems));
  } else if (typeof value === 'object' && value !== null) {
    const props = (o['properties'] as JsonSchema | undefined) ?? {};
    for (const r of (o['required'] as string[] | undefined) ?? []) if (!(r in value)) problems.push(`${path}: missing ${r}`);
    for (const [k, v] of Object.entries(value)) {
      if (k in props) validate(props[k], v, `${path}.${k}`, problems);
      else if (o['additionalProperties'] === false) problems.push(`${path}: unknown key ${k}`);
    }
  }
}

describe('scenario JSON Schema', () => {
  const schema = scenarioJsonSchema();

  it('is well-formed draft 2020-12 with help texts', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    const problems: string[] = [];
    checkWellFormed(schema, '#', problems);
    expect(problems).toEqual([]);
    const props = schema['properties'] as Record<string, JsonSchema>;
    for (const key of ['name', 'duration', 'carriers', 'readers', 'stations', 'backend', 'outputs']) expect(props[key]).toBeDefined();
    for (const [key, value] of Object.entries(props)) expect(typeof value['description'], key).toBe('string');
  });

  it('the committed scenarios/scenario.schema.json is up to date', () => {
    const committed = JSON.parse(readFileSync(join(SCENARIOS, 'scenario.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  it.each(shipped.filter((f) => !readFileSync(join(SCENARIOS, f), 'utf8').includes('\nextends:')))('accepts %s (JSON Schema and zod parse)', async (name) => {
    const raw = parseYaml(readFileSync(join(SCENARIOS, name), 'utf8')) as unknown;
    const problems: string[] = [];
    validate(schema, raw, '#', problems);
    expect(problems).toEqual([]);
    const math = await loadMath();
    const zod = buildScenarioSchema({ quantity: createQuantityParser(math), rateExpression: (t) => compileRateExpression(math, t) });
    expect(zod.safeParse(raw).success).toBe(true);
  });

  it('rejects an unknown key and a wrong type', () => {
    const problems: string[] = [];
    validate(schema, { name: 'x', duration: true, bogus: 1, carriers: [], readers: [], stations: [] }, '#', problems);
    expect(problems.some((p) => p.includes('bogus'))).toBe(true);
    expect(problems.some((p) => p.includes('duration'))).toBe(true);
  });
});

describe('units and did-you-mean', () => {
  it('converts and names wrong dimensions', async () => {
    const q = createQuantityParser(await loadMath());
    expect(q.parse('35 mm', 'length')).toEqual({ ok: true, value: 0.035 });
    expect(q.parse('3 h', 'time')).toEqual({ ok: true, value: 10800 });
    expect(q.parse('-85 dBm', 'power')).toEqual({ ok: true, value: -85 });
    expect(q.parse('5', 'time')).toEqual({ ok: true, value: 5 });
    const bad = q.parse('8 kg', 'time');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/is a mass, expected a time/);
    expect(q.parse('3 mm', 'dimensionless').ok).toBe(false);
  });
  it('suggests close names only', () => {
    expect(didYouMean('replicatons', ['replications', 'seed'])).toBe('replications');
    expect(didYouMean('zzzzzz', ['replications', 'seed'])).toBeUndefined();
  });
});

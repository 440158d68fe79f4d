/**
 * Quantities in scenario files: `"35 mm"`, `"0.2 A"`, `"1.5 A/m"`, `"13.56 MHz"`, `"0 dBm"`,
 * `"8 ms"`, `"3 h"`. Strings are parsed by mathjs (loaded lazily, main thread only) and converted
 * to the SI value a field expects; a bare number is already in the unit the field's help names.
 * A wrong dimension (`"8 kg"` for a time) is an error that names both dimensions.
 */
import { createRequire } from 'node:module';

/** Physical dimensions a scenario field may have, with the SI unit the resolved value is in. */
export const DIMENSIONS = {
  time: { unit: 's', label: 'a time', example: '"8 ms"' },
  length: { unit: 'm', label: 'a length', example: '"35 mm"' },
  current: { unit: 'A', label: 'a current', example: '"0.2 A"' },
  field: { unit: 'A/m', label: 'a magnetic field strength', example: '"1.5 A/m"' },
  frequency: { unit: 'Hz', label: 'a frequency', example: '"13.56 MHz"' },
  power: { unit: 'dBm', label: 'a power', example: '"0 dBm" or "1 mW"' },
  speed: { unit: 'm/s', label: 'a speed', example: '"0.5 m/s"' },
  angle: { unit: 'deg', label: 'an angle', example: '"12 deg"' },
  voltage: { unit: 'V', label: 'a voltage', example: '"12 mV"' },
  inductance: { unit: 'H', label: 'an inductance', example: '"1 uH"' },
  dimensionless: { unit: '', label: 'a plain number', example: '3' },
} as const;
export type Dimension = keyof typeof DIMENSIONS;

/** Result of converting one quantity. */
export type QuantityResult = { ok: true; value: number } | { ok: false; message: string };

/** Converts quantity strings to SI numbers; implemented over mathjs by `createQuantityParser`. */
export interface QuantityParser {
  parse(text: string, dimension: Dimension): QuantityResult;
}

/** The part of the mathjs instance tapsim uses (typed loosely: mathjs' own types are heavy). */
export interface MathUnit {
  equalBase(other: MathUnit): boolean;
  toNumber(unit?: string): number;
  units: readonly unknown[];
  dimensions: readonly number[];
  value: number | null;
  toString(): string;
}
export interface MathNode {
  type: string;
  name?: string;
  op?: string;
  fn?: unknown;
  value?: unknown;
  transform(callback: (node: MathNode, path: string, parent: MathNode | null) => MathNode): MathNode;
  traverse(callback: (node: MathNode, path: string, parent: MathNode | null) => void): void;
  compile(): { evaluate(scope?: Record<string, unknown>): unknown };
  toString(): string;
}
export interface MathLike {
  unit(text: string): MathUnit;
  unit(value: number, unit: string): MathUnit;
  parse(text: string): MathNode;
  isUnit(value: unknown): value is MathUnit;
  Unit: { isValuelessUnit(name: string): boolean };
  ConstantNode: new (value: unknown) => MathNode;
}

/**
 * Load mathjs' prebuilt browser bundle (≈150–200 ms vs 1–2 s for the ESM tree; docs/architecture.md#dependencies).
 * Call once per load in the main thread; never in a worker or a hot loop.
 */
export async function loadMath(): Promise<MathLike> {
  // require, not import(): the ESM loader would first scan the 600 kB CommonJS bundle for its export
  // names (≈ 100 ms at start-up, `npm run bench -- startup`). The bundle ships no .d.ts; MathLike
  // types what we use of it.
  return createRequire(import.meta.url)('mathjs/lib/browser/math.js') as MathLike;
}

const BARE_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DB_QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(dBm|dBW|dBmW)$/;

/** Names the dimension of a unit when it is one of ours (for "is a mass, expected a time"). */
function describeDimension(math: MathLike, unit: MathUnit): string {
  const known: Array<[string, string]> = [
    ['s', 'a time'], ['m', 'a length'], ['A', 'a current'], ['A/m', 'a magnetic field strength'], ['Hz', 'a frequency'],
    ['W', 'a power'], ['m/s', 'a speed'], ['deg', 'an angle'], ['kg', 'a mass'], ['K', 'a temperature'], ['V', 'a voltage'],
    ['m^2', 'an area'], ['m^3', 'a volume'], ['J', 'an energy'], ['ohm', 'a resistance'], ['H', 'an inductance'], ['F', 'a capacitance'],
  ];
  for (const [name, label] of known) {
    if (unit.equalBase(math.unit(`1 ${name}`))) return label;
  }
  return 'a quantity of another dimension';
}

/** A QuantityParser over a loaded mathjs instance. */
export function createQuantityParser(math: MathLike): QuantityParser {
  return {
    parse(text: string, dimension: Dimension): QuantityResult {
      const trimmed = text.trim();
      const spec = DIMENSIONS[dimension];
      if (BARE_NUMBER.test(trimmed)) {
        const value = Number(trimmed);
        return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: `"${text}" is not a finite number` };
      }
      if (dimension === 'dimensionless') {
        return { ok: false, message: `"${text}" must be a plain number (no unit)` };
      }
      if (dimension === 'power') {
        const db = DB_QUANTITY.exec(trimmed);
        if (db !== null) {
          const value = Number(db[1]);
          return { ok: true, value: db[2] === 'dBW' ? value + 30 : value };
        }
      }
      let unit: MathUnit;
      try {
        unit = math.unit(trimmed);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, message: `cannot read "${text}" as ${spec.label} (${reason}); write e.g. ${spec.example}` };
      }
      if (unit.units.length === 0 || unit.value === null) {
        return { ok: false, message: `"${text}" needs a number and a unit, e.g. ${spec.example}` };
      }
      const siUnit = dimension === 'power' ? 'W' : spec.unit;
      if (!unit.equalBase(math.unit(`1 ${siUnit}`))) {
        return { ok: false, message: `"${text}" is ${describeDimension(math, unit)}, expected ${spec.label} (e.g. ${spec.example})` };
      }
      const value = unit.toNumber(siUnit);
      if (!Number.isFinite(value)) return { ok: false, message: `"${text}" is not finite` };
      if (dimension === 'power') {
        if (!(value > 0)) return { ok: false, message: `"${text}" must be a positive power to express in dBm` };
        return { ok: true, value: 10 * Math.log10(value) + 30 };
      }
      return { ok: true, value };
    },
  };
}

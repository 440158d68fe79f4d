/** JSON that keeps NaN and ±Infinity, for the per-job files of work folders (jobs/). */

/** Non-finite numbers survive JSON as tagged strings. */
const NON_FINITE: Record<string, number> = { '\u0000NaN': NaN, '\u0000Inf': Infinity, '\u0000-Inf': -Infinity };

function tagOf(v: number): string {
  return Number.isNaN(v) ? '\u0000NaN' : v > 0 ? '\u0000Inf' : '\u0000-Inf';
}

/** Thrown by `tagged` for values JSON.stringify treats specially (typed arrays, toJSON): use the replacer. */
const USE_REPLACER = Symbol('use the replacer');

/** `v` with every non-finite number replaced by its tag; the same object where nothing changes. */
function tagged(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : tagOf(v);
  if (typeof v !== 'object' || v === null) return v;
  if (ArrayBuffer.isView(v) || typeof (v as { toJSON?: unknown }).toJSON === 'function') throw USE_REPLACER;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const y = tagged(x);
      if (out === undefined && y !== x) out = v.slice(0, i);
      out?.push(y);
    }
    return out ?? v;
  }
  let out: Record<string, unknown> | undefined;
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const x = (v as Record<string, unknown>)[k];
    const y = tagged(x);
    if (out === undefined && y !== x) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j] as string] = (v as Record<string, unknown>)[keys[j] as string];
    }
    if (out !== undefined) out[k] = y;
  }
  return out ?? v;
}

/**
 * JSON that keeps NaN and ±Infinity (as tagged strings); read back with parseJsonExact. The same
 * text as JSON.stringify with a replacer, without calling one per value (10× faster on results).
 */
export function stringifyJsonExact(value: unknown): string {
  try {
    return JSON.stringify(tagged(value));
  } catch (error) {
    if (error !== USE_REPLACER) throw error;
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? tagOf(v) : v));
  }
}

/** Tags back to numbers, in place (on a freshly parsed value). */
function untag(v: unknown): unknown {
  if (typeof v === 'string') return v in NON_FINITE ? NON_FINITE[v] : v;
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = untag(v[i]);
    return v;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== '__proto__') o[k] = untag(o[k]);
  return o;
}

export function parseJsonExact(text: string): unknown {
  const value: unknown = JSON.parse(text);
  return text.includes('\\u0000') ? untag(value) : value;
}

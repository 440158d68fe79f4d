/**
 * A model constant written as a scenario file would write it, for the schema's defaults: the
 * schema takes each default from the constant it configures and still shows it with its unit
 * (`"100 ms"`, not 100000000).
 */
import { NS_PER_MS, NS_PER_S, type TimeNs } from '../../units.js';
import type { Distribution } from '../../random/distributions.js';

export type TimeUnit = 'ms' | 's' | 'min';
const NS_PER: Readonly<Record<TimeUnit, number>> = { ms: NS_PER_MS, s: NS_PER_S, min: 60 * NS_PER_S };

/** A time in ns as text in `unit`: timeText(s(1), 's') → "1 s". */
export function timeText(timeNs: TimeNs, unit: TimeUnit): string {
  return `${timeNs / NS_PER[unit]} ${unit}`;
}

/** A constant time distribution (SI seconds) as text in `unit`: {constant, 0.005} → "5 ms". */
export function constantTimeText(d: Distribution, unit: TimeUnit): string {
  if (d.kind !== 'constant') throw new Error(`constantTimeText: a ${d.kind} distribution is not one time`);
  return `${d.value / (NS_PER[unit] / NS_PER_S)} ${unit}`;
}

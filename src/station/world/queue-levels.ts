/**
 * Queue levels into the per-gateline series, on one base: the area under every gate's level
 * (summed: the gateline's time-average queue), the largest queue of the whole gateline at one
 * instant (all its gates together) and the largest queue at any single gate. A maximum covers
 * every interval a level was held in, so a queue carried across an interval edge counts in the
 * next interval too: in every interval the mean is at most the maximum.
 */
import type { IntervalSeries } from '../../observe/interval-series.js';
import type { Gate } from '../gate.js';
import { GL } from '../station-metrics.js';

/** Keep `level` as a maximum of `channel` in every interval that [fromNs, toNs) touches (and in fromNs's one). */
export function maxOver(series: IntervalSeries, channel: number, fromNs: number, toNs: number, level: number): void {
  if (!(level > 0)) return;
  const intervalNs = series.intervalNs;
  let t = fromNs;
  do {
    series.max(channel, t, level);
    t = (Math.floor(t / intervalNs) + 1) * intervalNs;
  } while (t < toNs);
}

/** The GateHooks.onQueueLevel of a world: per gate and per gateline (its gates' levels together). */
export function queueLevelRecorder(lineSeries: readonly IntervalSeries[], nowNs: () => number): (gate: Gate, oldLength: number, sinceNs: number, newLength: number) => void {
  const lineLevel = new Float64Array(lineSeries.length);
  const lineSinceNs = new Float64Array(lineSeries.length);
  return (gate, oldLength, sinceNs, newLength) => {
    const li = gate.gatelineIndex;
    const series = lineSeries[li]!;
    const atNs = nowNs();
    series.addArea(GL.queueAreaPersonNs, sinceNs, atNs, oldLength);
    maxOver(series, GL.queueMaxPerGate, sinceNs, atNs, oldLength);
    series.max(GL.queueMaxPerGate, atNs, newLength);
    const level = lineLevel[li]!;
    maxOver(series, GL.queueMax, lineSinceNs[li]!, atNs, level);
    lineLevel[li] = level + newLength - oldLength;
    lineSinceNs[li] = atNs;
    series.max(GL.queueMax, atNs, lineLevel[li]!);
  };
}

/**
 * PLACEHOLDER model (to be replaced by the lead's station model): one replication of a scenario.
 *
 * Honest and tiny: for each entrance, arrivals are a non-homogeneous Poisson process following
 * the sampled demand table; each arrival joins one FIFO queue per gateline, served by `gates`
 * parallel servers (M(t)/G/c). The service time of a gate is the gate's serialHeadway plus a
 * constant 0.3 s tap (FACTS §8.3 serial model, [E]). Pure: no I/O, no threads; every random
 * number comes from `streamFor(seed, replication, entityKey)`.
 */
import { createHash } from 'node:crypto';
import { streamFor } from '../random/stream.js';
import { exponential } from '../random/distributions.js';
import type { ResolvedScenario } from '../scenario/schema.js';

export interface ReplicationRequest {
  scenario: ResolvedScenario;
  replication: number;
  seed: number;
}

export interface ReplicationResult {
  replication: number;
  seed: number;
  metrics: Record<string, number>;
  events: number;
  /** Hex SHA-256 of the trace. */
  fingerprint: string;
}

const TAP_NS = 300_000_000; // [E] placeholder tap time, FACTS §8.3 table (t_tx = 0.3 s)

export function runReplication(req: ReplicationRequest, onProgress?: (simTimeNs: number, events: number) => void): ReplicationResult {
  const { scenario, replication, seed } = req;
  const trace = createHash('sha256');
  let events = 0;
  let arrivals = 0;
  let counted = 0;
  let waitSumS = 0;
  let waitMaxS = 0;
  let busyNs = 0;
  let gateCount = 0;
  const durationNs = scenario.duration;
  const warmupNs = scenario.warmup;
  let progressAt = 0;

  for (const station of scenario.stations) {
    for (const entrance of station.entrances) {
      const lines = entrance.gatelines;
      const rng = streamFor(seed, replication, `arrivals:${station.id}/${entrance.id}`);
      const pick = streamFor(seed, replication, `choice:${station.id}/${entrance.id}`);
      const freeAt = lines.map((line) => new Array<number>(line.gates).fill(0));
      for (const line of lines) gateCount += line.gates;
      const { stepNs, ratesPerHour } = entrance.demand;
      for (let i = 0; i < ratesPerHour.length; i++) {
        const ratePerHour = ratesPerHour[i] as number;
        const stepStart = i * stepNs;
        const stepEnd = Math.min(durationNs, stepStart + stepNs);
        if (ratePerHour <= 0) continue;
        const meanGapNs = 3.6e12 / ratePerHour;
        let t = stepStart + Math.round(exponential(rng, meanGapNs));
        while (t < stepEnd) {
          arrivals++;
          events++;
          // Choose the line by the shortest expected wait (earliest free gate).
          let bestLine = 0;
          let bestGate = 0;
          let bestFree = Infinity;
          const offset = Math.floor(pick.next01() * lines.length);
          for (let k = 0; k < lines.length; k++) {
            const li = (k + offset) % lines.length;
            const gates = freeAt[li] as number[];
            for (let g = 0; g < gates.length; g++) {
              if ((gates[g] as number) < bestFree) {
                bestFree = gates[g] as number;
                bestLine = li;
                bestGate = g;
              }
            }
          }
          const line = lines[bestLine]!;
          const start = Math.max(t, bestFree);
          const serviceNs = line.gate.serialHeadway + TAP_NS;
          (freeAt[bestLine] as number[])[bestGate] = start + serviceNs;
          events++; // departure
          busyNs += serviceNs;
          if (t >= warmupNs) {
            const waitS = (start - t) / 1e9;
            counted++;
            waitSumS += waitS;
            if (waitS > waitMaxS) waitMaxS = waitS;
          }
          trace.update(`${t},${bestLine},${bestGate},${start}\n`);
          if (onProgress !== undefined && events - progressAt >= 10_000) {
            progressAt = events;
            onProgress(t, events);
          }
          t += Math.round(exponential(rng, meanGapNs));
        }
      }
    }
  }
  onProgress?.(durationNs, events);
  return {
    replication,
    seed,
    events,
    fingerprint: trace.digest('hex'),
    metrics: {
      arrivals,
      passengersCounted: counted,
      meanWaitS: counted > 0 ? waitSumS / counted : 0,
      maxWaitS: waitMaxS,
      gateUtilisation: gateCount > 0 ? busyNs / (gateCount * durationNs) : 0,
    },
  };
}

/** Resolved stations → the world's gatelines and entrances (gate mechanics, demand tables, carrier mix). */
import type { GateMechanics } from '../../station/gate.js';
import { maxOf } from '../../arrays.js';
import type { EntranceConfig, GatelineConfig } from '../../station/world-config.js';
import type { ResolvedEntrance, ResolvedGateline, ResolvedScenario } from '../schema.js';

/** The gate mechanics of a gateline: its merged gate parameters and the scenario's retry rule. */
export function mechanicsOf(line: ResolvedGateline, s: ResolvedScenario): GateMechanics {
  const g = line.gate;
  return {
    model: g.model,
    openNs: g.openTime,
    passageS: g.passageTime,
    minCycleNs: g.minCycle,
    relockS: g.relockTime,
    serialHeadwayNs: g.serialHeadway,
    representDelayS: s.retry.representDelay,
    maxTaps: s.retry.maxTaps,
  };
}

/** One gateline of station `stationId`; `readerIndex` maps reader ids to their index in s.readers. */
export function gatelineConfig(line: ResolvedGateline, stationId: string, readerIndex: ReadonlyMap<string, number>, s: ResolvedScenario): GatelineConfig {
  return {
    id: line.id,
    key: `${stationId}/${line.id}`,
    readerIndex: readerIndex.get(line.reader) as number,
    gates: line.gates,
    pitchM: line.pitch,
    mechanics: mechanicsOf(line, s),
    choice: line.choice,
    balkQueueLength: line.balkQueueLength,
    queueAreaM2: line.queueAreaM2,
    direction: line.direction,
  };
}

/** Cumulative carrier shares at an entrance (carrier index order): its carrierMix, else the population shares. */
export function carrierCdfOf(entrance: ResolvedEntrance, s: ResolvedScenario): Float64Array {
  const mix = entrance.demand.carrierMix;
  const shares = s.carriers.map((c) => (mix === null ? c.share : (mix.find((m) => m.carrier === c.id)?.share ?? 0)));
  const cdf = new Float64Array(shares.length);
  let cumulative = 0;
  shares.forEach((share, i) => {
    cumulative += share;
    cdf[i] = cumulative;
  });
  return cdf;
}

/** One entrance of station `stationIndex`, its gatelines given as indices into the world's gatelines. */
export function entranceConfig(entrance: ResolvedEntrance, stationId: string, stationIndex: number, lineIndices: number[], s: ResolvedScenario): EntranceConfig {
  return {
    id: entrance.id,
    key: `${stationId}/${entrance.id}`,
    stationIndex,
    table: { ratesPerHour: entrance.demand.ratesPerHour, stepNs: entrance.demand.stepNs },
    maxPerHour: maxOf(entrance.demand.ratesPerHour, 0),
    groupSize: entrance.demand.groupSize,
    walkS: entrance.walkTime,
    carrierCdf: carrierCdfOf(entrance, s),
    gatelines: lineIndices,
    exitTable: { ratesPerHour: entrance.demand.exitRatesPerHour, stepNs: entrance.demand.stepNs },
    maxExitPerHour: maxOf(entrance.demand.exitRatesPerHour, 0),
    exitGroupSize: entrance.demand.exitGroupSize,
  };
}

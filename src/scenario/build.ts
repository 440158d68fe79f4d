/**
 * Resolved scenario → the plain model configuration one replication runs (DESIGN §4 rule 8:
 * models get plain numbers and read nothing themselves). Prepares every (reader, carrier) tap
 * combination once.
 */
import type { TapPair, Bystander } from '../devices/reader.js';
import { preparePair } from '../devices/reader.js';
import type { GateMechanics } from '../station/gate.js';
import type { GateChoicePolicy } from '../station/gate-choice.js';
import type { RateTable } from '../station/demand.js';
import type { Band } from '../radio/tap-outcome.js';
import type { ResolvedCarrier, ResolvedGateline, ResolvedReader, ResolvedScenario } from './schema.js';
import { DEFAULT_BACKEND, type BackendParams } from '../backend/backend.js';
import { LINK_PRESETS } from '../backend/network.js';
import { maxOf } from '../arrays.js';
import type { CarrierConfig, EntranceConfig, GatelineConfig, WorldConfig } from '../station/world-config.js';

export type { CarrierConfig, EntranceConfig, GatelineConfig, WorldConfig };


function backendOf(s: ResolvedScenario): BackendParams {
  const b = s.backend;
  const preset = LINK_PRESETS[b.link.kind];
  const d = DEFAULT_BACKEND;
  return {
    intervalNs: s.outputs.interval,
    terminal: {
      ...d.terminal,
      timeoutNs: b.terminal.timeout,
      maxRetries: b.terminal.maxRetries,
      retryBackoffNs: b.terminal.retryBackoff,
      fallback: b.terminal.fallback,
      floorLimitCents: b.terminal.floorLimitCents,
      localCheckS: b.terminal.localCheck,
    },
    risk: { onlineAboveCents: b.risk.onlineAboveCents, sampleProbability: b.risk.sampleProbability },
    fep: { ...d.fep, servers: b.fep.servers, serviceS: b.fep.serviceTime, queueCapacity: b.fep.queueCap, batchIntervalNs: b.fep.batchInterval, maxBatchRecords: b.fep.maxBatchRecords },
    link: {
      ...preset,
      ...(b.link.rtt === undefined ? {} : { rttS: b.link.rtt, kind: 'custom' as const }),
      ...(b.link.loss === undefined ? {} : { lossProbability: b.link.loss }),
      outages: b.link.outages.map((o) => ({ startNs: o.at, durationNs: o.duration })),
    },
    channels: b.channels.map((c) => ({
      id: c.id,
      share: c.share,
      host: {
        ...d.channels[0]!.host,
        servers: c.servers,
        serviceS: c.serviceTime,
        queueCapacity: c.queueCap,
        kneeUtilisation: c.kneeUtilisation,
        slowdownSlope: c.slowdownSlope,
        declineProbability: c.declineProbability,
      },
    })),
  };
}

/** The pair of a reader and a carrier: the band both use, prepared by its band model (devices/reader.ts). */
function tapPair(reader: ResolvedReader, carrier: ResolvedCarrier): TapPair {
  return preparePair(reader, carrier);
}

function mechanicsOf(line: ResolvedGateline, s: ResolvedScenario): GateMechanics {
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

export function buildWorld(s: ResolvedScenario): WorldConfig {
  const carriers: CarrierConfig[] = s.carriers.map((c) => ({
    id: c.id,
    kind: c.kind,
    share: c.share,
    bystander: { bands: c.bands as readonly Band[], restingPlacement: 'pocket' },
    authorisation: c.authorisation,
  }));
  const readerIndex = new Map(s.readers.map((r, i) => [r.id, i]));
  const pairs = s.readers.map((r) => s.carriers.map((c) => tapPair(r, c)));
  const qrCarrier = { ...(s.carriers[0] as ResolvedCarrier), kind: 'qr', bands: ['optical'], flow: 'qr' } as ResolvedCarrier;
  const qrPairs = s.readers.map((r) => tapPair(r, qrCarrier));
  const gatelines: GatelineConfig[] = [];
  const entrances: EntranceConfig[] = [];
  s.stations.forEach((station, stationIndex) => {
    for (const entrance of station.entrances) {
      const lineIndices: number[] = [];
      for (const line of entrance.gatelines) {
        lineIndices.push(gatelines.length);
        gatelines.push({
          id: line.id,
          key: `${station.id}/${line.id}`,
          readerIndex: readerIndex.get(line.reader) as number,
          gates: line.gates,
          pitchM: line.pitch,
          mechanics: mechanicsOf(line, s),
          choice: line.choice,
          balkQueueLength: line.balkQueueLength,
          queueAreaM2: line.queueAreaM2,
          direction: line.direction,
        });
      }
      const mix = entrance.demand.carrierMix;
      const shares = s.carriers.map((c) => (mix === null ? c.share : (mix.find((m) => m.carrier === c.id)?.share ?? 0)));
      const cdf = new Float64Array(shares.length);
      let cumulative = 0;
      shares.forEach((share, i) => {
        cumulative += share;
        cdf[i] = cumulative;
      });
      entrances.push({
        id: entrance.id,
        key: `${station.id}/${entrance.id}`,
        stationIndex,
        table: { ratesPerHour: entrance.demand.ratesPerHour, stepNs: entrance.demand.stepNs },
        maxPerHour: maxOf(entrance.demand.ratesPerHour, 0),
        groupSize: entrance.demand.groupSize,
        walkS: entrance.walkTime,
        carrierCdf: cdf,
        gatelines: lineIndices,
        exitTable: { ratesPerHour: entrance.demand.exitRatesPerHour, stepNs: entrance.demand.stepNs },
        maxExitPerHour: maxOf(entrance.demand.exitRatesPerHour, 0),
        exitGroupSize: entrance.demand.exitGroupSize,
      });
    }
  });
  return {
    durationNs: s.duration,
    warmupNs: s.warmup,
    intervalNs: s.outputs.interval,
    carriers,
    readerIds: s.readers.map((r) => r.id),
    pairs,
    qrPairs,
    stationIds: s.stations.map((st) => st.id),
    entrances,
    gatelines,
    fallback: s.retry.fallback,
    transactions: s.outputs.transactions,
    backend: backendOf(s),
    valueCents: s.backend.valueCents,
  };
}

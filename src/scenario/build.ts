/**
 * Resolved scenario → the plain model configuration one replication runs (docs/architecture.md#rule-8:
 * models get plain numbers and read nothing themselves). A pure mapper: the schema has filled
 * every default; what a scenario cannot set comes from the model's own constants (DEFAULT_BACKEND,
 * defaultNfcTapParams, DEFAULT_RCC_PARAMS). Times stay integer ns. Prepares every (reader,
 * carrier) tap combination once.
 */
import type { Band } from '../radio/tap-outcome.js';
import type { ResolvedCarrier, ResolvedScenario } from './schema.js';
import type { CarrierConfig, EntranceConfig, GatelineConfig, WorldConfig } from '../station/world-config.js';
import { backendParams } from './build/backend.js';
import { entranceConfig, gatelineConfig } from './build/station.js';
import { tapPair } from './build/tap-pairs.js';
import { networkWorld } from './build/network.js';
import { carrierKind } from '../devices/carrier-kinds.js';
import type { CarryPlacement } from '../physics/path-loss.js';
import type { BystanderGeometry } from '../radio/bystander-geometry.js';

export type { CarrierConfig, EntranceConfig, GatelineConfig, WorldConfig };

function carrierConfig(c: ResolvedCarrier, restingPlacement: CarryPlacement): CarrierConfig {
  return {
    id: c.id,
    kind: c.kind,
    share: c.share,
    bystander: { bands: c.bands as readonly Band[], restingPlacement, profiles: carrierKind(c.kind).profiles },
    authorisation: c.authorisation,
  };
}

export function buildWorld(s: ResolvedScenario): WorldConfig {
  const carriers = s.carriers.map((c) => carrierConfig(c, s.bystanders.restingPlacement));
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
        gatelines.push(gatelineConfig(line, station.id, readerIndex, s));
      }
      entrances.push(entranceConfig(entrance, station.id, stationIndex, lineIndices, s));
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
    backend: backendParams(s),
    valueCents: s.backend.valueCents,
    network: networkWorld(s, entrances, gatelines),
    bystanders: s.bystanders as BystanderGeometry,
  };
}

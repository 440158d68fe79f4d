/**
 * What one replication's world is built from: plain numbers and prepared tap pairs, no scenario
 * types (scenario/build.ts maps a resolved scenario onto this).
 */
import type { Distribution } from '../random/distributions.js';
import type { TapPair, Bystander } from '../devices/reader.js';
import type { BackendParams } from '../backend/backend.js';
import type { GateMechanics } from './gate.js';
import type { GateChoicePolicy } from './gate-choice.js';
import type { RateTable } from './demand.js';
import type { NetworkConfig } from './network/network-config.js';
import type { Itinerary } from './network/itinerary.js';
import type { DestinationRow } from './network/destinations.js';
import type { BystanderGeometry } from '../radio/bystander-geometry.js';

export interface CarrierConfig {
  id: string;
  kind: string;
  share: number;
  bystander: Bystander;
  authorisation: 'online' | 'deferred' | 'risk-based';
}

export interface GatelineConfig {
  id: string;
  /** "station/gateline", unique in the scenario. */
  key: string;
  readerIndex: number;
  gates: number;
  pitchM: number;
  mechanics: GateMechanics;
  choice: GateChoicePolicy;
  balkQueueLength: number;
  queueAreaM2: number;
  direction: 'in' | 'out' | 'both';
}

export interface EntranceConfig {
  id: string;
  /** "station/entrance", unique in the scenario; keys the passengers' random streams. */
  key: string;
  stationIndex: number;
  table: RateTable;
  maxPerHour: number;
  groupSize: Distribution;
  walkS: Distribution;
  /** Cumulative carrier shares (carrier index order). */
  carrierCdf: Float64Array;
  /** Indices into WorldConfig.gatelines. */
  gatelines: number[];
  /** Exit flow (empty table: none) and its group size. */
  exitTable: RateTable;
  maxExitPerHour: number;
  exitGroupSize: Distribution;
}

/** Origin–destination travel through a network of lines (station/network/); null: stations are independent. */
export interface NetworkWorld {
  net: NetworkConfig;
  /** Destination row per station index (origin). */
  destinations: DestinationRow[];
  /** itineraries[origin][destination] (station indices); null where no route. */
  itineraries: Array<Array<Itinerary | null>>;
  /** Gateline ↔ platform walk, s. */
  platformWalkS: Distribution;
  /** Share of entering passengers with no valid tap-in. */
  evasionShare: number;
  /** Entrance indices of each station that have gatelines serving exits (direction out or both). */
  exitEntrances: number[][];
}

export interface WorldConfig {
  durationNs: number;
  warmupNs: number;
  intervalNs: number;
  carriers: CarrierConfig[];
  readerIds: string[];
  /** pairs[reader][carrier] */
  pairs: TapPair[][];
  /** QR fallback at each reader. */
  qrPairs: TapPair[];
  stationIds: string[];
  entrances: EntranceConfig[];
  gatelines: GatelineConfig[];
  fallback: 'other-gate' | 'qr' | 'service-desk';
  transactions: boolean;
  backend: BackendParams;
  /** Value of one transaction, cents. */
  valueCents: Distribution;
  network: NetworkWorld | null;
  /** Where the people around a tap hold their carriers (scenario `bystanders`). */
  bystanders: BystanderGeometry;
}

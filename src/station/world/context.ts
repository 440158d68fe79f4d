/**
 * What the rooms of one replication's world share (world.ts builds it): the configuration, the
 * kernel, the metrics and series, the gates, the conservation census and the passenger pool.
 * Each room (arrivals.ts, routing.ts, gate-surroundings.ts, tap-events.ts) takes what it needs
 * from here into its own closures.
 */
import type { Kernel } from '../../kernel/kernel.js';
import type { IntervalSeries } from '../../observe/interval-series.js';
import type { Xoshiro128ss } from '../../random/stream.js';
import type { Gate } from '../gate.js';
import type { Passenger } from '../passenger.js';
import type { GatelineMetrics, StationMetrics } from '../station-metrics.js';
import type { WorldConfig } from '../world-config.js';
import type { Itinerary } from '../network/itinerary.js';

/** A passenger as the world keeps them: reusable, with its own stream and walk handler. */
export interface WorldPassenger extends Passenger {
  rng: Xoshiro128ss;
  /** The key is keyPrefix + keyNumber, built only where a string is needed (the transaction log). */
  keyPrefix: string;
  keyNumber: number;
  /** Gatelines that accept each carrier, for this passenger's flow. */
  lines: ReadonlyArray<readonly number[]>;
  /** Arrival at the gateline after the walk (bound once per object). */
  walked: () => void;
  /** The journey through the network (trips.ts), or null: not travelling (no network, or before the entry gate). */
  trip: Trip | null;
  /** Cause of the latest tap attempt (kept only with a network: a wrong-gate entry records no valid tap-in). */
  lastCause: string;
}

/** A passenger's journey: the route, the leg being ridden, and whether the entry was validly recorded. */
export interface Trip {
  itinerary: Itinerary;
  leg: number;
  validEntry: boolean;
  /** Alighted at the destination and on the way out through its exit gates. */
  exiting: boolean;
}

/**
 * Conservation counters (all passengers, warm-up included). `passed`: left through a gate; a
 * passenger who continues into the network after the entry gate moves from `passed` to
 * `inNetwork` (walking to or between platforms, on a platform, in a train) until they alight at
 * their destination and walk (`walking`) to its exit gates.
 */
export interface Census {
  arrived: number;
  walking: number;
  passed: number;
  abandoned: number;
  inNetwork: number;
}

export interface WorldContext {
  readonly cfg: WorldConfig;
  readonly kernel: Kernel;
  readonly metrics: StationMetrics;
  readonly gatelineMetrics: readonly GatelineMetrics[];
  /** gatelineMetrics[i].series, side by side. */
  readonly lineSeries: readonly IntervalSeries[];
  readonly census: Census;
  /** gates[gateline][lane]; filled once the gates are built (after the hooks that need it). */
  readonly gates: Gate[][];
  /**
   * Passengers who have left (passed or given up), kept for reuse with their random stream and
   * walk handler: a city keeps ≈ 10⁴ passengers in flight, and reusing the ones that just left
   * keeps them in cache instead of allocating fresh objects that the GC then copies and promotes.
   */
  readonly pool: WorldPassenger[];
  /** A passenger leaves the world (into the pool). */
  readonly leave: (p: Passenger) => void;
  /** After the warm-up: counted in the metrics. */
  readonly counted: () => boolean;
}

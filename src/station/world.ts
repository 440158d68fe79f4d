/**
 * One replication's world: entrances generate passengers, passengers walk to a gateline, pick a
 * gate, queue and tap; gates authorise, open and let them through; failures retry, then fall
 * back. Everything is scheduled on one kernel; every random number comes from a stream keyed by
 * (seed, replication, entity), so the outcome does not depend on creation order or worker.
 */
import { Kernel } from '../kernel/kernel.js';
import { streamFor } from '../random/stream.js';
import type { WorldConfig } from './world-config.js';
import { Fingerprint } from '../observe/fingerprint.js';
import { FINE_SECONDS, QuantileSketch } from '../observe/quantile-sketch.js';
import { Gate } from './gate.js';
import { GatelineMetrics, StationMetrics } from './station-metrics.js';
import { TransactionLog } from './transaction-log.js';
import { ServiceTimes } from './service-times.js';
import { createBackend, type Backend } from '../backend/backend.js';
import { startArrivals } from './world/arrivals.js';
import { gateSurroundings } from './world/gate-surroundings.js';
import { gateLayout, gatelineRouting } from './world/routing.js';
import { tapEventHooks } from './world/tap-events.js';
import { tripRoom, type TripRoom } from './world/trips.js';
import type { GateHooks } from './gate.js';
import type { Census, WorldContext, WorldPassenger } from './world/context.js';
import type { Passenger } from './passenger.js';

export interface WorldState {
  kernel: Kernel;
  metrics: StationMetrics;
  gatelines: GatelineMetrics[];
  gates: Gate[][];
  fingerprint: Fingerprint;
  transactions: TransactionLog | null;
  backend: Backend;
  /** Response time of the authorisation as the gate sees it (tap end → decision), s. */
  authorisation: QuantileSketch;
  /** Conservation counters (all passengers, warm-up included). */
  census: Census;
  /** Origin–destination travel (trains, platforms), or null without a network. */
  trips: TripRoom | null;
  /** Time at the gate per visit (service-times.ts). */
  serviceTimes: ServiceTimes;
}

/**
 * The rooms, in the order they schedule their first events: the backend (its FEP timers), the
 * gates with their hooks (tap-events.ts, gate-surroundings.ts), routing (routing.ts), then the
 * arrivals of every entrance (arrivals.ts); the rooms are in world/.
 */
export function buildWorldState(cfg: WorldConfig, seed: number, replication: number): WorldState {
  const kernel = new Kernel(4096);
  const backend = createBackend(kernel, cfg.backend, (key) => streamFor(seed, replication, `backend:${key}`), cfg.stationIds.length, cfg.durationNs);
  const authorisation = new QuantileSketch(FINE_SECONDS);
  const metrics = new StationMetrics(cfg.warmupNs);
  const gatelineMetrics = GatelineMetrics.forGatelines(cfg.gatelines.length, cfg.intervalNs, cfg.durationNs);
  const fingerprint = new Fingerprint();
  const transactions = cfg.transactions ? new TransactionLog() : null;
  const pool: WorldPassenger[] = [];
  const ctx: WorldContext = {
    cfg,
    kernel,
    metrics,
    gatelineMetrics,
    lineSeries: gatelineMetrics.map((m) => m.series),
    census: { arrived: 0, walking: 0, passed: 0, abandoned: 0, inNetwork: 0 },
    gates: [],
    pool,
    leave: (p: Passenger): void => void pool.push(p as WorldPassenger),
    counted: (): boolean => kernel.nowNs >= cfg.warmupNs,
  };
  const layout = gateLayout(cfg);
  const serviceTimes = new ServiceTimes(cfg.gatelines.map((g) => g.key), cfg.carriers.map((c) => c.id));
  // Routing is built after the gates; the trip room (trains) needs it for the exits, so it reaches it through `route`.
  let route: ReturnType<typeof gatelineRouting> = () => undefined;
  const trips = cfg.network === null ? null : tripRoom(ctx, cfg.network, (p, lines) => route(p, lines));
  const stationHooks = tapEventHooks(ctx, { backend, authorisation, fingerprint, transactions, surroundings: gateSurroundings(cfg, ctx.gates), serviceTimes, ...(trips === null ? {} : { afterGate: trips.afterGate }) });
  const hooks: GateHooks = trips === null ? stationHooks : withTrips(stationHooks);
  cfg.gatelines.forEach((line, li) => {
    const row: Gate[] = [];
    const first = layout.firstGateSlot[li]!;
    for (let lane = 0; lane < line.gates; lane++) row.push(new Gate(kernel, first + lane, lane, li, line.mechanics, hooks, layout.gateLoads, first + lane));
    ctx.gates.push(row);
  });
  route = gatelineRouting(ctx, layout);
  startArrivals(ctx, seed, replication, route);
  return { kernel, metrics, gatelines: gatelineMetrics, gates: ctx.gates, fingerprint, transactions, backend, authorisation, census: ctx.census, trips, serviceTimes };
}

/** The station's gate hooks with the network's: every tap's cause kept (a wrong-gate entry records no valid tap-in, trips.ts). */
function withTrips(hooks: GateHooks): GateHooks {
  return {
    ...hooks,
    onTap: (p, gate, outcome, startNs) => {
      hooks.onTap(p, gate, outcome, startNs);
      (p as WorldPassenger).lastCause = outcome.cause;
    },
  };
}

/** Passengers still inside at the end: waiting in a queue or being served. */
export function inSystem(state: WorldState): { queued: number; inService: number } {
  let queued = 0;
  let inService = 0;
  for (const row of state.gates) {
    for (const g of row) {
      queued += g.queueLength;
      if (g.holdingPassenger) inService++;
    }
  }
  return { queued, inService };
}

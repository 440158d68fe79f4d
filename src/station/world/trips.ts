/**
 * Journeys through the network (origin–destination travel, cfg.network): a passenger who clears
 * an entry gate draws a destination from their own stream (destinations.ts) — and, with an
 * evasion share, whether their entry was recorded — walks to the platform of the first leg, rides
 * the trains (train-service.ts), walks between platforms at transfers, alights at the destination
 * with the train's platoon, walks to an exit gateline of that station and taps out with the same
 * tap models. A passenger with no valid tap-in (evasion, or an entry bound to another carrier:
 * wrong-gate) is a fare irregularity at the exit and goes to the service desk.
 */
import { bernoulli, sample } from '../../random/distributions.js';
import { NS_PER_S } from '../../units.js';
import type { Gate } from '../gate.js';
import type { Passenger } from '../passenger.js';
import { drawDestination } from '../network/destinations.js';
import { TrainService } from '../network/train-service.js';
import type { NetworkWorld } from '../world-config.js';
import { flowLines } from './arrivals.js';
import type { WorldContext, WorldPassenger } from './context.js';

/** Counts of the network's passengers beyond what the trains count. */
export interface TripCounts {
  /** Journeys started (after the warm-up). */
  started: number;
  /** Reached the exit gates of their destination (after the warm-up). */
  completed: number;
  /** No valid tap-in at the exit: sent to the service desk (after the warm-up). */
  fareIrregular: number;
  /** Walking to a platform or between platforms now (all passengers). */
  walkingInNetwork: number;
}

export interface TripRoom {
  service: TrainService<WorldPassenger>;
  counts: TripCounts;
  /** A passenger cleared a gate: into the network after an entry gate, else out of the world. */
  afterGate(p: Passenger, gate: Gate): void;
}

type Arrive = (p: Passenger, linesByCarrier: ReadonlyArray<readonly number[]>) => void;

/** A passenger leaving the train starts afresh at the exit gates (times in the station are from here; fallbacks again available). */
function startAtGates(p: WorldPassenger, nowNs: number): void {
  p.arrivedNs = nowNs;
  p.queuedNs = 0;
  p.taps = 0;
  p.totalTaps = 0;
  p.fallback = 'none';
  p.lastGate = -1;
  p.tapStartNs = 0;
}

export function tripRoom(ctx: WorldContext, network: NetworkWorld, arrive: Arrive): TripRoom {
  const { cfg, kernel, census, metrics, leave, counted } = ctx;
  const counts: TripCounts = { started: 0, completed: 0, fareIrregular: 0, walkingInNetwork: 0 };
  const lineStation = new Array<number>(cfg.gatelines.length).fill(0);
  for (const e of cfg.entrances) for (const li of e.gatelines) lineStation[li] = e.stationIndex;
  const exitLines = cfg.entrances.map((e) => flowLines(cfg, e, 'exit'));
  const walkNs = (p: WorldPassenger): number => Math.max(0, Math.round(sample(p.rng, network.platformWalkS) * NS_PER_S));

  const toPlatform = (p: WorldPassenger, delayNs: number): void => {
    counts.walkingInNetwork++;
    kernel.schedule(delayNs, () => {
      counts.walkingInNetwork--;
      service.toPlatform(p, p.trip!.itinerary.legs[p.trip!.leg]!);
    });
  };

  const reachDestination = (p: WorldPassenger, station: number): void => {
    census.inNetwork--;
    const trip = p.trip!;
    const choices = network.exitEntrances[station]!;
    const entrance = choices[Math.min(choices.length - 1, Math.floor(p.rng.next01() * choices.length))]!;
    if (counted()) counts.completed++;
    if (!trip.validEntry) {
      if (counted()) {
        counts.fareIrregular++;
        metrics.serviceDesk++;
      }
      census.abandoned++;
      leave(p);
      return;
    }
    trip.exiting = true;
    startAtGates(p, kernel.nowNs);
    census.walking++;
    if (counted()) {
      metrics.arrived++;
      metrics.exits++;
    }
    const lines = exitLines[entrance]!;
    kernel.schedule(walkNs(p), () => arrive(p, lines));
  };

  const service: TrainService<WorldPassenger> = new TrainService<WorldPassenger>(kernel, network.net, {
    onAlight: (riders, line, pos) => {
      const station = network.net.lines[line]!.stations[pos]!;
      for (const p of riders) {
        const trip = p.trip!;
        trip.leg++;
        if (trip.leg < trip.itinerary.legs.length) toPlatform(p, trip.itinerary.walkNs[trip.leg]!);
        else reachDestination(p, station);
      }
    },
  }, cfg.durationNs, 0, cfg.intervalNs);

  const afterGate = (passenger: Passenger, gate: Gate): void => {
    const p = passenger as WorldPassenger;
    if (p.trip !== null) {
      leave(p); // out through the destination's exit gates
      return;
    }
    const origin = lineStation[gate.gatelineIndex]!;
    const evaded = network.evasionShare > 0 && bernoulli(p.rng, network.evasionShare);
    const destination = drawDestination(network.destinations[origin]!, p.rng);
    const itinerary = destination === null ? null : network.itineraries[origin]![destination]!;
    if (itinerary === null) {
      leave(p); // nowhere to go from here (no route to a station with exit gates)
      return;
    }
    p.trip = { itinerary, leg: 0, validEntry: !evaded && p.lastCause !== 'wrong-gate', exiting: false };
    census.passed--;
    census.inNetwork++;
    if (counted()) counts.started++;
    toPlatform(p, walkNs(p));
  };
  return { service, counts, afterGate };
}

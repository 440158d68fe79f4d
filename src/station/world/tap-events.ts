/**
 * What happens at a gate, as the gate's hooks (`GateHooks`): a tap attempt (its pair, the
 * surroundings a 2.45 GHz tap needs), its record (metrics, interval series, fingerprint,
 * transaction log), the authorisation through the backend and the gate's decision, a passage,
 * the queue level, the start of service (the wait), and a give-up with its fallback (another gate,
 * a QR code, or the service desk).
 */
import type { AuthResult, Backend } from '../../backend/backend.js';
import { tapOnce, type TapSurroundings } from '../../devices/reader.js';
import type { Fingerprint } from '../../observe/fingerprint.js';
import type { QuantileSketch } from '../../observe/quantile-sketch.js';
import type { TapOutcome } from '../../radio/tap-outcome.js';
import { sample } from '../../random/distributions.js';
import { NS_PER_S } from '../../units.js';
import type { Gate, GateHooks } from '../gate.js';
import { NO_SURROUNDINGS } from './gate-surroundings.js';
import { queueLevelRecorder } from './queue-levels.js';
import type { Passenger } from '../passenger.js';
import { GL } from '../station-metrics.js';
import { opensGate, paidCorrectly } from '../success-rule.js';
import type { TransactionLog } from '../transaction-log.js';
import type { ServiceTimes } from '../service-times.js';
import type { WorldContext, WorldPassenger } from './context.js';
import { serviceRecorder, type ServiceRecorder } from './service-recorder.js';

/** What the tap events write to besides the shared context. */
export interface TapEventSinks {
  backend: Backend;
  /** Response time of the authorisation as the gate sees it (tap end → decision), s. */
  authorisation: QuantileSketch;
  fingerprint: Fingerprint;
  transactions: TransactionLog | null;
  /** The surroundings of a tap at a gate (gate-surroundings.ts). */
  surroundings: (gate: Gate) => TapSurroundings;
  /** Time at the gate per visit (service-times.ts). */
  serviceTimes: ServiceTimes;
  /** After a passenger clears a gate (default: they leave the world); the network's trip room takes entering passengers on (trips.ts). */
  afterGate?: (p: Passenger, gate: Gate) => void;
}

/** The authorisation of a completed transaction: the backend's answer → metrics → the gate's decision. */
function authorisation(ctx: WorldContext, sinks: TapEventSinks): GateHooks['authorise'] {
  const { cfg, kernel, metrics } = ctx;
  const { backend } = sinks;
  const lineStation = new Array<number>(cfg.gatelines.length).fill(0);
  for (const e of cfg.entrances) for (const li of e.gatelines) lineStation[li] = e.stationIndex;
  let requestId = 0;
  const authorise = (p: Passenger, stationIndex: number, done: (result: AuthResult) => void): void => {
    // QR codes are account-based and pass offline (docs/sources.md#f9-1, S73).
    const mode = p.fallback === 'qr' || cfg.carriers[p.carrierIndex]!.kind === 'qr' ? 'deferred' : cfg.carriers[p.carrierIndex]!.authorisation;
    const valueCents = Math.max(0, Math.round(sample(p.rng, cfg.valueCents)));
    backend.authorise(stationIndex, { mode, valueCents, requestId: requestId++ }, done);
  };
  /** Per gate: the backend's answer → metrics → the gate's decision (made once per gate, not per request). */
  const authorisedAt: Array<((result: AuthResult) => void) | undefined> = [];
  const authorisedHandler = (decide: (approved: boolean) => void) => (r: AuthResult): void => {
    if (kernel.nowNs >= cfg.warmupNs) {
      sinks.authorisation.add(r.responseNs / NS_PER_S);
      if (!r.approved) metrics.declinedByHost++;
    }
    decide(r.approved);
  };
  return (p, gate, _outcome, done) => authorise(p, lineStation[gate.gatelineIndex]!, (authorisedAt[gate.index] ??= authorisedHandler(done)));
}

/** Taps exhausted or declined: fall back once per kind (another gate, a QR code), else the service desk. */
function giveUp(ctx: WorldContext, visits: ServiceRecorder): GateHooks['onGiveUp'] {
  const { cfg, metrics, census, gates, leave, counted } = ctx;
  return (p: Passenger, gate: Gate): void => {
    const line = gates[gate.gatelineIndex]!;
    if (cfg.fallback === 'other-gate' && p.fallback === 'none' && line.length > 1) {
      visits.gaveUp(p, gate, 'other-gate');
      p.fallback = 'other-gate';
      if (counted()) metrics.fallbackOtherGate++;
      let best = -1;
      line.forEach((g, i) => {
        if (i !== gate.lane && (best < 0 || g.load < line[best]!.load)) best = i;
      });
      line[best]!.join(p);
      return;
    }
    if (cfg.fallback === 'qr' && p.fallback === 'none') {
      visits.gaveUp(p, gate, 'qr');
      p.fallback = 'qr';
      if (counted()) metrics.fallbackQr++;
      gate.join(p);
      return;
    }
    visits.gaveUp(p, gate, 'service-desk');
    if (counted()) metrics.serviceDesk++;
    census.abandoned++;
    leave(p);
  };
}

/** Every tap attempt at its end: series, metrics after warm-up, fingerprint, transaction log (its row per gate in `rows`), the gate visit. */
function tapRecorder(ctx: WorldContext, sinks: TapEventSinks, rows: number[], visits: ServiceRecorder): GateHooks['onTap'] {
  const { cfg, kernel, metrics, lineSeries, counted } = ctx;
  const { fingerprint, transactions } = sinks;
  return (p: Passenger, gate: Gate, outcome: TapOutcome, startNs: number): void => {
    const carrier = cfg.carriers[p.carrierIndex]!;
    visits.tapped(gate, outcome.band);
    const series = lineSeries[gate.gatelineIndex]!;
    series.add(GL.taps, kernel.nowNs);
    const ok = opensGate(outcome.cause);
    if (!ok) series.add(GL.failedTaps, kernel.nowNs);
    if (counted()) {
      metrics.tap(outcome.band, outcome.cause, outcome.collisions);
      metrics.carrierTap(p.fallback === 'qr' ? 'qr-fallback' : carrier.id, paidCorrectly(outcome.cause));
      if (ok) {
        metrics.latency(p.fallback === 'qr' ? 'qr-fallback' : carrier.id, outcome.band, outcome.latencyNs / NS_PER_S);

        metrics.transactionTime.add(outcome.latencyNs / NS_PER_S); // presentation → the reader's result (docs/architecture.md#tap-timeline)
      }
    }
    fingerprint.number(startNs);
    fingerprint.numberedKey((p as WorldPassenger).keyPrefix, (p as WorldPassenger).keyNumber); // = string(p.key)
    fingerprint.string(outcome.cause);
    fingerprint.number(outcome.durationNs);
    if (transactions !== null) rows[gate.index] = transactions.add(startNs, p.key, p.fallback === 'qr' ? 'qr-fallback' : carrier.id, outcome, cfg.readerIds[cfg.gatelines[gate.gatelineIndex]!.readerIndex]!, `${cfg.gatelines[gate.gatelineIndex]!.key}/G${gate.lane + 1}`);
  };
}

export function tapEventHooks(ctx: WorldContext, sinks: TapEventSinks): GateHooks {
  const { cfg, kernel, metrics, gatelineMetrics, lineSeries, census, leave, counted } = ctx;
  const { surroundings, transactions } = sinks;
  /** Per gate: the transaction-log row of its last tap (one tap at a time per gate). */
  const rows: number[] = [];
  const visits = serviceRecorder(ctx, sinks.serviceTimes);
  return {
    tap: (p, gate) => {
      const readerIndex = cfg.gatelines[gate.gatelineIndex]!.readerIndex;
      const pair = p.fallback === 'qr' ? cfg.qrPairs[readerIndex]! : cfg.pairs[readerIndex]![p.carrierIndex]!;
      // Bystanders matter only to a band that hears them (2.45 GHz, BandModel.hearsBystanders); other bands skip gathering them.
      return tapOnce(pair, p.rng, pair.model !== null && pair.model.hearsBystanders ? surroundings(gate) : NO_SURROUNDINGS);
    },
    authorise: authorisation(ctx, sinks),
    onTap: tapRecorder(ctx, sinks, rows, visits),
    onPassed: (p, gate, atNs, timing) => {
      // From the carrier's presentation: latency + authorisation + gate (station/gate.ts PassTiming).
      const tapToOpenNs = atNs - timing.presentedNs;
      if (transactions !== null) transactions.passed(rows[gate.index]!, timing.decidedNs - timing.tapEndNs, atNs - timing.decidedNs, tapToOpenNs);
      census.passed++;
      gate.passed++;
      lineSeries[gate.gatelineIndex]!.add(GL.passed, atNs);
      if (atNs >= cfg.warmupNs) {
        metrics.passed++;
        metrics.timeInSystem.add((atNs - p.arrivedNs) / NS_PER_S);
        metrics.tapToOpen.add(tapToOpenNs / NS_PER_S);
      }
    },
    onGiveUp: giveUp(ctx, visits),
    onCleared: (p, gate) => {
      visits.cleared(p, gate);
      if (sinks.afterGate === undefined) leave(p);
      else sinks.afterGate(p, gate);
    },
    onQueueLevel: queueLevelRecorder(lineSeries, () => kernel.nowNs),
    onServiceStart: (p, gate) => {
      visits.started(p, gate);
      if (p.totalTaps > 0) return; // only the first service counts as the wait
      const waitS = (kernel.nowNs - p.queuedNs) / NS_PER_S;
      gatelineMetrics[gate.gatelineIndex]!.wait(kernel.nowNs, waitS);
      if (counted()) metrics.wait.add(waitS);
    },
  };
}

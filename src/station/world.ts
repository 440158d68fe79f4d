/**
 * One replication's world: entrances generate passengers, passengers walk to a gateline, pick a
 * gate, queue and tap; gates authorise, open and let them through; failures retry, then fall
 * back. Everything is scheduled on one kernel; every random number comes from a stream keyed by
 * (seed, replication, entity), so the outcome does not depend on creation order or worker.
 */
import { Kernel } from '../kernel/kernel.js';
import { sample } from '../random/distributions.js';
import { streamFor, streamForNumberedKey, Xoshiro128ss } from '../random/stream.js';
import { tapOnce, type TapSurroundings } from '../devices/reader.js';
import type { TapOutcome } from '../radio/tap-outcome.js';
import type { WorldConfig } from './world-config.js';
import { Fingerprint } from '../observe/fingerprint.js';
import { LogHistogram } from '../observe/log-histogram.js';
import { NS_PER_S } from '../units.js';
import { nextArrivalWithMax } from './demand.js';
import { chooseGateByLoad } from './gate-choice.js';
import { Gate, type GateHooks } from './gate.js';
import type { Passenger } from './passenger.js';
import { GatelineMetrics, GL, StationMetrics } from './station-metrics.js';
import { TransactionLog } from './transaction-log.js';
import { createBackend, type AuthResult, type Backend } from '../backend/backend.js';


/** A passenger as the world keeps them: reusable, with its own stream and walk handler. */
interface WorldPassenger extends Passenger {
  rng: Xoshiro128ss;
  /** The key is keyPrefix + keyNumber, built only where a string is needed (the transaction log). */
  keyPrefix: string;
  keyNumber: number;
  /** Gatelines that accept each carrier, for this passenger's flow. */
  lines: ReadonlyArray<readonly number[]>;
  /** Arrival at the gateline after the walk (bound once per object). */
  walked: () => void;
}

export interface WorldState {
  kernel: Kernel;
  metrics: StationMetrics;
  gatelines: GatelineMetrics[];
  gates: Gate[][];
  fingerprint: Fingerprint;
  transactions: TransactionLog | null;
  backend: Backend;
  /** Response time of the authorisation as the gate sees it (tap end → decision), s. */
  authorisation: LogHistogram;
  /** Conservation counters (all passengers, warm-up included). */
  census: { arrived: number; walking: number; passed: number; abandoned: number };
}

export function buildWorldState(cfg: WorldConfig, seed: number, replication: number): WorldState {
  const kernel = new Kernel(4096);
  const backend = createBackend(kernel, cfg.backend, (key) => streamFor(seed, replication, `backend:${key}`), cfg.stationIds.length);
  const authorisation = new LogHistogram();
  let requestId = 0;
  const metrics = new StationMetrics(cfg.warmupNs);
  const gatelineMetrics = GatelineMetrics.forGatelines(cfg.gatelines.length, cfg.intervalNs, cfg.durationNs);
  const lineSeries = gatelineMetrics.map((m) => m.series);
  const fingerprint = new Fingerprint();
  const transactions = cfg.transactions ? new TransactionLog() : null;
  const census = { arrived: 0, walking: 0, passed: 0, abandoned: 0 };
  const lineStation = new Array<number>(cfg.gatelines.length).fill(0);
  for (const e of cfg.entrances) for (const li of e.gatelines) lineStation[li] = e.stationIndex;
  // Per-gate loads, the gates of one gateline contiguous from firstGateSlot[line].
  const firstGateSlot = new Int32Array(cfg.gatelines.length);
  let gateSlots = 0;
  cfg.gatelines.forEach((line, li) => {
    firstGateSlot[li] = gateSlots;
    gateSlots += line.gates;
  });
  const gateLoads = new Float64Array(gateSlots);
  // What gate choice reads of each gateline, in small side-by-side arrays (hot) rather than from
  // the gateline configuration objects (one cold cache line each).
  const lineGateCount = Int32Array.from(cfg.gatelines, (l) => l.gates);
  const lineBalkQueueLength = Float64Array.from(cfg.gatelines, (l) => l.balkQueueLength);
  const lineChoice = cfg.gatelines.map((l) => l.choice);
  const authorise = (p: Passenger, stationIndex: number, done: (result: AuthResult) => void): void => {
    // QR codes are account-based and pass offline (FACTS §9.1, S73).
    const mode = p.fallback === 'qr' || cfg.carriers[p.carrierIndex]!.kind === 'qr' ? 'deferred' : cfg.carriers[p.carrierIndex]!.authorisation;
    const valueCents = Math.max(0, Math.round(sample(p.rng, cfg.valueCents)));
    backend.authorise(stationIndex, { mode, valueCents, requestId: requestId++ }, done);
  };
  /** Per gate: the backend's answer → metrics → the gate's decision (made once per gate, not per request). */
  const authorisedAt: Array<((result: AuthResult) => void) | undefined> = [];
  const authorisedHandler = (decide: (approved: boolean) => void) => (r: AuthResult): void => {
    if (kernel.nowNs >= cfg.warmupNs) {
      authorisation.add(r.responseNs / NS_PER_S);
      if (!r.approved) metrics.declinedByHost++;
    }
    decide(r.approved);
  };
  const gates: Gate[][] = [];

  /**
   * Passengers who have left (passed or given up), kept for reuse with their random stream and
   * walk handler: a city keeps ≈ 10⁴ passengers in flight, and reusing the ones that just left
   * keeps them in cache instead of allocating fresh objects that the GC then copies and promotes.
   */
  const pool: WorldPassenger[] = [];
  const leave = (p: Passenger): void => void pool.push(p as WorldPassenger);

  const counted = (): boolean => kernel.nowNs >= cfg.warmupNs;

  const surroundings = (gate: Gate): TapSurroundings => {
    const line = cfg.gatelines[gate.gatelineIndex]!;
    const row = gates[gate.gatelineIndex]!;
    const behind = gate.nextInQueue;
    const neighbours: Array<{ carrier: TapSurroundings['neighbours'][number]['carrier']; lateralM: number }> = [];
    for (const d of [-2, -1, 1, 2]) {
      const other = row[gate.lane + d];
      const tapper = other?.inService;
      if (other !== undefined && other.transacting && tapper != null) {
        neighbours.push({ carrier: cfg.carriers[tapper.carrierIndex]!.bystander, lateralM: Math.abs(d) * line.pitchM });
      }
    }
    return { behind: behind === null ? null : cfg.carriers[behind.carrierIndex]!.bystander, neighbours, pitchM: line.pitchM };
  };

  const noSurroundings: TapSurroundings = { behind: null, neighbours: [], pitchM: 0 };

  const giveUp = (p: Passenger, gate: Gate): void => {
    const line = gates[gate.gatelineIndex]!;
    if (cfg.fallback === 'other-gate' && p.fallback === 'none' && line.length > 1) {
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
      p.fallback = 'qr';
      if (counted()) metrics.fallbackQr++;
      gate.join(p);
      return;
    }
    if (counted()) metrics.serviceDesk++;
    census.abandoned++;
    leave(p);
  };

  const hooks: GateHooks = {
    tap: (p, gate) => {
      const readerIndex = cfg.gatelines[gate.gatelineIndex]!.readerIndex;
      const pair = p.fallback === 'qr' ? cfg.qrPairs[readerIndex]! : cfg.pairs[readerIndex]![p.carrierIndex]!;
      // Bystanders matter only to a band that hears them (2.45 GHz, BandModel.hearsBystanders); other bands skip gathering them.
      return tapOnce(pair, p.rng, pair.model !== null && pair.model.hearsBystanders ? surroundings(gate) : noSurroundings);
    },
    authorise: (p, gate, _outcome, done) => authorise(p, lineStation[gate.gatelineIndex]!, (authorisedAt[gate.index] ??= authorisedHandler(done))),
    onTap: (p, gate, outcome, startNs) => recordTap(p, gate, outcome, startNs),
    onPassed: (p, gate, atNs) => {
      census.passed++;
      gate.passed++;
      lineSeries[gate.gatelineIndex]!.add(GL.passed, atNs);
      if (atNs >= cfg.warmupNs) {
        metrics.passed++;
        metrics.timeInSystem.add((atNs - p.arrivedNs) / NS_PER_S);
        metrics.tapToOpen.add((atNs - p.tapStartNs) / NS_PER_S);
      }
    },
    onGiveUp: giveUp,
    onCleared: leave,
    onQueueLevel: (gate, oldLength, sinceNs) => {
      const series = lineSeries[gate.gatelineIndex]!;
      series.addArea(GL.queueAreaPersonNs, sinceNs, kernel.nowNs, oldLength);
      series.max(GL.queueMax, kernel.nowNs, gate.queueLength);
    },
    onServiceStart: (p, gate) => {
      if (p.totalTaps > 0) return; // only the first service counts as the wait
      const waitS = (kernel.nowNs - p.queuedNs) / NS_PER_S;
      gatelineMetrics[gate.gatelineIndex]!.wait(kernel.nowNs, waitS);
      if (counted()) metrics.wait.add(waitS);
    },
  };

  function recordTap(p: Passenger, gate: Gate, outcome: TapOutcome, startNs: number): void {
    const carrier = cfg.carriers[p.carrierIndex]!;
    const series = lineSeries[gate.gatelineIndex]!;
    series.add(GL.taps, kernel.nowNs);
    const ok = outcome.cause === 'ok' || outcome.cause === 'wrong-gate';
    if (!ok) series.add(GL.failedTaps, kernel.nowNs);
    if (counted()) {
      metrics.tap(outcome.band, outcome.cause, outcome.collisions);
      metrics.carrierTap(p.fallback === 'qr' ? 'qr-fallback' : carrier.id, outcome.cause === 'ok');
      if (ok) {
        metrics.latency(p.fallback === 'qr' ? 'qr-fallback' : carrier.id, outcome.band, outcome.latencyNs / NS_PER_S);

        metrics.transactionTime.add(outcome.durationNs / NS_PER_S);
      }
    }
    fingerprint.number(startNs);
    fingerprint.numberedKey((p as WorldPassenger).keyPrefix, (p as WorldPassenger).keyNumber); // = string(p.key)
    fingerprint.string(outcome.cause);
    fingerprint.number(outcome.durationNs);
    transactions?.add(startNs, p.key, p.fallback === 'qr' ? 'qr-fallback' : carrier.id, outcome, cfg.readerIds[cfg.gatelines[gate.gatelineIndex]!.readerIndex]!, `${cfg.gatelines[gate.gatelineIndex]!.key}/G${gate.lane + 1}`);
  }

  cfg.gatelines.forEach((line, li) => {
    const row: Gate[] = [];
    for (let lane = 0; lane < line.gates; lane++) {
      const gate = new Gate(kernel, firstGateSlot[li]! + lane, lane, li, line.mechanics, hooks, gateLoads, firstGateSlot[li]! + lane);
      row.push(gate);
    }
    gates.push(row);
  });
  /** All gates by slot (firstGateSlot[line] + lane): one flat array for the hot lookups. */
  const gateAt: Gate[] = gates.flat();

  const arriveAtGateline = (p: Passenger, linesByCarrier: ReadonlyArray<readonly number[]>): void => {
    census.walking--;
    const lineIndices = linesByCarrier[p.carrierIndex]!;
    // The least loaded gateline (load per gate), then a gate by the line's policy.
    let best = lineIndices[0]!;
    let bestLoad = Infinity;
    for (const li of lineIndices) {
      const gatesOfLine = lineGateCount[li]!;
      let load = 0;
      for (let k = firstGateSlot[li]!, end = k + gatesOfLine; k < end; k++) load += gateLoads[k]!;
      load /= gatesOfLine;
      if (load < bestLoad) {
        bestLoad = load;
        best = li;
      }
    }
    for (let attempt = -1; attempt < lineIndices.length; attempt++) {
      const li = attempt < 0 ? best : lineIndices[attempt]!;
      if (attempt >= 0 && li === best) continue;
      const lane = chooseGateByLoad(lineChoice[li]!, gateLoads, firstGateSlot[li]!, lineGateCount[li]!, p.rng, p.rng.next01(), p.lastGate);
      const gate = gateAt[firstGateSlot[li]! + lane]!;
      if (gate.queueLength < lineBalkQueueLength[li]!) {
        p.lastGate = lane;
        lineSeries[li]!.add(GL.arrivals, kernel.nowNs);
        gate.join(p);
        return;
      }
    }
    census.abandoned++;
    if (counted()) metrics.balked++;
    leave(p);
  };

  const newPassenger = (): WorldPassenger => {
    const p: WorldPassenger = {
      keyPrefix: '',
      keyNumber: 0,
      get key(): string {
        return this.keyPrefix + String(this.keyNumber);
      },
      carrierIndex: 0,
      rng: new Xoshiro128ss(1, 0, 0, 0),
      arrivedNs: 0,
      queuedNs: 0,
      taps: 0,
      totalTaps: 0,
      fallback: 'none',
      lastGate: -1,
      tapStartNs: 0,
      lines: [],
      walked: () => arriveAtGateline(p, p.lines),
    };
    return p;
  };

  /** One passenger flow (entries or exits) through an entrance's gatelines in `direction`. */
  const startFlow = (entrance: WorldConfig['entrances'][number], flow: 'entry' | 'exit'): void => {
    const table = flow === 'entry' ? entrance.table : entrance.exitTable;
    const maxPerHour = flow === 'entry' ? entrance.maxPerHour : entrance.maxExitPerHour;
    const groupSize = flow === 'entry' ? entrance.groupSize : entrance.exitGroupSize;
    const lines = entrance.gatelines.filter((li) => cfg.gatelines[li]!.direction !== (flow === 'entry' ? 'out' : 'in'));
    if (lines.length === 0 || !(maxPerHour > 0)) return;
    // Passengers head for gatelines whose reader accepts their carrier (signage), if any does.
    const linesByCarrier = cfg.carriers.map((_, c) => {
      const accepting = lines.filter((li) => cfg.pairs[cfg.gatelines[li]!.readerIndex]![c]!.band !== null);
      return accepting.length > 0 ? accepting : lines;
    });
    const prefix = flow === 'entry' ? `${entrance.key}#` : `${entrance.key}#exit-`;
    const arrivals = streamFor(seed, replication, `${flow === 'entry' ? 'arrivals' : 'exits'}:${entrance.key}`);
    let sequence = 0;
    const next = (): void => {
      const atNs = nextArrivalWithMax(arrivals, table, kernel.nowNs, cfg.durationNs, maxPerHour);
      if (Number.isFinite(atNs)) kernel.scheduleAt(atNs, arrive);
    };
    const arrive = (): void => {
      const group = Math.max(1, Math.round(sample(arrivals, groupSize)));
      for (let k = 0; k < group; k++) {
        const p = pool.pop() ?? newPassenger();
        const rng = streamForNumberedKey(seed, replication, prefix, sequence, p.rng);
        const u = rng.next01();
        let carrierIndex = 0;
        while (carrierIndex < entrance.carrierCdf.length - 1 && u >= entrance.carrierCdf[carrierIndex]!) carrierIndex++;
        p.keyPrefix = prefix;
        p.keyNumber = sequence++;
        p.carrierIndex = carrierIndex;
        p.arrivedNs = kernel.nowNs;
        p.queuedNs = 0;
        p.taps = 0;
        p.totalTaps = 0;
        p.fallback = 'none';
        p.lastGate = -1;
        p.tapStartNs = 0;
        p.lines = linesByCarrier;
        census.arrived++;
        census.walking++;
        if (counted()) {
          metrics.arrived++;
          if (flow === 'exit') metrics.exits++;
        }
        const walkNs = Math.max(0, Math.round(sample(rng, entrance.walkS) * NS_PER_S));
        kernel.schedule(walkNs, p.walked);
      }
      next();
    };
    next();
  };
  for (const entrance of cfg.entrances) {
    startFlow(entrance, 'entry');
    startFlow(entrance, 'exit');
  }

  return { kernel, metrics, gatelines: gatelineMetrics, gates, fingerprint, transactions, backend, authorisation, census };
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

/**
 * The stochastic and queueing runs behind `tapsim verify` (docs/validation.md#v5, #v7, #v8, #v14, #v16–#v18).
 * Each drives the simulator's own code — resolveTypeA, singletonsInRound, the ALOHA Monte Carlo,
 * shadowedPathLossDb, HostQueue and Gate on the event kernel — with fixed seeds (streamFor), and
 * returns an estimate with a 95 % confidence interval.
 */
import { zeroComponents } from '../link/tap-timeline.js';
import { mmcReplication, type MmcReplication } from '../backend/mmc-run.js';
import { summarize, tQuantile } from '../experiment/stats.js';
import { Kernel } from '../kernel/kernel.js';
import { randomDistinctUids, resolveTypeA } from '../link/anticollision/type-a.js';
import { singletonsInRound } from '../link/anticollision/type-b.js';
import { shadowedPathLossDb, type LogDistanceParams } from '../physics/path-loss.js';
import { simulatePureAloha, simulateSlottedAloha } from '../radio/channel.js';
import type { TapOutcome } from '../radio/tap-outcome.js';
import { exponential } from '../random/distributions.js';
import { streamFor, type RandomStream } from '../random/stream.js';
import { Gate, type GateHooks, type GateMechanics } from '../station/gate.js';
import type { Passenger } from '../station/passenger.js';
import { NS_PER_S, s } from '../units.js';
import type { Estimate } from './row.js';

/** Master seed of every verify run (fixed: verify results are stable). */
export const VERIFY_SEED = 20_240_610;

/** Running mean and variance of i.i.d. trials (Welford). */
class Moments {
  n = 0;
  mean = 0;
  private m2 = 0;
  min = Infinity;
  max = -Infinity;
  add(x: number): void {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }
  estimate(): Estimate {
    const sd = this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : NaN;
    return { mean: this.mean, halfWidth: this.n > 1 ? tQuantile(0.975, this.n - 1) * (sd / Math.sqrt(this.n)) : NaN, trials: this.n };
  }
}

/** Mean of batch (replication) means with a Student-t 95 % CI. */
function batchEstimate(values: readonly number[], trials: number): Estimate {
  const sm = summarize(values);
  return { mean: sm.mean, halfWidth: sm.halfWidth, trials };
}

/** V5: collisions met on the '1' path singulating one of n distinct uniform 32-bit UIDs (resolveTypeA). */
export function typeACollisionsMonteCarlo(n: number, trials: number): Estimate & { min: number; max: number } {
  const rng = streamFor(VERIFY_SEED, 0, `verify:V5:n=${n}`);
  const m = new Moments();
  for (let t = 0; t < trials; t++) {
    const cards = randomDistinctUids(rng, n, 4).map((uid) => ({ uid }));
    m.add(resolveTypeA(cards).collisions);
  }
  return { ...m.estimate(), min: m.min, max: m.max };
}

/** V7: singleton slots per round with n cards in N slots (singletonsInRound). */
export function typeBSingletonsMonteCarlo(cards: number, slots: number, rounds: number): Estimate {
  const rng = streamFor(VERIFY_SEED, 0, `verify:V7:N=${slots}:n=${cards}`);
  const counts = new Uint16Array(slots);
  const m = new Moments();
  for (let r = 0; r < rounds; r++) m.add(singletonsInRound(cards, slots, rng, counts));
  return m.estimate();
}

/** V8: ALOHA throughput over `total` slots / frame times, split into `batches` independent streams for the CI. */
export function alohaMonteCarlo(kind: 'pure' | 'slotted', offeredLoad: number, total: number, batches = 10): Estimate {
  const per = Math.ceil(total / batches);
  const values: number[] = [];
  for (let b = 0; b < batches; b++) {
    const rng = streamFor(VERIFY_SEED, b, `verify:V8:${kind}:G=${offeredLoad}`);
    values.push(kind === 'pure' ? simulatePureAloha(rng, offeredLoad, per) : simulateSlottedAloha(rng, offeredLoad, per));
  }
  return batchEstimate(values, per * batches);
}

/** V14: mean of shadowed log-distance path loss at `distanceM` over `draws` draws. */
export function shadowedPathLossMonteCarlo(distanceM: number, p: LogDistanceParams, draws: number): Estimate {
  const rng = streamFor(VERIFY_SEED, 0, `verify:V14:d=${distanceM}:sigma=${p.shadowingSigmaDb}`);
  const m = new Moments();
  for (let i = 0; i < draws; i++) m.add(shadowedPathLossDb(rng, distanceM, p));
  return m.estimate();
}

/** One replication of the host as M/M/c (backend/mmc-run.ts), with the verify streams. */
export function hostMmcReplication(servers: number, arrivalRatePerS: number, serviceMeanS: number, warmup: number, customers: number, replication: number): MmcReplication {
  return mmcReplication(servers, arrivalRatePerS, serviceMeanS, warmup, customers, VERIFY_SEED, replication, `verify:V16:c=${servers}:`);
}

/** V16: `replications` independent replications; estimates with t-CIs over replications. */
export function hostMmc(servers: number, arrivalRatePerS: number, serviceMeanS: number, warmup: number, customersPerReplication: number, replications: number): { pWait: Estimate; wqS: Estimate; lq: Estimate } {
  const runs = Array.from({ length: replications }, (_, r) => hostMmcReplication(servers, arrivalRatePerS, serviceMeanS, warmup, customersPerReplication, r));
  const total = customersPerReplication * replications;
  return {
    pWait: batchEstimate(runs.map((x) => x.pWait), total),
    wqS: batchEstimate(runs.map((x) => x.wqS), total),
    lq: batchEstimate(runs.map((x) => x.lq), total),
  };
}

function okTap(durationNs: number): TapOutcome {
  return { cause: 'ok', band: 'optical', latencyNs: durationNs, components: { ...zeroComponents(), readerNs: durationNs }, presentationNs: 0, durationNs, frames: 0, retransmissions: 0, collisions: 0, heightM: 0, offsetM: 0 };
}

/** A harness passenger; every draw the gate makes from it is of a constant distribution. */
function passenger(key: string, rng: RandomStream): Passenger {
  return { key, carrierIndex: 0, rng, arrivedNs: 0, queuedNs: 0, taps: 0, totalTaps: 0, fallback: 'none', lastGate: -1, tapStartNs: 0 };
}

/** Gate hooks for verify: immediate approval; the caller supplies the observers it needs. */
function gateHooks(tapNs: number, observe: Partial<Pick<GateHooks, 'onPassed' | 'onQueueLevel' | 'onServiceStart'>>): GateHooks {
  const tap = okTap(tapNs);
  return {
    tap: () => tap,
    authorise: (_p, _g, _o, done) => done(true),
    onTap: () => undefined,
    onPassed: observe.onPassed ?? (() => undefined),
    onGiveUp: () => {
      throw new Error('verify: a passenger gave up at an always-approving gate');
    },
    onQueueLevel: observe.onQueueLevel ?? (() => undefined),
    onServiceStart: observe.onServiceStart ?? (() => undefined),
  };
}

/** Serial gate mechanics: service = t_tx + h0 (docs/sources.md#f8-3). */
export function serialMechanics(headwayS: number): GateMechanics {
  return {
    model: 'serial', openNs: 0, passageS: { kind: 'constant', value: 0 }, minCycleNs: 0, relockS: { kind: 'constant', value: 0 },
    serialHeadwayNs: s(headwayS), representDelayS: { kind: 'constant', value: 1 }, maxTaps: 3,
  };
}

/** Overlap gate mechanics: opening ≥ t_cycle apart, passage (approach) t_walk, no re-lock (docs/validation.md#v18). */
export function overlapMechanics(cycleS: number, walkS: number): GateMechanics {
  return {
    model: 'overlap', openNs: 0, passageS: { kind: 'constant', value: walkS }, minCycleNs: s(cycleS), relockS: { kind: 'constant', value: 0 },
    serialHeadwayNs: 0, representDelayS: { kind: 'constant', value: 1 }, maxTaps: 3,
  };
}

/**
 * V17: Poisson arrivals at one serial Gate whose tap (t_tx) + headway (h0) is a deterministic
 * service. Wq is the mean wait of the passengers after `warmup`, with a batch-means 95 % CI (20
 * batches); Lq is the time-average queue length from the gate's level hook between the arrival of
 * passenger `warmup` and the last arrival.
 */
export function gateMd1(perMinute: number, tapS: number, headwayS: number, warmup: number, passengers: number, batches = 20): { wqS: Estimate; lq: Estimate } {
  const kernel = new Kernel();
  const arrivals = streamFor(VERIFY_SEED, 0, `verify:V17:lambda=${perMinute}`);
  const rng = streamFor(VERIFY_SEED, 0, 'verify:V17:passengers');
  const perBatch = Math.floor(passengers / batches);
  const batchSums = new Float64Array(batches);
  let started = 0;
  let fromNs = -1;
  let toNs = -1;
  let queueIntegral = 0;
  const batchQueue = new Float64Array(batches);
  let batchStartNs = 0;
  let batch = 0;
  const onServiceStart = (p: Passenger): void => {
    const i = started++ - warmup;
    if (i < 0) return;
    const b = Math.floor(i / perBatch);
    if (b < batches) batchSums[b]! += (kernel.nowNs - p.queuedNs) / NS_PER_S;
  };
  const onQueueLevel = (_g: Gate, oldLength: number, sinceNs: number): void => {
    if (fromNs < 0 || toNs >= 0) return;
    const now = kernel.nowNs;
    queueIntegral += oldLength * (now - Math.max(sinceNs, fromNs));
  };
  const gate = new Gate(kernel, 0, 0, 0, serialMechanics(headwayS), gateHooks(s(tapS), { onServiceStart, onQueueLevel }));
  const total = warmup + passengers;
  const meanGapNs = 60 * NS_PER_S / perMinute;
  let n = 0;
  const arrive = (): void => {
    if (n === warmup) {
      gate.flushLevel();
      fromNs = kernel.nowNs;
      batchStartNs = fromNs;
    }
    gate.join(passenger(`p${n}`, rng));
    n++;
    // Time-average queue per batch of arrivals (for the Lq CI).
    if (fromNs >= 0 && (n - warmup) % perBatch === 0 && batch < batches) {
      gate.flushLevel();
      batchQueue[batch] = queueIntegral / (kernel.nowNs - batchStartNs);
      queueIntegral = 0;
      batchStartNs = kernel.nowNs;
      batch++;
    }
    if (n < total) kernel.schedule(Math.round(exponential(arrivals, meanGapNs)), arrive);
    else toNs = kernel.nowNs;
  };
  kernel.schedule(0, arrive);
  kernel.run();
  if (started !== total) throw new Error(`verify V17: ${started} of ${total} passengers served`);
  return {
    wqS: batchEstimate(Array.from(batchSums, (x) => x / perBatch), perBatch * batches),
    lq: batchEstimate(Array.from(batchQueue.subarray(0, batch)), perBatch * batch),
  };
}

/**
 * V18: a saturated gate (every passenger queued at t = 0) with a fixed tap time; throughput in
 * passengers per minute between the passage of passenger `skip` and of the last one.
 */
export function gateSaturatedPpm(mechanics: GateMechanics, tapS: number, passengers: number, skip = 100): number {
  const kernel = new Kernel();
  const passedAtNs: number[] = [];
  const gate = new Gate(kernel, 0, 0, 0, mechanics, gateHooks(s(tapS), { onPassed: (_p, _g, atNs) => passedAtNs.push(atNs) }));
  const rng = streamFor(VERIFY_SEED, 0, 'verify:V18:passengers');
  for (let i = 0; i < skip + passengers; i++) gate.join(passenger(`p${i}`, rng));
  kernel.run();
  const first = passedAtNs[skip];
  const last = passedAtNs[skip + passengers - 1];
  if (first === undefined || last === undefined) throw new Error(`verify V18: only ${passedAtNs.length} passengers passed`);
  return (passengers - 1) / ((last - first) / (60 * NS_PER_S));
}

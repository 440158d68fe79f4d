/**
 * The shared 2.4 GHz channel: ALOHA throughput (analytic and Monte Carlo), per-packet overlap with
 * co-channel interferers under ALOHA or CSMA access, and SINR → packet error rate
 * (docs/sources.md#f2-5, #f6-5 risk 2, #f7-1). Pure functions; randomness only through the given stream.
 */
import type { RandomStream } from '../random/stream.js';
import { exponential, uniform } from '../random/distributions.js';
import { dbmToW, wToDbm, type TimeNs } from '../units.js';

/** Pure ALOHA throughput S = G·e^(−2G) (docs/sources.md#f2-5, docs/validation.md#v8); G, S in frames per frame time. */
export function pureAlohaThroughput(offeredLoad: number): number {
  return offeredLoad * Math.exp(-2 * offeredLoad); // docs/sources.md#f2-5
}

/** Slotted ALOHA throughput S = G·e^(−G) (docs/sources.md#f2-5, docs/validation.md#v8). */
export function slottedAlohaThroughput(offeredLoad: number): number {
  return offeredLoad * Math.exp(-offeredLoad); // docs/sources.md#f2-5
}

/** Poisson(mean) draw by multiplication of uniforms (Knuth); for the small means of a slot. */
export function poisson(rng: RandomStream, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let product = rng.next01();
  while (product > limit) {
    k++;
    product *= rng.next01();
  }
  return k;
}

/**
 * Monte-Carlo slotted ALOHA (docs/validation.md#v8): Poisson(G) transmissions per slot, a slot with exactly
 * one is a success. Returns successes per slot.
 */
export function simulateSlottedAloha(rng: RandomStream, offeredLoad: number, slots: number): number {
  let successes = 0;
  for (let i = 0; i < slots; i++) if (poisson(rng, offeredLoad) === 1) successes++;
  return successes / slots;
}

/**
 * Monte-Carlo pure ALOHA (docs/validation.md#v8): Poisson starts at rate G per frame time over
 * `frameTimes` frame times, frame time 1; a frame succeeds when no other start lies within ±1.
 * Returns successes per frame time.
 */
export function simulatePureAloha(rng: RandomStream, offeredLoad: number, frameTimes: number): number {
  const mean = 1 / offeredLoad;
  let previousGap = Infinity; // gap to the previous start
  let t = exponential(rng, mean);
  let successes = 0;
  while (t < frameTimes) {
    const nextGap = exponential(rng, mean);
    if (previousGap > 1 && nextGap > 1) successes++;
    previousGap = nextGap;
    t += nextGap;
  }
  return successes / frameTimes;
}

/** Channel access of a transmitter. [E] docs/sources.md#f6-5 risk 2 / #f11-3e: "CSMA or ALOHA". */
export type MacParams =
  | { kind: 'aloha' }
  | {
      kind: 'csma';
      /** Clear-channel assessment plus rx→tx turnaround: the window in which another start is not seen, ns. */
      senseNs: TimeNs;
      /** Backoff slot, ns; the k-th deferral waits U(0, 2^k) slots (binary exponential). */
      backoffSlotNs: TimeNs;
      /** Deferrals before sending anyway. */
      maxBackoffs: number;
    };

/** Another transmitter sharing the channel, as seen at the receiver. */
export interface Interferer {
  /** Power it delivers at the receiver while on, dBm. */
  rxPowerDbm: number;
  /** Fraction of time it is on the channel, 0–1. */
  dutyCycle: number;
  /** Its packet (burst) duration, ns. */
  packetNs: TimeNs;
}

/**
 * Probability that a packet of `packetNs` overlaps one interferer (tapsim model for docs/sources.md#f6-5 risk 2).
 * The interferer alternates bursts of length Tn with exponential idle gaps (duty d, start rate
 * λ = d/(Tn·(1 − d)) while idle).
 * - ALOHA: P(no overlap) = (1 − d)·e^(−λ·T) (idle at our start, no start during our packet).
 * - CSMA (ours, after sensing idle; the interferer also senses): P(overlap) = 1 − e^(−λ·senseNs).
 */
export function overlapProbability(packetNs: TimeNs, interferer: Interferer, mac: MacParams): number {
  const d = interferer.dutyCycle;
  if (d <= 0) return 0;
  if (d >= 1) return 1;
  const startRatePerNs = d / (interferer.packetNs * (1 - d));
  if (mac.kind === 'aloha') return 1 - (1 - d) * Math.exp(-startRatePerNs * packetNs);
  return 1 - Math.exp(-startRatePerNs * mac.senseNs);
}

/**
 * Channel-access delay before one packet, ns: 0 under ALOHA; under CSMA each sensing finds the
 * channel busy with probability 1 − Π(1 − dᵢ) and defers U(0, 2^k) backoff slots (k = 1, 2, …),
 * up to `maxBackoffs` deferrals.
 */
export function drawAccessDelayNs(rng: RandomStream, interferers: readonly Interferer[], mac: MacParams): TimeNs {
  if (mac.kind === 'aloha') return 0;
  let idle = 1;
  for (const i of interferers) idle *= 1 - Math.min(1, Math.max(0, i.dutyCycle));
  let delayNs = mac.senseNs;
  for (let k = 1; k <= mac.maxBackoffs && rng.next01() >= idle; k++) {
    delayNs += Math.round(uniform(rng, 0, 2 ** k) * mac.backoffSlotNs) + mac.senseNs;
  }
  return delayNs;
}

/** Interference power at the receiver during one packet, dBm (−Infinity if none overlaps): each interferer overlaps with `overlapProbability`. */
export function drawInterferenceDbm(rng: RandomStream, packetNs: TimeNs, interferers: readonly Interferer[], mac: MacParams): number {
  let watts = 0;
  for (const i of interferers) if (rng.next01() < overlapProbability(packetNs, i, mac)) watts += dbmToW(i.rxPowerDbm);
  return watts > 0 ? wToDbm(watts) : -Infinity;
}

/** SINR, linear: S / (N + I), powers in dBm (I may be −Infinity for none). */
export function sinrLinear(signalDbm: number, noiseDbm: number, interferenceDbm: number): number {
  return dbmToW(signalDbm) / (dbmToW(noiseDbm) + (interferenceDbm === -Infinity ? 0 : dbmToW(interferenceDbm)));
}

/**
 * Bit error rate of non-coherent binary FSK (the GFSK default of docs/sources.md#f6-3), Eb/N0 taken equal to
 * the SINR (bandwidth ≈ bit rate): BER = ½·e^(−γ/2). Textbook result (Proakis), not in docs/sources.md: [U].
 */
export function bitErrorRateNoncoherentFsk(sinr: number): number {
  return 0.5 * Math.exp(-sinr / 2);
}

/**
 * Receiver noise-plus-implementation floor, dBm, implied by a sensitivity figure: the SNR at which
 * the BER model gives `berAtSensitivity`, subtracted from `sensitivityDbm`
 * (γ_req = 2·ln(1/(2·BER)); sensitivity −85 dBm [E] docs/sources.md#f6-3).
 */
export function noiseFloorDbm(sensitivityDbm: number, berAtSensitivity: number): number {
  const requiredSinr = 2 * Math.log(1 / (2 * berAtSensitivity));
  return sensitivityDbm - 10 * Math.log10(requiredSinr);
}

/** Packet error rate for `bits` independent bit errors at SINR γ: PER = 1 − (1 − BER(γ))^bits. */
export function packetErrorRate(sinr: number, bits: number): number {
  const ber = bitErrorRateNoncoherentFsk(sinr);
  return -Math.expm1(bits * Math.log1p(-ber));
}

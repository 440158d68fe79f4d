/**
 * Frame-by-frame exchange engine (ISO/IEC 14443-4 half-duplex block protocol; docs/sources.md#f1-3, #f2-1).
 * One mutable `LinkSession` per tap (owned by the caller) carries the clock and counters through a
 * tight loop; the link is asked once per PICC frame whether the carrier is powered and how likely
 * the frame is lost. PCD→PICC frames are taken as error-free while the carrier is powered.
 */
import type { RandomStream } from '../random/stream.js';
import { ETU_CYCLES, FDT_A_LAST_BIT_0_CYCLES, cyclesToNs, fwtCycles, typeAFrameBits, typeBFrameEtu, type BitRateKbps } from './iso14443.js';
import type { TimeNs } from '../units.js';
import type { TapTimeline } from './tap-timeline.js';

/** The band model as seen by the link layer. */
export interface FrameLink {
  /**
   * Loss probability of a PICC frame of `piccBits` bits ending at `tNs` (since gesture start);
   * a negative value means the carrier is not powered at that instant (out of the field).
   */
  frameErrorProbability(tNs: TimeNs, piccBits: number): number;
}

/**
 * Clock and counters of one tap. With a `timeline` (link/tap-timeline.ts), the exchange engine
 * charges card processing to `seNs` and everything else it advances to the timeline's current phase.
 */
export interface LinkSession {
  tNs: TimeNs;
  frames: number;
  retransmissions: number;
  collisions: number;
  timeline?: TapTimeline;
}

export type StepResult = 'ok' | 'tear' | 'frame-errors' | 'timeout';

export interface IsoDepParams {
  cardType: 'A' | 'B';
  bitRateKbps: BitRateKbps;
  /** Frame waiting time integer — [E] docs/sources.md#f1-3 (FWI 0…14; default 7 = 38.7 ms for RSA cards). */
  fwi: number;
  /** FSC = FSD, the largest frame in bytes incl. prologue and CRC — docs/sources.md#f2-1 (FSCI 8 = 256). */
  frameSizeBytes: number;
  /** R(NAK) retransmissions allowed per block — [E] docs/sources.md#f1-3 (EMVCo: 2). */
  maxRetransmissions: number;
  /** S(WTX) extensions allowed per response — [E] docs/sources.md#f1-3. */
  maxWtx: number;
  /** Minimum PICC response delay (FDT), cycles — docs/sources.md#f1-3 (1172/fc). */
  fdtCycles: number;
  /** Minimum PCD turnaround after a PICC frame, cycles — [E] docs/sources.md#f2-4 (1172/fc). */
  pcdTurnaroundCycles: number;
}

export const DEFAULT_ISO_DEP: IsoDepParams = {
  cardType: 'A',
  bitRateKbps: 106,
  fwi: 7, // [E] docs/sources.md#f1-3
  frameSizeBytes: 256, // docs/sources.md#f2-1 FSCI 8
  maxRetransmissions: 2, // [E] docs/sources.md#f1-3
  maxWtx: 8, // [E] docs/sources.md#f1-3
  fdtCycles: FDT_A_LAST_BIT_0_CYCLES, // docs/sources.md#f1-3
  pcdTurnaroundCycles: FDT_A_LAST_BIT_0_CYCLES, // [E] docs/sources.md#f2-4
};

/** Frame length in etu for `bytes` on air (Type A: S + 9/byte + E; Type B: SOF + 10/byte + EOF) — docs/sources.md#f1-4, #f2-4. */
export function frameEtu(cardType: 'A' | 'B', bytes: number): number {
  return cardType === 'A' ? typeAFrameBits(bytes) : typeBFrameEtu(bytes);
}

/**
 * One command/response exchange with retries: PCD frame, response delay (+ processing), PICC frame
 * (lost with the link's probability), PCD turnaround. A lost response is recovered by `retryPcdBits`
 * (R(NAK), or the command again) up to `maxRetries` times. Advances `s`.
 */
export function runExchange(
  s: LinkSession,
  link: FrameLink,
  rng: RandomStream,
  pcdBits: number,
  piccBits: number,
  etuCycles: number,
  responseDelayCycles: number,
  turnaroundCycles: number,
  processingNs: TimeNs,
  maxRetries: number,
  retryPcdBits = pcdBits,
): StepResult {
  let bits = pcdBits;
  let extraNs = processingNs;
  for (let attempt = 0; ; attempt++) {
    s.tNs += cyclesToNs((bits + piccBits) * etuCycles + responseDelayCycles);
    if (extraNs > 0 && s.timeline !== undefined) {
      s.timeline.settle(s.tNs);
      s.tNs += extraNs;
      s.timeline.settleAs('seNs', s.tNs);
    } else s.tNs += extraNs;
    s.frames += 2;
    const fer = link.frameErrorProbability(s.tNs, piccBits);
    s.tNs += cyclesToNs(turnaroundCycles);
    if (fer < 0) return 'tear';
    if (fer === 0 || rng.next01() >= fer) return 'ok';
    if (attempt >= maxRetries) return 'frame-errors';
    s.retransmissions++;
    bits = retryPcdBits;
    extraNs = 0;
  }
}

/**
 * One APDU over ISO-DEP: command chaining into I-blocks of ≤ FSC − 3 INF bytes (each acknowledged by
 * R(ACK)), S(WTX) round trips while the card works longer than FWT, response chaining with R(ACK),
 * R(NAK) retransmission of lost PICC blocks — ISO/IEC 14443-4 §7; docs/sources.md#f1-3, #f2-1.
 */
export function isoDepApdu(s: LinkSession, link: FrameLink, rng: RandomStream, commandBytes: number, responseBytes: number, cardProcessingNs: TimeNs, p: IsoDepParams): StepResult {
  const etu = ETU_CYCLES[p.bitRateKbps];
  const inf = p.frameSizeBytes - 3; // PCB + CRC (2)
  const ackBits = frameEtu(p.cardType, 3); // R-block: PCB + CRC
  const wtxBits = frameEtu(p.cardType, 4); // S(WTX): PCB + WTXM + CRC
  let left = commandBytes;
  // Chained command blocks: each answered by R(ACK).
  while (left > inf) {
    const r = runExchange(s, link, rng, frameEtu(p.cardType, inf + 3), ackBits, etu, p.fdtCycles, p.pcdTurnaroundCycles, 0, p.maxRetransmissions, ackBits);
    if (r !== 'ok') return r;
    left -= inf;
  }
  // Last command block; the card works, asking for WTX every FWT.
  const fwtNs = cyclesToNs(fwtCycles(p.fwi));
  const wtx = Math.max(0, Math.ceil(cardProcessingNs / fwtNs) - 1);
  if (wtx > p.maxWtx) return 'timeout';
  let respLeft = responseBytes;
  let block = Math.min(respLeft, inf);
  let pcdBits = frameEtu(p.cardType, left + 3);
  for (let i = 0; i < wtx; i++) {
    // S(WTX) request from the PICC after FWT, answered by the PCD.
    const r = runExchange(s, link, rng, pcdBits, wtxBits, etu, p.fdtCycles, p.pcdTurnaroundCycles, fwtNs, p.maxRetransmissions, ackBits);
    if (r !== 'ok') return r;
    pcdBits = wtxBits;
  }
  const remainingNs = cardProcessingNs - wtx * fwtNs;
  let r = runExchange(s, link, rng, pcdBits, frameEtu(p.cardType, block + 3), etu, p.fdtCycles, p.pcdTurnaroundCycles, remainingNs, p.maxRetransmissions, ackBits);
  if (r !== 'ok') return r;
  respLeft -= block;
  // Chained response blocks, each requested by R(ACK).
  while (respLeft > 0) {
    block = Math.min(respLeft, inf);
    r = runExchange(s, link, rng, ackBits, frameEtu(p.cardType, block + 3), etu, p.fdtCycles, p.pcdTurnaroundCycles, 0, p.maxRetransmissions, ackBits);
    if (r !== 'ok') return r;
    respLeft -= block;
  }
  return 'ok';
}

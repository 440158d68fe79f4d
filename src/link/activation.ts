/**
 * Timed activation sequences (docs/sources.md#f2-1, #f2-2, #f2-4): Type A REQA → ATQA → (ANTICOLLISION → SELECT → SAK)
 * per cascade level → RATS → ATS (→ PPS), and Type B REQB → ATQB → ATTRIB. Everything in integer carrier
 * cycles; the lower-bound arithmetic of docs/sources.md#f2-4 (V4) is reproduced exactly.
 */
import {
  ETU_CYCLES,
  FDT_A_LAST_BIT_0_CYCLES,
  POLL_GUARD_TIME_NS,
  TR0_B_MAX_CYCLES,
  TR1_B_MIN_CYCLES,
  TR2_B_DEFAULT_CYCLES,
  TYPE_A_SHORT_FRAME_BITS,
  cyclesToNs,
  typeAFrameBits,
  typeBFrameEtu,
  type BitRateKbps,
} from './iso14443.js';
import type { TimeNs } from '../units.js';

/** One command/response exchange; `piccBits` is what the uplink link budget must carry. */
export interface Exchange {
  name: string;
  pcdBits: number;
  piccBits: number;
  /** Command frame end → response frame start, cycles (FDT or TR0 + TR1). */
  responseDelayCycles: number;
  /** Response frame end → next command, cycles (PCD turnaround / TR2). */
  turnaroundCycles: number;
  /** Carrier cycles per bit (etu). */
  etuCycles: number;
}

/** Total cycles of one exchange: PCD frame + delay + PICC frame + turnaround — docs/sources.md#f2-4. */
export function exchangeCycles(x: Exchange): number {
  return x.pcdBits * x.etuCycles + x.responseDelayCycles + x.piccBits * x.etuCycles + x.turnaroundCycles;
}

export interface TypeAActivationOptions {
  /** PCD turnaround after every PICC frame, cycles. [E] docs/sources.md#f2-4 (default 1172/fc). */
  pcdTurnaroundCycles: number;
  /** ATS length incl. TL and CRC_A, bytes. [E] docs/sources.md#f2-4 (default 12). */
  atsBytes: number;
  /** Send RATS (ISO-DEP cards); false for MIFARE-class layer-3 cards. */
  rats: boolean;
}

export const DEFAULT_TYPE_A_ACTIVATION: TypeAActivationOptions = {
  pcdTurnaroundCycles: FDT_A_LAST_BIT_0_CYCLES, // [E] docs/sources.md#f2-4
  atsBytes: 12, // [E] docs/sources.md#f2-4
  rats: true,
};

/** Cascade levels for a 4/7/10-byte UID — docs/sources.md#f2-1 item 4. */
export function cascadeLevels(uidBytes: number): number {
  if (uidBytes === 4) return 1;
  if (uidBytes === 7) return 2;
  if (uidBytes === 10) return 3;
  throw new Error(`UID must be 4, 7 or 10 bytes (got ${uidBytes})`);
}

function typeAExchange(name: string, pcdBits: number, piccBits: number, turnaround: number): Exchange {
  // docs/sources.md#f1-3: FDT = 1172/fc for n = 9 (commands ending in bit 0); the lower bound of #f2-4 uses it for all.
  return { name, pcdBits, piccBits, responseDelayCycles: FDT_A_LAST_BIT_0_CYCLES, turnaroundCycles: turnaround, etuCycles: ETU_CYCLES[106] };
}

/** REQA (short frame) → ATQA (2 B) — docs/sources.md#f2-1, #f2-4. */
export function reqaExchange(o: TypeAActivationOptions = DEFAULT_TYPE_A_ACTIVATION): Exchange {
  return typeAExchange('REQA', TYPE_A_SHORT_FRAME_BITS, typeAFrameBits(2), o.pcdTurnaroundCycles);
}
/** ANTICOLLISION CLn (SEL, NVB = 0x20: 2 B) → UID CLn + BCC (5 B) — docs/sources.md#f2-1, #f2-4. */
export function anticollisionExchange(level: number, o: TypeAActivationOptions = DEFAULT_TYPE_A_ACTIVATION): Exchange {
  return typeAExchange(`ANTICOLLISION CL${level}`, typeAFrameBits(2), typeAFrameBits(5), o.pcdTurnaroundCycles);
}
/** SELECT CLn (9 B) → SAK + CRC_A (3 B) — docs/sources.md#f2-1, #f2-4. */
export function selectExchange(level: number, o: TypeAActivationOptions = DEFAULT_TYPE_A_ACTIVATION): Exchange {
  return typeAExchange(`SELECT CL${level}`, typeAFrameBits(9), typeAFrameBits(3), o.pcdTurnaroundCycles);
}

/**
 * Type A activation exchanges for one card in the field: REQA, then ANTICOLLISION + SELECT per cascade
 * level, then RATS (4 B) → ATS, and PPS (5 B → 3 B) when `bitRateKbps` > 106 — docs/sources.md#f2-1, #f2-4.
 */
export function typeAActivationExchanges(uidBytes: number, bitRateKbps: BitRateKbps = 106, o: TypeAActivationOptions = DEFAULT_TYPE_A_ACTIVATION): Exchange[] {
  const out: Exchange[] = [reqaExchange(o)];
  for (let level = 1; level <= cascadeLevels(uidBytes); level++) out.push(anticollisionExchange(level, o), selectExchange(level, o));
  if (o.rats) {
    out.push(typeAExchange('RATS', typeAFrameBits(4), typeAFrameBits(o.atsBytes), o.pcdTurnaroundCycles));
    if (bitRateKbps !== 106) out.push(typeAExchange('PPS', typeAFrameBits(5), typeAFrameBits(3), o.pcdTurnaroundCycles));
  }
  return out;
}

/** Sum of the activation exchanges, integer carrier cycles — docs/sources.md#f2-4 (V4: 33656 / 54944 / 82544 / 110144). */
export function typeAActivationCycles(uidBytes: number, bitRateKbps: BitRateKbps = 106, o: TypeAActivationOptions = DEFAULT_TYPE_A_ACTIVATION): number {
  let total = 0;
  for (const x of typeAActivationExchanges(uidBytes, bitRateKbps, o)) total += exchangeCycles(x);
  return total;
}

/**
 * Type A activation time for a UID size and bit rate, ns; `withGuard` adds the 5.1 ms field-on guard
 * (docs/sources.md#f1-2). Lower bound per docs/sources.md#f2-4 (V4: 4-byte UID + RATS + guard = 9.15192 ms).
 */
export function typeAActivationTimeNs(uidBytes: number, bitRateKbps: BitRateKbps = 106, withGuard = false, o: TypeAActivationOptions = DEFAULT_TYPE_A_ACTIVATION): TimeNs {
  return cyclesToNs(typeAActivationCycles(uidBytes, bitRateKbps, o)) + (withGuard ? POLL_GUARD_TIME_NS : 0);
}

export interface TypeBActivationOptions {
  /** PICC wait TR0 before the subcarrier, cycles. [E] docs/sources.md#f1-3 (TR0 max 4096/fc used as default). */
  tr0Cycles: number;
  /** Unmodulated subcarrier TR1, cycles. [E] docs/sources.md#f1-3 (TR1 min 80/fs = 1280/fc). */
  tr1Cycles: number;
  /** PCD wait TR2 after a PICC frame, cycles — docs/sources.md#f1-3 (default TxWait 6780/fc). */
  tr2Cycles: number;
}

export const DEFAULT_TYPE_B_ACTIVATION: TypeBActivationOptions = {
  tr0Cycles: TR0_B_MAX_CYCLES, // [E] docs/sources.md#f1-3
  tr1Cycles: TR1_B_MIN_CYCLES, // [E] docs/sources.md#f1-3
  tr2Cycles: TR2_B_DEFAULT_CYCLES, // [S] docs/sources.md#f1-3
};

/** A Type B exchange of `pcdBytes` → `piccBytes` (SOF + 10 etu/byte + EOF each way) — docs/sources.md#f1-4. */
export function typeBExchange(name: string, pcdBytes: number, piccBytes: number, o: TypeBActivationOptions = DEFAULT_TYPE_B_ACTIVATION): Exchange {
  return {
    name,
    pcdBits: typeBFrameEtu(pcdBytes),
    piccBits: typeBFrameEtu(piccBytes),
    responseDelayCycles: o.tr0Cycles + o.tr1Cycles,
    turnaroundCycles: o.tr2Cycles,
    etuCycles: ETU_CYCLES[106],
  };
}

/**
 * Type B activation for one card: REQB (APf, AFI, PARAM + CRC_B = 5 B) → ATQB (12 B + CRC_B = 14 B),
 * ATTRIB (0x1D, PUPI 4, Param1–4, CRC_B = 11 B) → answer (MBLI/CID + CRC_B = 3 B) — docs/sources.md#f2-2.
 */
export function typeBActivationExchanges(o: TypeBActivationOptions = DEFAULT_TYPE_B_ACTIVATION): Exchange[] {
  return [typeBExchange('REQB', 5, 14, o), typeBExchange('ATTRIB', 11, 3, o)];
}

/** Type B activation cycles for one card (no slot markers) — docs/sources.md#f1-3, #f1-4, #f2-2. */
export function typeBActivationCycles(o: TypeBActivationOptions = DEFAULT_TYPE_B_ACTIVATION): number {
  let total = 0;
  for (const x of typeBActivationExchanges(o)) total += exchangeCycles(x);
  return total;
}

/**
 * ISO/IEC 14443 timing constants, named as in the standard, in carrier cycles (1/fc) where the standard
 * counts cycles (docs/sources.md#f1-1–#f1-4). Times stay integer cycles until `cyclesToNs` at the edge.
 */
import { FC_HZ, ms, type TimeNs } from '../units.js';

/** Carrier fc, Hz (ISO/IEC 14443-2 §6.1; docs/sources.md#f1-1). */
export const FC = FC_HZ;

/** Bit rates by their nominal name (kbit/s) → divisor D (carrier cycles per bit/etu) — ISO/IEC 14443-2 §9; docs/sources.md#f1-1. */
export const ETU_CYCLES = { 106: 128, 212: 64, 424: 32, 848: 16 } as const;
export type BitRateKbps = keyof typeof ETU_CYCLES;
export const BIT_RATES_KBPS: readonly BitRateKbps[] = [106, 212, 424, 848];

/** Bit time (etu) in µs: D/fc — docs/sources.md#f1-1 (V1). */
export function etuUs(bitRateKbps: BitRateKbps): number {
  return (ETU_CYCLES[bitRateKbps] / FC) * 1e6;
}
/** Bit rate in kbit/s: fc/D — docs/sources.md#f1-1 (V1). */
export function bitRateKbitPerS(bitRateKbps: BitRateKbps): number {
  return FC / ETU_CYCLES[bitRateKbps] / 1e3;
}
/** Load-modulation subcarrier fs = fc/16, Hz — ISO/IEC 14443-2 §8.2; docs/sources.md#f1-1. */
export const FS_HZ = FC / 16;

/** Type A FDT PICC→PCD for n = 9: (n·128 + 20)/fc when the last PCD bit is 0 — ISO/IEC 14443-3 §6.2.1.1; docs/sources.md#f1-3 (V2). */
export const FDT_A_LAST_BIT_0_CYCLES = 1172;
/** Type A FDT PICC→PCD for n = 9: (n·128 + 84)/fc when the last PCD bit is 1 — ISO/IEC 14443-3 §6.2.1.1; docs/sources.md#f1-3 (V2). */
export const FDT_A_LAST_BIT_1_CYCLES = 1236;
/** General Type A FDT (n·128 + 84 or + 20)/fc in cycles, n ≥ 9 — docs/sources.md#f1-3. */
export function fdtACycles(n: number, lastBit: 0 | 1): number {
  return n * 128 + (lastBit === 1 ? 84 : 20);
}

/** FWT = (256·16/fc)·2^FWI in cycles, FWI 0…14 — ISO/IEC 14443-4 §7.2; docs/sources.md#f1-3 (V3). */
export function fwtCycles(fwi: number): number {
  const cycles = FWT_CYCLES_BY_FWI[fwi];
  if (cycles === undefined) throw new Error(`FWI must be an integer 0…14 (got ${fwi})`);
  return cycles;
}
/** 4096·2^FWI for FWI 0…14, tabulated (looked up once per APDU). */
const FWT_CYCLES_BY_FWI: readonly number[] = Array.from({ length: 15 }, (_, fwi) => 4096 * 2 ** fwi);
/** FWT during activation (RATS→ATS) = 71680/fc — ISO/IEC 14443-4 §5.2; docs/sources.md#f1-3 (V3). */
export const FWT_ACTIVATION_CYCLES = 71680;
/** ΔFWT tolerance 49152/fc — EMVCo; docs/sources.md#f1-3. */
export const DELTA_FWT_CYCLES = 49152;
/** SFGT = (256·16/fc)·2^SFGI in cycles, SFGI 1…14; SFGI = 0 means no extra guard — ISO/IEC 14443-4 §5.2.5; docs/sources.md#f1-3. */
export function sfgtCycles(sfgi: number): number {
  return sfgi === 0 ? 0 : 4096 * 2 ** sfgi;
}

/** PCD unmodulated field before the first command: ≥ 5.1 ms — ISO/IEC 14443-3 §6.2.1 / docs/sources.md#f1-2 (S14, S15). */
export const POLL_GUARD_TIME_NS: TimeNs = ms(5.1);
/** PICC start-up: accepts a request within 5 ms of an unmodulated field — docs/sources.md#f1-2 (S14). */
export const PICC_STARTUP_NS: TimeNs = ms(5);
/** Wait after HLTA, library constant — docs/sources.md#f1-3 (S5). */
export const HLTA_WAIT_NS: TimeNs = ms(1.1);

/** Type A short frame (REQA/WUPA): S + 7 data bits + E = 9 bits — ISO/IEC 14443-3 §6.3.1; docs/sources.md#f2-4. */
export const TYPE_A_SHORT_FRAME_BITS = 9;
/** Type A standard frame: S + 9 bits per byte (8 data + odd parity) + E — ISO/IEC 14443-3 §6.3.2; docs/sources.md#f2-4. */
export function typeAFrameBits(bytes: number): number {
  return 2 + 9 * bytes;
}

/** Type B character: start + 8 data + stop = 10 etu — ISO/IEC 14443-3 §7.1; docs/sources.md#f1-4. */
export const TYPE_B_CHARACTER_ETU = 10;
/** Type B SOF: 10–11 etu low then 2–3 etu high; minimum 12 etu — docs/sources.md#f1-4. */
export const TYPE_B_SOF_MIN_ETU = 12;
/** Type B EOF: 10–11 etu low; minimum 10 etu — docs/sources.md#f1-4. */
export const TYPE_B_EOF_MIN_ETU = 10;
/** Type B frame length in etu: SOF + 10·bytes + EOF (no extra guard time) — docs/sources.md#f1-4. */
export function typeBFrameEtu(bytes: number, sofEtu = TYPE_B_SOF_MIN_ETU, eofEtu = TYPE_B_EOF_MIN_ETU): number {
  return sofEtu + TYPE_B_CHARACTER_ETU * bytes + eofEtu;
}
/** Type B TR2 (default TxWait, PICC frame end → next PCD frame) = 6780/fc — docs/sources.md#f1-3 (S6). */
export const TR2_B_DEFAULT_CYCLES = 6780;
/** Type B TR1 limits 80/fs … 200/fs = 1280 … 3200 cycles — docs/sources.md#f1-3 (S3). */
export const TR1_B_MIN_CYCLES = 1280;
export const TR1_B_MAX_CYCLES = 3200;
/** Type B TR0 max ≈ 256/fs = 4096/fc — [U] docs/sources.md#f1-3. */
export const TR0_B_MAX_CYCLES = 4096;

/** FSCI → FSC (bytes) — ISO/IEC 14443-4 §5.2.3; docs/sources.md#f2-1 [S-weak]. */
export const FSC_BYTES = [16, 24, 32, 40, 48, 64, 96, 128, 256] as const;

/** Carrier cycles → integer ns (rounded): cycles·10⁹/fc — docs/sources.md#f1-1. */
export function cyclesToNs(cycles: number): TimeNs {
  return Math.round((cycles * 1e9) / FC);
}
/** Carrier cycles → ms (floating point). */
export function cyclesToMs(cycles: number): number {
  return (cycles * 1e3) / FC;
}

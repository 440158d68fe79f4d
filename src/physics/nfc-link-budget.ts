/**
 * 13.56 MHz link budget between a circular reader loop and a card/phone coil (docs/sources.md#f1-2, #f3-1–#f3-3, #f4-2).
 *
 * Powering (reader → carrier): the carrier is powered when the effective field
 *   H_eff = H_n · 10^(−couplingLossDb/20) · |1/(1 + j2QΔf/f)|
 * reaches its antenna class's Hmin. H_n is the field normal to the (tilted, offset) carrier plane.
 * Uplink (carrier → reader, passive load modulation): the reflected impedance is (ωM)²/Z2, so the
 * modulation amplitude at the reader is ΔV ≈ V1·k²·Q2·m (∝ k², ≈ 1/x⁶ far out; docs/sources.md#f3-2), against a
 * receiver noise floor; SNR → bit error rate of the subcarrier modulation → frame error rate.
 * Everything is pure; `prepareNfcLink` folds per-tap constants so an evaluation is one off-axis field
 * computation, a few multiplies and one erfc.
 */
import { FC_HZ, MU0_H_PER_M } from '../units.js';
import { circularLoopNormalFieldAPerM } from './loop-field.js';
import { detuningAmplitudeRatio } from './coupling.js';
import { closeCouplingDetuningLossDb } from './close-coupling.js';
import { readerLoopNormalFieldPerAmpereTurnPerM, type ReaderLoopShape } from './reader-loop-shape.js';

/** Hmin by PICC antenna class, A/m — [S] docs/sources.md#f1-2 (classes 2, 4, 5 unsourced: pass Hmin directly). */
export const PICC_CLASS_HMIN_A_PER_M = { 1: 1.5, 3: 1.5, 6: 4.5 } as const;
/** Hmax by PICC antenna class, A/m — [S] docs/sources.md#f1-2. */
export const PICC_CLASS_HMAX_A_PER_M = { 1: 7.5, 3: 8.5, 6: 18 } as const;

export interface ReaderAntennaParams {
  /** Circular loop radius, m (the loop when `loop` is absent). */
  radiusM: number;
  /** Loop shape (reader-loop-shape.ts); absent: the circle of `radiusM`. */
  loop?: ReaderLoopShape;
  /** Drive N·I, A rms. */
  ampereTurnsA: number;
  turns: number;
  inductanceH: number;
  /** Receiver noise referred to the antenna, V rms in the subcarrier detection bandwidth. */
  noiseRmsV: number;
}

export interface CarrierAntennaParams {
  /** Minimum operating field of the antenna class, A/m (docs/sources.md#f1-2). */
  hminAPerM: number;
  turns: number;
  areaM2: number;
  inductanceH: number;
  /** Quality factor of the carrier's resonant antenna. */
  q: number;
  /** Relative change of the carrier's load when it modulates (0…1). */
  modulationDepth: number;
  /** PICC→PCD modulation: Type A OOK-Manchester subcarrier, Type B BPSK subcarrier (docs/sources.md#f1-1). */
  uplinkModulation: 'ook-manchester' | 'bpsk';
  /** Hmax of the antenna class, A/m — the reader's compliance limit for this carrier (docs/sources.md#f1-2); absent: none shown. */
  hmaxAPerM?: number;
  /**
   * Close coupling (close-coupling.ts): the carrier's own resonance, Hz, and loaded Q. Absent: no
   * close-coupling detuning (phones: their detuning is `detuningHz`).
   */
  closeCoupling?: { resonanceHz: number; loadedQ: number };
}

/**
 * Gate reader [E], calibrated: a 100 mm-diameter loop (a = 50 mm, 2 turns, 1 µH) driven at N·I = 0.75 A
 * so the field in the reader plane is Hmax of Class 1 (7.5 A/m, docs/sources.md#f1-2) and Hmin (1.5 A/m) is reached
 * on axis at 6.95 cm (ID-1 read range 6–8 cm; docs/sources.md#f4-1). Noise 12 mV rms: [E] calibrated so the uplink
 * is never the limit for an ID-1 card (SNR ≈ 18.5 dB at 7 cm, ≈ 13.6 dB at 8 cm) and for the median phone
 * (4 dB loss, 200 kHz detuning) binds ≈ 1.3 cm beyond its 4.15 cm powering range (SNR 11.5 dB, BER ≈ 1e-4, at ≈ 5.4 cm).
 */
export const DEFAULT_GATE_READER_ANTENNA: ReaderAntennaParams = {
  radiusM: 0.05, // [E] docs/sources.md#f3-1 (a ≈ x rule of thumb)
  ampereTurnsA: 0.75, // [E] docs/sources.md#f1-2 Hmax 7.5 A/m at the centre
  turns: 2, // [E] docs/sources.md#f3-2 example
  inductanceH: 1e-6, // [E] docs/sources.md#f3-2 example
  noiseRmsV: 12e-3, // [E] calibrated, see above
};

/** ID-1 card coil [E]: Class 1, N = 4, A = 0.0024 m², L = 2.5 µH, Q = 35 — docs/sources.md#f1-2, #f3-2, #f3-3. */
export const DEFAULT_ID1_CARD_ANTENNA: CarrierAntennaParams = {
  hminAPerM: PICC_CLASS_HMIN_A_PER_M[1], // [S] docs/sources.md#f1-2
  turns: 4, // [E] docs/sources.md#f3-2
  areaM2: 0.0024, // [E] docs/sources.md#f3-2
  inductanceH: 2.5e-6, // [E] docs/sources.md#f3-2
  q: 35, // [E] docs/sources.md#f3-3 card Q 30–40
  modulationDepth: 0.1, // [E] docs/sources.md#f3-2 load modulation
  uplinkModulation: 'ook-manchester',
  hmaxAPerM: PICC_CLASS_HMAX_A_PER_M[1], // [S] docs/sources.md#f1-2
  closeCoupling: { resonanceHz: 16e6, loadedQ: 5 }, // [D from S-weak] / [E], as DEFAULT_CARD_SPREAD (card-spread.ts)
};

/** Phone NFC antenna [E]: Class 3 (Hmin 1.5 A/m), 30 × 50 mm, 4 turns, 1.5 µH, Q 35 — docs/sources.md#f1-2, #f4-2. */
export const DEFAULT_PHONE_ANTENNA: CarrierAntennaParams = {
  hminAPerM: PICC_CLASS_HMIN_A_PER_M[3], // [S] docs/sources.md#f1-2
  turns: 4, // [E] docs/sources.md#f4-2
  areaM2: 0.0015, // [E] docs/sources.md#f4-2 (antenna behind ferrite)
  inductanceH: 1.5e-6, // [E] docs/sources.md#f4-2
  q: 35, // [E] docs/sources.md#f3-3
  modulationDepth: 0.1, // [E] docs/sources.md#f3-2
  uplinkModulation: 'ook-manchester',
  hmaxAPerM: PICC_CLASS_HMAX_A_PER_M[3], // [S] docs/sources.md#f1-2
};

/**
 * Rectangular gate reader loop [E]: 80 × 50 mm (the equal-area circle has a = 35.7 mm; reader-loop-shape.ts),
 * used when a scenario sets `shape: rectangle` without a size (docs/sources.md#f3-1).
 */
export const DEFAULT_RECTANGULAR_READER_LOOP = { widthM: 0.08, lengthM: 0.05 } as const; // [E]

/** The reader's loop: `loop` if given, else the circle of `radiusM`. */
export function readerLoopOf(reader: ReaderAntennaParams): ReaderLoopShape {
  return reader.loop ?? { shape: 'circle', radiusM: reader.radiusM };
}

/** Per-tap folded constants (plain numbers). */
export interface PreparedNfcLink {
  radiusM: number;
  /** The reader loop (circle of `radiusM` unless the reader is rectangular). */
  loop: ReaderLoopShape;
  /** H_eff per unit normal field per ampere-turn: N·I·couplingGain·detuning, A. */
  fieldScaleA: number;
  hminAPerM: number;
  /** SNR = snrScale · h⁴ with h the normal field per ampere-turn (1/m). */
  snrScaleM4: number;
  /** true: BPSK; false: OOK-Manchester. */
  bpsk: boolean;
  /** Coupling coefficient per unit normal field per ampere-turn, m (k = kPerFieldM·h, docs/sources.md#f3-2). */
  kPerFieldM: number;
  /** The carrier's close-coupling resonance and loaded Q, or null (no close-coupling detuning). */
  closeCoupling: { resonanceHz: number; loadedQ: number } | null;
}

/**
 * Fold reader, carrier and per-tap draws into constants — docs/sources.md#f3-2, #f3-3, #f4-2.
 * @param couplingLossDb extra loss of the carrier's effective coupling area (phone body), dB ≥ 0
 * @param detuningHz resonance shift Δf of the carrier, Hz
 */
export function prepareNfcLink(reader: ReaderAntennaParams, carrier: CarrierAntennaParams, couplingLossDb: number, detuningHz: number): PreparedNfcLink {
  const gain = 10 ** (-couplingLossDb / 20);
  const detune = detuningAmplitudeRatio(carrier.q, detuningHz, FC_HZ); // docs/sources.md#f3-3
  // docs/sources.md#f3-2: M = μ0·N1·N2·A2·h (h = H_n/(N1·I1)), k = M/√(L1L2); the coupling loss scales the effective area.
  const kPerH = (MU0_H_PER_M * reader.turns * carrier.turns * carrier.areaM2 * gain) / Math.sqrt(reader.inductanceH * carrier.inductanceH);
  // Reader coil voltage V1 = ω·L1·I1, I1 = N·I/N1.
  const v1 = 2 * Math.PI * FC_HZ * reader.inductanceH * (reader.ampereTurnsA / reader.turns);
  // docs/sources.md#f3-2: ΔV = V1·k²·Q2·m (reflected (ωM)²/Z2), reduced by detuning of the card current.
  const dvPerH2 = v1 * kPerH * kPerH * carrier.q * carrier.modulationDepth * detune;
  const snrScale = (dvPerH2 / reader.noiseRmsV) ** 2;
  return {
    radiusM: reader.radiusM,
    loop: readerLoopOf(reader),
    fieldScaleA: reader.ampereTurnsA * gain * detune,
    hminAPerM: carrier.hminAPerM,
    snrScaleM4: snrScale,
    bpsk: carrier.uplinkModulation === 'bpsk',
    kPerFieldM: kPerH,
    closeCoupling: carrier.closeCoupling ?? null,
  };
}

/**
 * Normal field per ampere-turn at the carrier (1/m): circular loop off axis, tilted plane —
 * docs/sources.md#f3-1 (H_n = H_z cos t + H_ρ sin t).
 */
export function normalFieldPerAmpereTurnPerM(radiusM: number, heightM: number, offsetM: number, tiltRad: number): number {
  return Math.abs(circularLoopNormalFieldAPerM(1, radiusM, offsetM, heightM, tiltRad));
}

/**
 * Effective field at the carrier, A/m (compare with Hmin) — docs/sources.md#f1-2, #f3-1, #f4-2. A rectangular
 * loop takes the offset along its width axis (x) and the tilt about the perpendicular axis unless
 * `offsetAngleRad` / `tiltAxisRad` say otherwise (reader-loop-shape.ts).
 */
export function effectiveFieldAPerM(p: PreparedNfcLink, heightM: number, offsetM: number, tiltRad: number, offsetAngleRad = 0, tiltAxisRad = offsetAngleRad + Math.PI / 2): number {
  if (p.loop.shape === 'circle') return p.fieldScaleA * normalFieldPerAmpereTurnPerM(p.radiusM, heightM, offsetM, tiltRad);
  return p.fieldScaleA * Math.abs(readerLoopNormalFieldPerAmpereTurnPerM(p.loop, heightM, offsetM, offsetAngleRad, tiltRad, tiltAxisRad));
}

/** Uplink SNR (linear, per bit) at the reader — docs/sources.md#f3-2 (∝ k⁴ in power, ∝ k² in amplitude). */
export function uplinkSnr(p: PreparedNfcLink, heightM: number, offsetM: number, tiltRad: number): number {
  const h = normalFieldPerAmpereTurnPerM(p.radiusM, heightM, offsetM, tiltRad);
  return p.snrScaleM4 * h * h * h * h;
}

/**
 * Powering factor (≤ 1 for a card tuned above 13.56 MHz) of close-coupling detuning at a normal field per
 * ampere-turn `h` (1/m): 10^(−loss/20) with the loss of `closeCouplingDetuningLossDb` at k = kPerFieldM·h
 * (close-coupling.ts, docs/sources.md#f3-2, #f3-3), k capped at 0.99. 1 without a close-coupling model.
 */
export function closeCouplingPowerFactor(p: PreparedNfcLink, h: number): number {
  const cc = p.closeCoupling;
  if (cc === null) return 1;
  return 10 ** (-closeCouplingDetuningLossDb(cc.resonanceHz, Math.min(p.kPerFieldM * h, 0.99), cc.loadedQ) / 20);
}

/** Complementary error function (Numerical Recipes erfcc, fractional error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * Bit error rate at SNR (linear): BPSK Q(√(2·snr)) = ½erfc(√snr); coherent OOK-Manchester
 * Q(√snr) = ½erfc(√(snr/2)) — docs/sources.md#f1-1 (subcarrier modulations).
 */
export function bitErrorRate(snr: number, bpsk: boolean): number {
  return 0.5 * erfc(Math.sqrt(bpsk ? snr : snr / 2));
}

/** Frame error rate for n independent bits: 1 − (1 − BER)^n. */
export function frameErrorRate(ber: number, bits: number): number {
  return ber <= 0 ? 0 : -Math.expm1(bits * Math.log1p(-Math.min(ber, 0.5)));
}

/**
 * One link evaluation: −1 when the carrier is unpowered (H_eff < Hmin), else the loss probability of an
 * uplink frame of `bits` bits — docs/sources.md#f1-2, #f3-1–#f3-3.
 */
export function evaluateNfcLink(p: PreparedNfcLink, heightM: number, offsetM: number, tiltRad: number, bits: number): number {
  return frameErrorFromField(p, normalFieldPerAmpereTurnPerM(p.radiusM, heightM, offsetM, tiltRad), bits);
}

/** As `evaluateNfcLink`, from the normal field per ampere-turn already computed at the carrier (A/m per A). */
export function frameErrorFromField(p: PreparedNfcLink, fieldPerAmpereTurnPerM: number, bits: number): number {
  const h = fieldPerAmpereTurnPerM;
  if (p.fieldScaleA * h < p.hminAPerM) return -1;
  const h2 = h * h;
  const snr = p.snrScaleM4 * h2 * h2;
  if (snr > 200) return 0; // BER < 1e-44: skip erfc
  return frameErrorRate(bitErrorRate(snr, p.bpsk), bits);
}

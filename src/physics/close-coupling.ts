/**
 * Close coupling: a card on the reader detunes (issue 17), from the mutual inductance of coupling.ts
 * (docs/sources.md#f3-2, #f3-3). No failure probability is invented: the result is a resonance shift
 * and the field loss it causes through the card's resonance curve.
 *
 * Derivation [D] (circuit theory, reflected impedance (ωM)²/Z of docs/sources.md#f3-2). Reader loop
 * current I1 with loop impedance Z1, card loop Z2 = R2 + jωL2 + 1/(jωC2), mutual inductance M:
 *   Z1·I1 + jωM·I2 = V1,  Z2·I2 + jωM·I1 = 0  ⇒  I2·(Z2 + (ωM)²/Z1) = −jωM·V1/Z1.
 * The card sees its own impedance plus (ωM)²/Z1. If the reader side is low-impedance and inductive at
 * the card's resonance — a voltage-driven loop whose impedance there is ≈ jωL1 (source resistance and
 * loop resistance ≪ ωL1, no series resonance near f_res) — then (ωM)²/(jωL1) = −jω·M²/L1, so the card's
 * inductance becomes L2 − M²/L1 = L2·(1 − k²) and
 *   f_res,eff = f_res/√(1 − k²)   (+0.66 % at k 0.114, +4.8 % at k 0.3).
 * A current-driven (high-impedance) reader loop reflects nothing (the shift is 0); two loops tuned to the
 * same f0 split into f0/√(1 ± k). Which applies depends on the reader's matching network, which no
 * source gives (the issue 17 research found none); the formula here is the low-impedance limit the research
 * proposes, [D] with that assumption. Cards are tuned above 13.56 MHz (docs/sources.md#f3-3, S26), so
 * the upward shift moves them further off the carrier: a loss, largest at 0 cm.
 */
import { FC_HZ } from '../units.js';
import { couplingCoefficient, detuningAmplitudeRatio, mutualInductanceFromFieldH } from './coupling.js';

/**
 * Coupling coefficient between a reader loop and a small carrier coil from the normal field per
 * ampere-turn at the carrier: k = μ0·N1·N2·A2·h/√(L1·L2) (docs/sources.md#f3-2). Point field × area, so
 * it overestimates k where the field varies across the coil (close to the winding).
 */
export function closeCouplingCoefficient(
  readerTurns: number,
  readerInductanceH: number,
  carrierTurns: number,
  carrierAreaM2: number,
  carrierInductanceH: number,
  normalFieldPerAmpereTurnPerM: number,
): number {
  const m = mutualInductanceFromFieldH(readerTurns, carrierTurns, carrierAreaM2, Math.abs(normalFieldPerAmpereTurnPerM));
  return couplingCoefficient(m, readerInductanceH, carrierInductanceH);
}

/** The card's resonance under coupling k to a low-impedance reader loop, Hz: f_res/√(1 − k²) (derivation above). Throws unless 0 ≤ k < 1. */
export function closeCouplingResonanceHz(resonanceHz: number, couplingK: number): number {
  if (!(couplingK >= 0 && couplingK < 1)) throw new RangeError(`coupling coefficient must be in [0, 1), got ${couplingK}`);
  return resonanceHz / Math.sqrt(1 - couplingK * couplingK);
}

/**
 * Field loss from the close-coupling shift, dB (positive = the card harvests less than uncoupled):
 * 20·log10(D(f_res) / D(f_res,eff)) with D the single-pole resonance factor 1/√(1 + (2Q_L·Δf/f_c)²)
 * of docs/sources.md#f3-3, Δf = resonance − carrier. Negative (a gain) for a card tuned below the
 * carrier that the shift brings closer.
 * @param loadedQ the card's loaded Q (chip in parallel): [E] 5, range 3–10 (no source; an NTAG-class estimate of ≈ 10 exists only in secondary notes);
 *   the unloaded coil Q (30–40) would lose 17–25 dB at 15–17 MHz, incompatible with 10 cm ranges (S26)
 */
export function closeCouplingDetuningLossDb(resonanceHz: number, couplingK: number, loadedQ: number, carrierHz = FC_HZ): number {
  const shifted = closeCouplingResonanceHz(resonanceHz, couplingK);
  const uncoupled = detuningAmplitudeRatio(loadedQ, resonanceHz - carrierHz, carrierHz);
  const coupled = detuningAmplitudeRatio(loadedQ, shifted - carrierHz, carrierHz);
  return 20 * Math.log10(uncoupled / coupled);
}

/**
 * Secure elements: where a carrier's card application runs, and what that costs per APDU on top
 * of the flow's command processing (link/apdu-flows.ts). The secure element is the carrier's, not
 * the band's: the same SE costs the same on 13.56 MHz and on 2.45 GHz (docs/architecture.md#tap-timeline).
 *
 * - card: the plastic card's own chip — no link, the flow's processing as it stands; the fDDA RSA
 *   cost spread over the measured chips (docs/sources.md#f10-4).
 * - sim-swp: a SIM (UICC) secure element behind the phone's NFC controller over the Single Wire
 *   Protocol (ETSI TS 102 613, docs/sources.md#f10-5): each APDU crosses SWP both ways; SIM-class crypto
 *   (the Taisys SIM row of docs/sources.md#f10-4). An RF-SIM carries its radio in the SIM, so on
 *   2.45 GHz the SWP hop is an upper bound — kept so the SE costs the same on both bands.
 * - ese: an embedded SE beside the NFC controller (SPI-class link); JCOP-class crypto (docs/sources.md#f10-4).
 * - hce: host card emulation — the phone's application processor answers: the app's service wakes
 *   on the first APDU, every APDU is a host round trip, host crypto is fast (docs/sources.md#f10-5).
 */
import { sample, type Distribution } from '../random/distributions.js';
import type { RandomStream } from '../random/stream.js';
import { ms, type TimeNs } from '../units.js';
import { SE_CRYPTO_COST_MS, type ApduStep } from './apdu-flows.js';

export const SECURE_ELEMENTS = ['card', 'sim-swp', 'ese', 'hce'] as const;
export type SecureElementKind = (typeof SECURE_ELEMENTS)[number];

export interface SecureElementParams {
  kind: SecureElementKind;
  /** Bit rate of the link between the RF front end and the SE, bit/s; null: none (a card's chip is the front end). */
  linkBitRateBps: number | null;
  /** Per-APDU fixed cost of that link (framing, acknowledgements, routing in the NFC controller / host IPC), ms. */
  perApduMs: Distribution;
  /** Extra time on the first APDU of a tap (an HCE app's service waking), ms. */
  firstApduMs: Distribution;
  /** Scale on the flow's command processing (Java Card handling on a card; host code under HCE). */
  processingScale: number;
  /** One RSA-1024 CRT private operation (fDDA in GPO), ms. */
  rsa1024CrtMs: Distribution;
}

const constant = (value: number): Distribution => ({ kind: 'constant', value });
const R = SE_CRYPTO_COST_MS.rsa1024CrtPrivate;

/** RSA-1024 CRT private spread evenly over the measured chips (15–85 ms), [D] docs/sources.md#f10-4. */
export const MEASURED_CHIPS_RSA1024_MS: Distribution = { kind: 'empirical', values: [R.jcop4, R.secoraIdX, R.spa1, R.taisysSim, R.secoraIdXOther], cumulative: [0, 0.25, 0.5, 0.75, 1] };

/** The defaults of each SE kind; every number cites its source or is [E] with its reason. */
export const SECURE_ELEMENT_DEFAULTS: Readonly<Record<SecureElementKind, SecureElementParams>> = {
  card: { kind: 'card', linkBitRateBps: null, perApduMs: constant(0), firstApduMs: constant(0), processingScale: 1, rsa1024CrtMs: MEASURED_CHIPS_RSA1024_MS },
  'sim-swp': {
    kind: 'sim-swp',
    linkBitRateBps: 1.6e6, // [E] docs/sources.md#f10-5: SWP runs ≈ 0.1–1.7 Mbit/s (ETSI TS 102 613); the top class
    perApduMs: { kind: 'uniform', min: 1, max: 3 }, // [E] SHDLC/HCI framing, acks and CLF routing both ways; no measured value
    firstApduMs: constant(0), // a SIM SE is powered with the NFC controller's field detection: no wake-up [E]
    processingScale: 1, // [E] a SIM applet is a Java Card applet like a card's
    rsa1024CrtMs: constant(R.taisysSim), // [S] docs/sources.md#f10-4 Taisys SIMoME Vault (SIM form factor) 56.3 ms
  },
  ese: {
    kind: 'ese',
    linkBitRateBps: 10e6, // [E] SPI-class link between NFC controller and eSE (no value in docs/sources.md)
    perApduMs: { kind: 'uniform', min: 0.5, max: 1.5 }, // [E] routing in the NFC controller; no measured value
    firstApduMs: constant(0), // [E]
    processingScale: 1, // [E] Java Card
    rsa1024CrtMs: constant(R.jcop4), // [E] eSEs are JCOP-class chips: the NXP JCOP4 row of docs/sources.md#f10-4, 15.0 ms
  },
  hce: {
    kind: 'hce',
    linkBitRateBps: null, // the NFC controller hands APDUs to the host: the cost is the round trip below
    perApduMs: { kind: 'uniform', min: 3, max: 8 }, // [E] host round trip (NFC service → app → back), calibrated so qPBOC on HCE lands in docs/sources.md#f10-2's Google Pay 165–250 ms
    firstApduMs: { kind: 'uniform', min: 20, max: 60 }, // [E] the HCE service binding on the first SELECT (docs/sources.md#f10-5), calibrated as above
    processingScale: 0.1, // [E] host code on an application processor, ≈ 10× a Java Card's command handling
    rsa1024CrtMs: constant(1), // [E] software RSA-1024 on a phone CPU ≈ 1 ms
  },
};

/** The SE of a kind, with the defaults above. */
export function secureElement(kind: SecureElementKind): SecureElementParams {
  return SECURE_ELEMENT_DEFAULTS[kind];
}

/**
 * The SE time of one APDU, ns: the step's command processing (× the SE's scale), its crypto on
 * this SE, the link both ways and, on the first APDU, the wake-up. Draws in a fixed order
 * (processing, crypto, link, wake-up) whatever band carries the APDU.
 */
export function seProcessingNs(se: SecureElementParams, step: ApduStep, index: number, rng: RandomStream): TimeNs {
  let totalMs = se.processingScale * Math.max(0, sample(rng, step.cardProcessingMs));
  if (step.crypto === 'rsa1024-crt') totalMs += Math.max(0, sample(rng, se.rsa1024CrtMs));
  if (se.linkBitRateBps !== null) totalMs += ((step.commandBytes + step.responseBytes) * 8 * 1e3) / se.linkBitRateBps;
  totalMs += Math.max(0, sample(rng, se.perApduMs));
  if (index === 0) totalMs += Math.max(0, sample(rng, se.firstApduMs));
  return ms(totalMs);
}

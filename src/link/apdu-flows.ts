/**
 * Payment and ticketing exchanges as data (docs/sources.md#f10): command/response sizes in bytes (C-APDU incl.
 * header, R-APDU incl. SW1 SW2) and processing-time distributions in ms. Sizes are typical values
 * [E] from the traces cited in docs/sources.md#f10-1/#f10-3; crypto costs default to docs/sources.md#f10-4.
 */
import type { Distribution } from '../random/distributions.js';

export interface ApduStep {
  name: string;
  /** Command bytes on air (without ISO-DEP prologue/CRC). */
  commandBytes: number;
  /** Response bytes on air (without ISO-DEP prologue/CRC). */
  responseBytes: number;
  /** Card/SE processing between command and response, ms. */
  cardProcessingMs: Distribution;
  /** Terminal-side work before this command (e.g. PSAM MAC1), ms; the carrier must stay in the field. */
  terminalBeforeMs?: Distribution;
  /** A public-key operation in the card whose cost depends on the secure element (link/secure-element.ts): added to `cardProcessingMs`. */
  crypto?: 'rsa1024-crt';
}

/** How the steps travel: ISO-DEP I-blocks, native layer-3 frames (MIFARE Classic) or no RF (QR). */
export type FlowProtocol = 'iso-dep' | 'native' | 'optical';

export interface ApduFlow {
  name: string;
  protocol: FlowProtocol;
  steps: readonly ApduStep[];
  /** Reader/terminal turnaround before every command (kernel, host CPU), ms. */
  pcdTurnaroundMs: Distribution;
  /** Terminal work after the last frame (e.g. PSAM verifies MAC2), ms; counted in latency, the carrier may leave. */
  afterLastFrameMs: Distribution;
}

const constant = (value: number): Distribution => ({ kind: 'constant', value });

/** Secure-element crypto costs, ms per operation (JCAlgTest) — [S] docs/sources.md#f10-4. */
export const SE_CRYPTO_COST_MS = {
  rsa1024CrtPrivate: { jcop4: 15.0, secoraIdX: 25.7, spa1: 27.0, secoraIdXOther: 85.1, taisysSim: 56.3 },
  rsa2048CrtPrivate: { jcop4: 53.2, secoraIdX: 62.3, spa1: 64.8, secoraIdXOther: 200.2, taisysSim: 190.5 },
  tdesMac256B: { jcop4: 2.19, j3h081: 14.3 },
  aes128Cbc256B: { jcop4: 1.86, secoraIdX: 1.02, spa1: 1.14, secoraIdXOther: 7.13, taisysSim: 8.16, j3h081: 9.58 },
  sha1_256B: 5.3,
  sha256_256B: 7.9,
} as const;

/** GPO handling besides the RSA operation: PDOL parsing, ATC, cryptogram — [E] docs/sources.md#f10-1. */
export const GPO_HANDLING_MS = 25;

/**
 * GPO with fDDA: one RSA-1024 CRT private operation, spread evenly over the measured chips
 * ([D] docs/sources.md#f10-4: 15–85 ms), plus `handlingMs` for PDOL parsing, ATC and cryptogram ([E] docs/sources.md#f10-1).
 */
export function gpoWithFddaMs(handlingMs = GPO_HANDLING_MS): Distribution {
  const r = SE_CRYPTO_COST_MS.rsa1024CrtPrivate;
  const values = [r.jcop4, r.secoraIdX, r.spa1, r.taisysSim, r.secoraIdXOther].map((v) => v + handlingMs);
  return { kind: 'empirical', values, cumulative: [0, 0.25, 0.5, 0.75, 1] };
}

/** Java Card command handling (SELECT, READ RECORD): lognormal, median 12 ms — [E] docs/sources.md#f10-2 (315–325 ms plastic-card taps). */
const JC_COMMAND_MS: Distribution = { kind: 'lognormal', mu: Math.log(12), sigma: 0.3 };

/**
 * qPBOC / EMV contactless (docs/sources.md#f10-1): SELECT PPSE, SELECT AID, GPO (fDDA in the card), READ RECORD × k.
 * @param readRecords k — [E] docs/sources.md#f10-1 (1–4; default 2, giving 5 APDUs within the 4–8 of #f10-1)
 */
export function qpbocFlow(readRecords = 2): ApduFlow {
  const steps: ApduStep[] = [
    // 00 A4 04 00 0E "2PAY.SYS.DDF01" 00 → FCI with the directory entry  [E] docs/sources.md#f10-1
    { name: 'SELECT PPSE', commandBytes: 20, responseBytes: 50, cardProcessingMs: JC_COMMAND_MS },
    // 00 A4 04 00 08 A000000333010101 00 → FCI with PDOL  [E] docs/sources.md#f10-1
    { name: 'SELECT AID', commandBytes: 14, responseBytes: 60, cardProcessingMs: JC_COMMAND_MS },
    // 80 A8 00 00 Lc 83 .. PDOL (TTQ, amount, UN, …) 00 → 77 template with 9F26/9F36/57/9F10 and the fDDA SDAD 9F4B (128 B)  [E] docs/sources.md#f10-1
    // Handling here; the fDDA RSA operation is the secure element's (link/secure-element.ts; a card: gpoWithFddaMs's spread).
    { name: 'GPO', commandBytes: 41, responseBytes: 200, cardProcessingMs: constant(GPO_HANDLING_MS), crypto: 'rsa1024-crt' },
  ];
  for (let i = 0; i < readRecords; i++) {
    // 00 B2 rr (sfi<<3|4) 00 → records with certificates  [E] docs/sources.md#f10-1
    steps.push({ name: `READ RECORD ${i + 1}`, commandBytes: 5, responseBytes: i === 0 ? 180 : 150, cardProcessingMs: JC_COMMAND_MS });
  }
  return {
    name: 'qpboc',
    protocol: 'iso-dep',
    steps,
    pcdTurnaroundMs: { kind: 'uniform', min: 20, max: 30 }, // [E] docs/sources.md#f10-2 reader overhead ≈ 100–120 ms per tap
    afterLastFrameMs: constant(0),
  };
}

/**
 * Transit e-purse purchase, PBOC/JT CPU card (docs/sources.md#f10-3): SELECT ADF, READ (0x15 public, 0x17 trip record),
 * INITIALIZE FOR PURCHASE, PSAM MAC1, DEBIT FOR PURCHASE → TAC/MAC2, PSAM verifies MAC2 after the last frame.
 */
export function transitEpurseFlow(): ApduFlow {
  return {
    name: 'transit-epurse',
    protocol: 'iso-dep',
    steps: [
      { name: 'SELECT ADF', commandBytes: 7, responseBytes: 32, cardProcessingMs: { kind: 'uniform', min: 3, max: 8 } }, // [E] docs/sources.md#f10-3
      { name: 'READ BINARY 15', commandBytes: 5, responseBytes: 32, cardProcessingMs: { kind: 'uniform', min: 2, max: 5 } }, // [E] docs/sources.md#f10-3
      { name: 'READ RECORD 17', commandBytes: 5, responseBytes: 50, cardProcessingMs: { kind: 'uniform', min: 2, max: 5 } }, // [E] docs/sources.md#f10-3
      // 80 50 01 02 0B + key idx + amount(4) + terminal(6) + Le → balance, seq, overdraft, key ver, alg, random (15 B + SW)
      { name: 'INITIALIZE FOR PURCHASE', commandBytes: 17, responseBytes: 17, cardProcessingMs: { kind: 'uniform', min: 6, max: 15 } }, // [E] 3DES session key, docs/sources.md#f10-3/#f10-4
      // 80 54 01 00 0F + terminal seq(4) + date/time(7) + MAC1(4) + Le → TAC(4) + MAC2(4) + SW
      {
        name: 'DEBIT FOR PURCHASE',
        commandBytes: 21,
        responseBytes: 10,
        cardProcessingMs: { kind: 'uniform', min: 15, max: 40 }, // [E] EEPROM write + MAC, docs/sources.md#f10-3
        terminalBeforeMs: { kind: 'uniform', min: 15, max: 30 }, // [E] PSAM MAC1 (contact APDUs + 3DES MAC, docs/sources.md#f10-4 2.19–14.3 ms)
      },
    ],
    pcdTurnaroundMs: { kind: 'uniform', min: 3, max: 8 }, // [E] dedicated AFC reader, docs/sources.md#f5 (≤ 300–400 ms budgets)
    afterLastFrameMs: { kind: 'uniform', min: 10, max: 20 }, // [E] PSAM verifies MAC2, docs/sources.md#f10-3 step 6
  };
}

/**
 * MIFARE-class fast ticketing on native frames (docs/sources.md#f5: "< 100 ms"): 3-pass authentication, read two blocks,
 * write the ticket block and a value-block decrement + transfer. Sizes incl. CRC_A [E].
 */
export function mifareTicketFlow(): ApduFlow {
  const fast: Distribution = { kind: 'uniform', min: 0.1, max: 0.5 }; // [E]
  const eeprom: Distribution = { kind: 'uniform', min: 2.5, max: 6 }; // [E] EEPROM write time
  return {
    name: 'mifare-ticket',
    protocol: 'native',
    steps: [
      { name: 'AUTH', commandBytes: 4, responseBytes: 4, cardProcessingMs: fast },
      { name: 'AUTH 2', commandBytes: 8, responseBytes: 4, cardProcessingMs: fast },
      { name: 'READ 4', commandBytes: 4, responseBytes: 18, cardProcessingMs: fast },
      { name: 'READ 5', commandBytes: 4, responseBytes: 18, cardProcessingMs: fast },
      { name: 'WRITE 4', commandBytes: 4, responseBytes: 1, cardProcessingMs: fast },
      { name: 'WRITE 4 data', commandBytes: 18, responseBytes: 1, cardProcessingMs: eeprom },
      { name: 'DECREMENT 6', commandBytes: 4, responseBytes: 1, cardProcessingMs: fast },
      { name: 'DECREMENT value', commandBytes: 6, responseBytes: 1, cardProcessingMs: fast },
      { name: 'TRANSFER 6', commandBytes: 4, responseBytes: 1, cardProcessingMs: eeprom },
    ],
    pcdTurnaroundMs: { kind: 'uniform', min: 1, max: 3 }, // [E]
    afterLastFrameMs: constant(0),
  };
}

/**
 * QR optical path (no RF; for comparison): present code, camera scan + decode, verify the signed payload
 * offline. [E] no value in docs/sources.md (#f8-1 records only that QR gates were slower than cards).
 */
export function qrOpticalFlow(): ApduFlow {
  return {
    name: 'qr-optical',
    protocol: 'optical',
    steps: [
      { name: 'SCAN + DECODE', commandBytes: 0, responseBytes: 0, cardProcessingMs: { kind: 'lognormal', mu: Math.log(300), sigma: 0.4 } }, // [E]
      { name: 'VERIFY SIGNATURE', commandBytes: 0, responseBytes: 0, cardProcessingMs: { kind: 'uniform', min: 10, max: 40 } }, // [E]
    ],
    pcdTurnaroundMs: constant(0),
    afterLastFrameMs: constant(0),
  };
}

/** The flow a scenario's `carriers[].flow` names (scenario/schema/kinds.ts FLOWS). */
export function apduFlowByName(name: 'qpboc' | 'transit-epurse' | 'mifare' | 'qr' | string): ApduFlow {
  switch (name) {
    case 'qpboc':
      return qpbocFlow(2);
    case 'transit-epurse':
      return transitEpurseFlow();
    case 'mifare':
      return mifareTicketFlow();
    default:
      return qrOpticalFlow();
  }
}

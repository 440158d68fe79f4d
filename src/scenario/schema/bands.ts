/**
 * The band-specific parts of the scenario schema: reader bands, the carriers' band per kind and
 * per-kind 13.56 MHz defaults, the 13.56 MHz and 2.45 GHz reader sections, the carriers' band fields.
 */
import { z } from 'zod';
import type { CarrierKind } from './kinds.js';
import type { Fields } from './fields.js';

export const READER_BANDS = ['13.56MHz', '2.45GHz'] as const;
export type ReaderBand = (typeof READER_BANDS)[number];
export type CarrierBand = ReaderBand | 'optical';

/** Bands each carrier kind can use (DESIGN §5). */
export const CARRIER_BANDS: Readonly<Record<CarrierKind, readonly CarrierBand[]>> = {
  'nfc-phone': ['13.56MHz'],
  'transit-card': ['13.56MHz'],
  'emv-card': ['13.56MHz'],
  'rcc-phone': ['2.45GHz'],
  'dual-sim': ['13.56MHz', '2.45GHz'],
  qr: ['optical'],
};
/** Default 13.56 MHz coupling-area attenuation by kind, dB: phones 4 (0–10, 3–6 typical) [E] FACTS §4.2, calibrated to a ≈ 3.8 cm median read range; cards 0. */
export const DEFAULT_ATTENUATION_DB: Readonly<Record<CarrierKind, number>> = {
  'nfc-phone': 4,
  'transit-card': 0,
  'emv-card': 0,
  'rcc-phone': 4,
  'dual-sim': 4,
  qr: 0,
};
/** Per-handset spread of that attenuation, dB (σ): phones 2 [E], cards 0. */
export const DEFAULT_ATTENUATION_SPREAD_DB: Readonly<Record<CarrierKind, number>> = {
  'nfc-phone': 2,
  'transit-card': 0,
  'emv-card': 0,
  'rcc-phone': 2,
  'dual-sim': 2,
  qr: 0,
};
/** Resonance shift of the carrier's antenna by the phone's metal and battery, kHz: phones 200 [E] FACTS §4.2; cards 0. */
export const DEFAULT_DETUNING_KHZ: Readonly<Record<CarrierKind, number>> = {
  'nfc-phone': 200,
  'transit-card': 0,
  'emv-card': 0,
  'rcc-phone': 200,
  'dual-sim': 200,
  qr: 0,
};

/** The carrier fields of the bands (13.56 MHz coupling, QR scan, 2.45 GHz body and LF losses). */
export function carrierBandFields(f: Fields) {
  const { plain } = f;
  return {
    attenuationDb: plain('13.56 MHz coupling-area attenuation of the phone body, dB. Default by kind: phones 4, cards 0 [E] FACTS §4.2 (0–10 dB, 3–6 typical).', { min: 0, max: 40 }).optional(),
    attenuationSpreadDb: plain('Standard deviation of attenuationDb across handsets, dB. Default by kind: phones 2, cards 0 [E] (no FACTS value).', { min: 0 }).optional(),
    detuningKHz: plain('13.56 MHz resonance shift by the phone body, kHz. Default by kind: phones 200, cards 0 [E] FACTS §4.2.', { min: 0, max: 5000 }).optional(),
    cardType: z.enum(['A', 'B']).default('A').describe('ISO/IEC 14443 type of the carrier (FACTS §2.1/§2.2).'),
    qrScanFailure: plain('Probability that one QR scan fails (glare, cracked screen) [E] (no FACTS value).', { min: 0, max: 1 }).default(0.03),
    bodyLossDb: plain('2.45 GHz body loss, phone in hand or pocket, mean dB [E] FACTS §7.5 / §11 #7 (3–10 dB).', { min: 0 }).default(6.5),
    bodyLossSpreadDb: plain('2.45 GHz body loss standard deviation, dB [E] FACTS §7.5 (σ 3–5 dB).', { min: 0 }).default(4),
    lfAttenuationSpreadDb: plain('Per-handset LF attenuation spread for RCC distance control, dB: N(0, σ) [E] FACTS §6.4 / §11 #3d.', { min: 0 }).default(3),
  };
}

/** 13.56 MHz reader parameters. */
export function nfcReaderSchema(f: Fields) {
  const { si, count, timeNs } = f;
  return z
    .strictObject({
      antennaRadius: si('length', 'Circular reader loop radius, m: 50 mm [E] FACTS §3.1 (a ≈ read distance; calibrated so an ID-1 card reads to ≈ 7 cm, src/physics/nfc-link-budget.ts).', { min: 0, exclusiveMin: true }).prefault('50 mm'),
      driveCurrent: si('current', 'Loop drive N·I, A·turns: 0.75 A [E] — 7.5 A/m (Class 1 Hmax, FACTS §1.2) at the loop centre.', { min: 0, exclusiveMin: true }).prefault('0.75 A'),
      turns: count('Reader loop turns [E] FACTS §3.2 example: 2.', 1, 100).default(2),
      inductance: si('inductance', 'Reader loop inductance, H: 1 µH [E] FACTS §3.2 example.', { min: 0, exclusiveMin: true }).prefault('1 uH'),
      noise: si('voltage', 'Receiver noise referred to the antenna, V rms in the subcarrier bandwidth: 12 mV [E], calibrated so a median phone reads to ≈ 3.8 cm (FACTS §4.1/§4.2).', { min: 0, exclusiveMin: true }).prefault('12 mV'),
      transactionTimeout: timeNs('Reader gives up this long after the first poll [E] (FACTS §5: transit budgets 300–400 ms, qPBOC ≤ 600 ms).', { min: 0, exclusiveMin: true }).prefault('1 s'),
      typeBSlots: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8), z.literal(16)]).default(4).describe('Type B anticollision slots N = 2^n [E] FACTS §2.2.'),
      bitRateKbps: z.union([z.literal(106), z.literal(212), z.literal(424), z.literal(848)]).default(106).describe('Bit rate used after activation, kbit/s (FACTS §1.1).'),
    })
    .describe('13.56 MHz reader parameters (ISO/IEC 14443), defaults from the calibrated gate reader.');
}

/** 2.45 GHz RCC reader parameters. */
export function rccReaderSchema(f: Fields) {
  const { si, plain, timeNs } = f;
  return z
    .strictObject({
      lfControl: z.boolean().default(true).describe('Use the LF magnetic channel for distance control (FACTS §6.2).'),
      lfFrequency: si('frequency', 'LF distance-control frequency, Hz: 2 kHz, range 0.5–10 kHz [E] FACTS §6.3 / §11 #3a.', { min: 0, exclusiveMin: true }).prefault('2 kHz'),
      triggerDistance: si('length', 'Nominal on-axis LF start distance (threshold T1) x0, m [E] (FACTS §6.4 example: 5 cm; §11 #3b: no sourced value).', { min: 0, exclusiveMin: true }).prefault('5 cm'),
      abortDistance: si('length', 'Nominal on-axis distance of the abort threshold T3, m (≥ triggerDistance) [E] (no sourced value, FACTS §11 #3b).', { min: 0, exclusiveMin: true }).prefault('7 cm'),
      hearDistance: si('length', 'Nominal on-axis distance of the hear-the-reader-id threshold T2, m (≥ abortDistance) [E] (no sourced value, FACTS §11 #3b).', { min: 0, exclusiveMin: true }).prefault('10 cm'),
      rssiStartThresholdDbm: si('power', 'Without LF control: start when the 2.45 GHz RSSI ≥ this, dBm [E] (no FACTS value; −30 dBm ≈ 15 cm in hand).').prefault('-30 dBm'),
      lfCoilRadius: si('length', 'LF coil radius, m [E] (FACTS §6.4 example: 2 cm).', { min: 0, exclusiveMin: true }).prefault('2 cm'),
      txPowerDbm: si('power', 'RF transmit power, dBm: 0 dBm [E] FACTS §6.3 / §11 #3c.').prefault('0 dBm'),
      rxSensitivityDbm: si('power', 'RF receiver sensitivity, dBm: −85 dBm [E] FACTS §6.3 / §11 #3c.').prefault('-85 dBm'),
      dataRateBps: plain('RF data rate, bit/s: GFSK 1 Mbit/s [E] FACTS §6.3.', { min: 0, exclusiveMin: true }).default(1e6),
      lfBeaconPeriod: timeNs('Period of the LF beacon that carries the reader id, ≥ 1 ms [E] (no FACTS value).', { min: 0.001 }).prefault('100 ms'),
      multiTargetPolicy: z.enum(['refuse-retry', 'pick-random']).default('refuse-retry').describe('More than one LF-qualified target: refuse and retry [E] FACTS §6.5 / §11 #3e, or pick one at random (the YD/T 2772 "multi-target collision").'),
      mac: z.enum(['csma', 'aloha']).default('csma').describe('Co-channel access between readers on 2.4 GHz [E] FACTS §6.5 / §11 #3e.'),
    })
    .describe('2.45 GHz RCC reader parameters.');
}

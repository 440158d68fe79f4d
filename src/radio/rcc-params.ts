/**
 * Parameters of the 2.45 GHz RCC / RF-SIM band model and their defaults [E] (docs/sources.md#f6-2–#f6-5, #f7;
 * values cited where they are set): the LF distance control, the 2.45 GHz link and exchange, the
 * phones near a reader and the shared channel.
 */
import { ms, us, type TimeNs } from '../units.js';
import { DEFAULT_LF_FIELD, type LfFieldParams } from '../physics/lf-field.js';
import { DEFAULT_BODY_LOSS, RCC_RF_FREQUENCY_HZ, type BodyLossParams, type CarryPlacement, type LogDistanceParams } from '../physics/path-loss.js';
import { logDistanceForPreset, type PathLossPresetName } from '../physics/path-loss-presets.js';
import { defaultNearZone, type NearZoneParams } from '../physics/rf-near-zone.js';
import type { CarrierPosition, TapTrajectory } from '../motion/tap-gesture.js';
import type { Interferer, MacParams } from './channel.js';
import { transitEpurseFlow, type ApduFlow } from '../link/apdu-flows.js';
import { secureElement, type SecureElementParams } from '../link/secure-element.js';

/** The 2.45 GHz link and exchange. */
export interface RccRfParams {
  /** Carrier frequency, Hz. [S] docs/sources.md#f6-3 (2.4–2.4835 GHz ISM; 2.45 GHz centre). */
  frequencyHz: number;
  /** Bit rate, bit/s. [E] docs/sources.md#f6-3: GFSK 1 Mbit/s. */
  dataRateBps: number;
  /** Tx power of reader and phone, dBm. [E] docs/sources.md#f6-3: 0 dBm. */
  txPowerDbm: number;
  /** Rx sensitivity, dBm. [E] docs/sources.md#f6-3: −85 dBm. */
  sensitivityDbm: number;
  /** BER the sensitivity figure refers to. [E] tapsim choice (no value in docs/sources.md): 1e-3. */
  berAtSensitivity: number;
  /** Per-frame preamble + address + CRC, bytes. [E] no value in docs/sources.md: 8. */
  frameOverheadBytes: number;
  /** Payload of a neighbouring reader's frame (the co-channel interferers' packet length), bytes. [E] no value in docs/sources.md: 96. */
  neighbourPayloadBytes: number;
  /** Rx/tx turnaround after each frame, ns. [E] no value in docs/sources.md: 130 µs. */
  turnaroundNs: TimeNs;
  /** Resends of one frame before the exchange fails with 'frame-errors'. [E] no value in docs/sources.md: 3. */
  maxRetransmissions: number;
  /** Payload of the collision-detect exchange (docs/sources.md#f6-1 "冲突检测码"), bytes each way. [E]: 8. */
  collisionDetectBytes: number;
}

export type MultiTargetPolicy = 'refuse-retry' | 'pick-random';

export interface RccParams {
  /** LF coil and thresholds T1/T3/T2 (lf-field.ts). */
  lf: LfFieldParams;
  /** true: start needs LF ≥ T1, abort below T3 (docs/sources.md#f6-2). false: RF RSSI threshold only. */
  lfControl: boolean;
  /** LF beacon period, ns. [E] no value in docs/sources.md: 100 ms. */
  beaconPeriodNs: TimeNs;
  /** LF beacon length (reader id bits / LF bit rate), ns. [E] no value in docs/sources.md: 32 bits at 1 kbit/s = 32 ms. */
  beaconDurationNs: TimeNs;
  /** Start threshold on RSSI when lfControl is false, dBm. [E] no value in docs/sources.md: −30 dBm (a hand-held phone triggers at ≈ 15 cm). */
  rssiStartThresholdDbm: number;
  rf: RccRfParams;
  /** Log-distance path loss + shadowing beyond the near zone. [E] environment choice (DEFAULT_RCC_ENVIRONMENT) of docs/sources.md#f7-6. */
  pathLoss: LogDistanceParams;
  /** Near zone: bounded loss and no shadowing within r_nz, σ ramping up to the environment's (rf-near-zone.ts). [E] docs/sources.md#f7-6. */
  nearZone: NearZoneParams;
  /** Body loss per carry placement. [E] docs/sources.md#f7-5. */
  bodyLoss: Readonly<Record<CarryPlacement, BodyLossParams>>;
  /** Shortest phone–reader distance for path loss, m (inside it the phone touches the reader). [E]: 1 cm. */
  minRfDistanceM: number;
  /** [E] docs/sources.md#f6-5 / #f11-3e: refuse/retry when > 1 LF-qualified target. */
  multiTargetPolicy: MultiTargetPolicy;
  /** Retries after a multi-target refusal before 'collision'. [E] no value in docs/sources.md: 3. */
  collisionRetries: number;
  /** Channel access of reader and phone. [E] docs/sources.md#f6-5 / #f11-3e "CSMA or ALOHA": CSMA. */
  mac: MacParams;
  /** The carrier's APDU flow, timed frame by frame over this band's PHY (link/flow-run.ts): one frame per command and per response. */
  flow: ApduFlow;
  /** The carrier's secure element (link/secure-element.ts): costs what it costs on 13.56 MHz. */
  secureElement: SecureElementParams;
}

export const DEFAULT_RCC_RF: RccRfParams = {
  frequencyHz: RCC_RF_FREQUENCY_HZ, // [S] docs/sources.md#f6-3
  dataRateBps: 1e6, // [E] docs/sources.md#f6-3
  txPowerDbm: 0, // [E] docs/sources.md#f6-3
  sensitivityDbm: -85, // [E] docs/sources.md#f6-3
  berAtSensitivity: 1e-3, // [E] tapsim choice
  frameOverheadBytes: 8, // [E]
  neighbourPayloadBytes: 96, // [E]
  turnaroundNs: us(130), // [E]
  maxRetransmissions: 3, // [E]
  collisionDetectBytes: 8, // [E] docs/sources.md#f6-1 (code exists, size unknown)
};

/** Default environment preset: the retail-store fit tapsim used before issue 17 (n 2.2, σ 8.7 dB [S] at 914 MHz), [E] choice docs/sources.md#f7-6. */
export const DEFAULT_RCC_ENVIRONMENT: PathLossPresetName = 'retail-store';

export const DEFAULT_RCC_PARAMS: RccParams = {
  lf: DEFAULT_LF_FIELD, // [E] docs/sources.md#f6-3, #f6-4
  lfControl: true, // docs/sources.md#f6-2
  beaconPeriodNs: ms(100), // [E]
  beaconDurationNs: ms(32), // [E]
  rssiStartThresholdDbm: -30, // [E]
  rf: DEFAULT_RCC_RF,
  pathLoss: logDistanceForPreset(DEFAULT_RCC_ENVIRONMENT, RCC_RF_FREQUENCY_HZ), // [E] choice; (n, σ) [S] docs/sources.md#f7-3, #f7-6
  nearZone: { ...defaultNearZone(RCC_RF_FREQUENCY_HZ), nearZoneRadiusM: 0.0195 }, // [E] r_nz = λ/2π (1.948 cm, shown rounded), no extra loss, full σ from 1 m, docs/sources.md#f7-6
  bodyLoss: DEFAULT_BODY_LOSS, // [E] docs/sources.md#f7-5
  minRfDistanceM: 0.01, // [E]
  multiTargetPolicy: 'refuse-retry', // [E] docs/sources.md#f6-5
  collisionRetries: 3, // [E] docs/sources.md#f6-5 (count unknown)
  mac: { kind: 'csma', senseNs: us(128), backoffSlotNs: us(320), maxBackoffs: 4 }, // [E] docs/sources.md#f6-5 risk 2
  flow: transitEpurseFlow(), // devices/carrier-kinds.ts: rcc-phone's default flow
  secureElement: secureElement('sim-swp'), // an RF-SIM is a SIM (devices/carrier-kinds.ts)
};

/** A phone near the reader. Exactly one candidate of a tap is the tapper. */
export interface RccCandidate {
  id: string;
  /** The phone whose owner is tapping this reader. */
  tapper: boolean;
  placement: CarryPlacement;
  /** A gesture (times relative to the tapper's gesture start) or a fixed position relative to the reader. */
  motion: { kind: 'gesture'; trajectory: TapTrajectory; startNs: TimeNs } | { kind: 'static'; position: CarrierPosition };
}

/** The shared channel around this reader during the tap. */
export interface RccContext {
  /** Active co-channel RCC readers nearby (neighbouring gates). */
  activeCoChannelNeighbours: number;
  /** Their duty cycle on the channel, 0–1. [E] no value in docs/sources.md. */
  neighbourDutyCycle: number;
  /** Gate pitch, m; the k-th neighbour is ⌈k/2⌉ pitches away (alternating sides). [E] docs/sources.md#f6-5: ≈ 0.6 m. */
  gatePitchM: number;
  /** Background Wi-Fi / BLE occupancy as seen in the RCC channel (docs/sources.md#f7-1). */
  background: readonly Interferer[];
}

export const DEFAULT_RCC_CONTEXT: RccContext = {
  activeCoChannelNeighbours: 2, // [E]
  neighbourDutyCycle: 0.1, // [E]
  gatePitchM: 0.6, // [E] docs/sources.md#f6-5
  background: [
    { rxPowerDbm: -45, dutyCycle: 0.1, packetNs: ms(1) }, // Wi-Fi: 15–20 dBm, 0.1–5 ms frames [S] docs/sources.md#f7-1; ≈ 10 m away and duty [E]
    { rxPowerDbm: -50, dutyCycle: 0.02, packetNs: us(376) }, // BLE advertising: power, duty, burst [E] docs/sources.md#f7-1
  ],
};

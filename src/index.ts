/**
 * tapsim public API — the only file that decides exported names. Notebooks and users import
 * from here (`import { … } from 'tapsim'`, or `../src/index.js` inside this repository).
 */

// Units and time
export * from './units.js';

// Kernel and randomness
export { Kernel, type EventHandle } from './kernel/kernel.js';
export { spawn, timeout, waitFor, anyOf, allOf, Signal, Process, Interrupt, type Awaitable, type ProcessBody } from './kernel/process.js';
export { Resource, Request } from './kernel/resource.js';
export { Store } from './kernel/store.js';
export { streamFor, Xoshiro128ss, type RandomStream } from './random/stream.js';
export * from './random/distributions.js';

// 13.56 MHz physics (docs/sources.md#f3): loop fields on and off axis, coupling, induced voltage, resonance
export {
  circularLoopOnAxisFieldAPerM,
  circularLoopOnAxisDistanceM,
  circularLoopRequiredAmpereTurnsA,
  circularLoopFieldAPerM,
  circularLoopNormalFieldAPerM,
  rectangularLoopOnAxisFieldAPerM,
  rectangularLoopFieldAPerM,
  normalFieldAPerM,
  ellipticKE,
  type FieldVector,
  type AxialRadialField,
} from './physics/loop-field.js';
export {
  coaxialMutualInductanceH,
  mutualInductanceFromFieldH,
  couplingCoefficient,
  inducedVoltageRmsV,
  resonanceCapacitanceF,
  resonanceFrequencyHz,
  qualityFactor,
  bandwidthHz,
  detuningAmplitudeRatio,
} from './physics/coupling.js';
export { skinDepthM, thicknessInSkinDepths, RESISTIVITY_AL_OHM_M, RESISTIVITY_CU_OHM_M, RESISTIVITY_SS304_OHM_M } from './physics/skin-depth.js';
export {
  PICC_CLASS_HMIN_A_PER_M,
  PICC_CLASS_HMAX_A_PER_M,
  DEFAULT_GATE_READER_ANTENNA,
  DEFAULT_ID1_CARD_ANTENNA,
  DEFAULT_PHONE_ANTENNA,
  prepareNfcLink,
  evaluateNfcLink,
  effectiveFieldAPerM,
  uplinkSnr,
  type ReaderAntennaParams,
  type CarrierAntennaParams,
} from './physics/nfc-link-budget.js';

// ISO/IEC 14443 link timing (docs/sources.md#f1–#f2)
export {
  FC,
  ETU_CYCLES,
  etuUs,
  bitRateKbitPerS,
  fdtACycles,
  fwtCycles,
  FWT_ACTIVATION_CYCLES,
  FDT_A_LAST_BIT_0_CYCLES,
  FDT_A_LAST_BIT_1_CYCLES,
  POLL_GUARD_TIME_NS,
  typeAFrameBits,
  typeBFrameEtu,
  cyclesToNs,
  cyclesToMs,
  type BitRateKbps,
} from './link/iso14443.js';
export { typeAActivationTimeNs, typeAActivationCycles, typeBActivationCycles } from './link/activation.js';
export { resolveTypeA, walkAllTypeA, expectedCollisionsTypeA } from './link/anticollision/type-a.js';
export { resolveTypeB, expectedSingletonsTypeB } from './link/anticollision/type-b.js';
export { qpbocFlow, transitEpurseFlow, mifareTicketFlow, qrOpticalFlow, SE_CRYPTO_COST_MS, type ApduFlow } from './link/apdu-flows.js';

// 2.45 GHz RCC (docs/sources.md#f6–#f7): LF distance control, path loss, ALOHA / contention
export {
  lfFieldAPerM,
  lfOnAxisDistanceForFieldM,
  lfTriggerDistanceExactM,
  lfFarFieldDistanceFactor,
  lfHandsetTriggerDistanceM,
  lfThresholds,
  DEFAULT_LF_FIELD,
  type LfFieldParams,
} from './physics/lf-field.js';
export { friisPathLossDb, logDistancePathLossDb, logDistanceFor, itu1238PathLossDb, wavelengthM, PATH_LOSS_ENVIRONMENTS, DEFAULT_BODY_LOSS } from './physics/path-loss.js';
export { pureAlohaThroughput, slottedAlohaThroughput, simulatePureAloha, simulateSlottedAloha, packetErrorRate, sinrLinear } from './radio/channel.js';

// Band models and taps
export { simulateNfcTap } from './radio/nfc.js';
export { defaultNfcTapParams, type NfcTapParams } from './radio/nfc-params.js';
export { simulateRccTap } from './radio/rcc.js';
export { DEFAULT_RCC_PARAMS, DEFAULT_RCC_CONTEXT, type RccParams, type RccCandidate } from './radio/rcc-params.js';
export { TAP_CAUSES, type TapOutcome, type TapCause, type Band } from './radio/tap-outcome.js';
export { BANDS, BAND_MODELS, bandModel } from './radio/bands.js';
export type { BandModel, BandField, BandSection } from './radio/band.js';
export { bandFor, chooseBand, preparePair, tapOnce, type TapPair } from './devices/reader.js';
export { CARRIER_KIND_TABLE, CARRIER_KINDS, type CarrierKind, type CarrierKindInfo } from './devices/carrier-kinds.js';
export { drawTrajectory, positionAt, presentationNs, DEFAULT_TAP_GESTURE, type TapGestureParams, type TapTrajectory } from './motion/tap-gesture.js';
export { TAP_COMPONENTS, componentsTotalNs, type TapComponents, type TapComponent } from './link/tap-timeline.js';
export { SECURE_ELEMENTS, SECURE_ELEMENT_DEFAULTS, secureElement, type SecureElementKind, type SecureElementParams } from './link/secure-element.js';

// Backend (docs/sources.md#f9)
export { erlangB, erlangC, serversForPWait, type ErlangCResult } from './backend/erlang-c.js';
export { createBackend, DEFAULT_BACKEND, type BackendParams, type Backend } from './backend/backend.js';

// Scenarios and experiments
export { loadScenario } from './scenario/load.js';
export type { ResolvedScenario } from './scenario/schema.js';
export { runReplication, type ReplicationResult, type ReplicationRequest } from './experiment/replication.js';
export { GATE_OPEN_RATE, PAID_CORRECTLY_RATE, resolveMetricName } from './experiment/metric-names.js';
export { GATE_OPEN_CAUSES, opensGate, paidCorrectly } from './station/success-rule.js';
export { LogHistogram } from './observe/log-histogram.js';
export { summarize, pairedDifference, oneSidedBound, type Summary } from './experiment/stats.js';
export { gatesNeeded } from './station/sizing.js';

// Reports: charts as SVG strings, and atomic folder writing (used by the notebooks)
export { lineChart, sizingChart, barChart, cdfChart, forestPlot, contourMap, type LineSeries } from './report/charts.js';
export { writeFolderAtomic } from './report/write.js';

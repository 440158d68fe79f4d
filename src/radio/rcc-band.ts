/**
 * The 2.45 GHz RCC / RF-SIM band behind the band interface: its reader section
 * (`readers[].rcc`), the pair preparation and one tap with the phones around it — the person
 * behind and the tappers at neighbouring gates (simulateRccTap, rcc.ts).
 */
import { sample } from '../random/distributions.js';
import { DEFAULT_LF_FIELD } from '../physics/lf-field.js';
import { apduFlowByName, type ApduFlow } from '../link/apdu-flows.js';
import { secureElement, type SecureElementKind } from '../link/secure-element.js';
import type { BandCarrier, BandModel, BandReader, BandSection, SectionValues } from './band.js';
import { DEFAULT_RCC_CONTEXT, DEFAULT_RCC_PARAMS, type RccCandidate, type RccContext, type RccParams } from './rcc-params.js';
import { simulateRccTap } from './rcc.js';
import { neighbourLateralM } from './bystander-geometry.js';
import { RCC_ENVIRONMENT_FIELDS, rccEnvironment } from './rcc-environment.js';

const D = DEFAULT_RCC_PARAMS;

export const RCC_SECTION = {
  key: 'rcc',
  help: '2.45 GHz RCC reader parameters.',
  fields: {
    lfControl: { kind: 'boolean', default: D.lfControl, help: 'Use the LF magnetic channel for distance control (docs/sources.md#f6-2).' },
    lfFrequency: { kind: 'quantity', dimension: 'frequency', unit: 'kHz', default: DEFAULT_LF_FIELD.frequencyHz, range: { min: 0, exclusiveMin: true }, help: 'LF distance-control frequency, Hz: {default}, range 0.5–10 kHz [E] docs/sources.md#f6-3 / #f11-3a.' },
    triggerDistance: { kind: 'quantity', dimension: 'length', unit: 'cm', default: DEFAULT_LF_FIELD.startDistanceM, range: { min: 0, exclusiveMin: true }, help: 'Nominal on-axis LF start distance (threshold T1) x0, m [E] (docs/sources.md#f6-4 example: 5 cm; #f11-3b: no sourced value).' },
    abortDistance: { kind: 'quantity', dimension: 'length', unit: 'cm', default: DEFAULT_LF_FIELD.abortDistanceM, range: { min: 0, exclusiveMin: true }, help: 'Nominal on-axis distance of the abort threshold T3, m (≥ triggerDistance) [E] (no sourced value, docs/sources.md#f11-3b).' },
    hearDistance: { kind: 'quantity', dimension: 'length', unit: 'cm', default: DEFAULT_LF_FIELD.hearDistanceM, range: { min: 0, exclusiveMin: true }, help: 'Nominal on-axis distance of the hear-the-reader-id threshold T2, m (≥ abortDistance) [E] (no sourced value, docs/sources.md#f11-3b).' },
    rssiStartThresholdDbm: { kind: 'quantity', dimension: 'power', unit: 'dBm', default: D.rssiStartThresholdDbm, help: 'Without LF control: start when the 2.45 GHz RSSI ≥ this, dBm [E] (no value in docs/sources.md; −30 dBm ≈ 15 cm in hand).' },
    lfCoilRadius: { kind: 'quantity', dimension: 'length', unit: 'cm', default: DEFAULT_LF_FIELD.coilRadiusM, range: { min: 0, exclusiveMin: true }, help: 'LF coil radius, m [E] (docs/sources.md#f6-4 example: 2 cm).' },
    txPowerDbm: { kind: 'quantity', dimension: 'power', unit: 'dBm', default: D.rf.txPowerDbm, help: 'RF transmit power, dBm: {default} [E] docs/sources.md#f6-3 / #f11-3c.' },
    rxSensitivityDbm: { kind: 'quantity', dimension: 'power', unit: 'dBm', default: D.rf.sensitivityDbm, help: 'RF receiver sensitivity, dBm: −85 dBm [E] docs/sources.md#f6-3 / #f11-3c.' },
    dataRateBps: { kind: 'number', default: D.rf.dataRateBps, range: { min: 0, exclusiveMin: true }, help: 'RF data rate, bit/s: GFSK 1 Mbit/s [E] docs/sources.md#f6-3.' },
    lfBeaconPeriod: { kind: 'time', unit: 'ms', defaultNs: D.beaconPeriodNs, range: { min: 0.001 }, help: 'Period of the LF beacon that carries the reader id, ≥ 1 ms [E] (no value in docs/sources.md).' },
    multiTargetPolicy: { kind: 'choice', options: ['refuse-retry', 'pick-random'], default: D.multiTargetPolicy, help: 'More than one LF-qualified target: refuse and retry [E] docs/sources.md#f6-5 / #f11-3e, or pick one at random (the YD/T 2772 "multi-target collision").' },
    mac: { kind: 'choice', options: ['csma', 'aloha'], default: D.mac.kind, help: 'Co-channel access between readers on 2.4 GHz [E] docs/sources.md#f6-5 / #f11-3e.' },
    ...RCC_ENVIRONMENT_FIELDS,
  },
} as const satisfies BandSection;

/** The resolved `readers[].rcc` section (SI values, integer ns). */
type RccSectionValues = SectionValues<typeof RCC_SECTION>;

/** What the band reads of a carrier: its handset spreads, body loss, flow and secure element. */
interface RccCarrierInput {
  /** Mean LF attenuation, dB (absent in hand-built carriers: the model default). */
  lfAttenuationDb?: number;
  lfAttenuationSpreadDb: number;
  bodyLossDb: number;
  bodyLossSpreadDb: number;
  /** The carrier's APDU flow (scenario name); a QR flow has no RF, so the band's default flow runs. */
  flow?: string;
  /** The carrier's secure element; absent: the band's default (sim-swp). */
  secureElement?: SecureElementKind;
}

export interface RccPrepared {
  params: RccParams;
  /** The shared channel before this tap's neighbours are counted. */
  context: RccContext;
}

function rccParams(r: RccSectionValues, carrier: RccCarrierInput): RccParams {
  const d = DEFAULT_RCC_PARAMS;
  return {
    ...d,
    lfControl: r.lfControl,
    lf: {
      ...d.lf,
      frequencyHz: r.lfFrequency,
      coilRadiusM: r.lfCoilRadius,
      startDistanceM: r.triggerDistance,
      abortDistanceM: r.abortDistance,
      hearDistanceM: r.hearDistance,
      handsetSpreadSigmaDb: carrier.lfAttenuationSpreadDb,
      handsetOffsetMeanDb: carrier.lfAttenuationDb ?? DEFAULT_LF_FIELD.handsetOffsetMeanDb,
    },
    beaconPeriodNs: r.lfBeaconPeriod,
    rssiStartThresholdDbm: r.rssiStartThresholdDbm,
    rf: { ...d.rf, frequencyHz: r.rfFrequency, txPowerDbm: r.txPowerDbm, sensitivityDbm: r.rxSensitivityDbm, dataRateBps: r.dataRateBps },
    ...rccEnvironment(r),
    bodyLoss: {
      ...d.bodyLoss,
      hand: { minDb: carrier.bodyLossDb, maxDb: carrier.bodyLossDb, sigmaMinDb: carrier.bodyLossSpreadDb, sigmaMaxDb: carrier.bodyLossSpreadDb },
    },
    multiTargetPolicy: r.multiTargetPolicy,
    mac: r.mac === 'aloha' ? { kind: 'aloha' } : d.mac,
    flow: carrierFlow(carrier.flow, d.flow),
    secureElement: carrier.secureElement === undefined ? d.secureElement : secureElement(carrier.secureElement),
  };
}

/** The carrier's flow over 2.45 GHz: the one it names, unless that one has no RF (QR), then `fallback`. */
function carrierFlow(name: string | undefined, fallback: ApduFlow): ApduFlow {
  const flow = name === undefined ? fallback : apduFlowByName(name);
  return flow.protocol === 'optical' ? fallback : flow;
}

export const RCC_BAND: BandModel<RccPrepared, typeof RCC_SECTION> = {
  id: '2.45GHz',
  label: '2.45 GHz RCC',
  short: 'rcc',
  servedBy: 'reader',
  reference: false,
  readsEveryCarrier: false,
  section: RCC_SECTION,
  hearsBystanders: true,
  prepare(reader: BandReader, carrier: BandCarrier): RccPrepared | null {
    const r = reader['rcc'] as RccSectionValues | null | undefined;
    if (r === null || r === undefined) return null;
    return { params: rccParams(r, carrier as BandCarrier & RccCarrierInput), context: DEFAULT_RCC_CONTEXT };
  },
  tap(p, trajectory, around, rng) {
    const candidates: RccCandidate[] = [{ id: 'tapper', tapper: true, placement: 'hand', motion: { kind: 'gesture', trajectory, startNs: 0 } }];
    const g = around.geometry; // scenario `bystanders` (radio/bystander-geometry.ts)
    if (around.behind !== null && around.behind.bands.includes('2.45GHz')) {
      candidates.push({
        id: 'behind',
        tapper: false,
        placement: around.behind.restingPlacement,
        motion: { kind: 'static', position: { heightM: sample(rng, g.behindHeightM), lateralOffsetM: sample(rng, g.behindDistanceM), tiltRad: 0 } },
      });
    }
    let activeNeighbours = 0;
    around.neighbours.forEach((n, i) => {
      if (!n.carrier.bands.includes('2.45GHz')) return;
      activeNeighbours++;
      const position = { heightM: sample(rng, g.neighbourHeightM), lateralOffsetM: neighbourLateralM(n.lateralM, sample(rng, g.neighbourOffsetM)), tiltRad: 0 };
      candidates.push({ id: `lane-${i}`, tapper: false, placement: 'hand', motion: { kind: 'static', position } });
    });
    const context: RccContext = { ...p.context, activeCoChannelNeighbours: activeNeighbours, gatePitchM: around.pitchM };
    return simulateRccTap(p.params, candidates, rng, context);
  },
};

/**
 * Resolved reader and carrier → the prepared tap of that combination (the band they meet on, the
 * 13.56 MHz, 2.45 GHz or optical parameters). Band-specific: each band maps its own section.
 */
import type { Distribution } from '../../random/distributions.js';
import type { TapPair } from '../../devices/reader.js';
import { bandFor } from '../../devices/reader.js';
import { asTypeB, defaultNfcTapParams, nfcActivationExchanges, type NfcCarrierKind, type NfcTapParams } from '../../radio/nfc.js';
import { DEFAULT_RCC_CONTEXT, DEFAULT_RCC_PARAMS, type RccParams } from '../../radio/rcc.js';
import { mifareTicketFlow, qpbocFlow, qrOpticalFlow, transitEpurseFlow, type ApduFlow } from '../../link/apdu-flows.js';
import type { Band } from '../../radio/tap-outcome.js';
import type { ResolvedCarrier, ResolvedReader } from '../schema.js';

const NFC_KIND: Record<string, NfcCarrierKind> = {
  'nfc-phone': 'nfc-phone',
  'rcc-phone': 'nfc-phone',
  'dual-sim': 'nfc-phone',
  'transit-card': 'transit-card',
  'emv-card': 'emv-card',
};

function flowOf(name: string): ApduFlow {
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

export function nfcPair(reader: ResolvedReader, carrier: ResolvedCarrier): NfcTapParams | null {
  const kind = NFC_KIND[carrier.kind];
  if (reader.nfc === null || kind === undefined) return null;
  const base = defaultNfcTapParams(kind);
  const n = reader.nfc;
  const couplingLossDb: Distribution =
    carrier.attenuationSpreadDb > 0
      ? { kind: 'normal', mean: carrier.attenuationDb, sd: carrier.attenuationSpreadDb, min: 0, max: carrier.attenuationDb + 4 * carrier.attenuationSpreadDb }
      : { kind: 'constant', value: carrier.attenuationDb };
  const typed = carrier.cardType === 'B' ? asTypeB(base.carrier) : base.carrier;
  const flow = flowOf(carrier.flow);
  return {
    reader: {
      antenna: { ...base.reader.antenna, radiusM: n.antennaRadius, ampereTurnsA: n.driveCurrent, turns: n.turns, inductanceH: n.inductance, noiseRmsV: n.noise },
      pollingPeriodNs: reader.pollingPeriod,
      policy: reader.policy,
      typeBSlots: n.typeBSlots,
      transactionTimeoutNs: n.transactionTimeout,
    },
    carrier: {
      ...typed,
      couplingLossDb,
      detuningHz: { kind: 'constant', value: carrier.detuningKHz * 1e3 },
      flow: flow.protocol === 'optical' ? typed.flow : flow,
      isoDep: { ...typed.isoDep, bitRateKbps: n.bitRateKbps },
    },
  };
}

export function rccPair(reader: ResolvedReader, carrier: ResolvedCarrier): RccParams | null {
  const r = reader.rcc;
  if (r === null) return null;
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
    },
    beaconPeriodNs: r.lfBeaconPeriod,
    rssiStartThresholdDbm: r.rssiStartThresholdDbm,
    rf: { ...d.rf, txPowerDbm: r.txPowerDbm, sensitivityDbm: r.rxSensitivityDbm, dataRateBps: r.dataRateBps },
    bodyLoss: {
      ...d.bodyLoss,
      hand: { minDb: carrier.bodyLossDb, maxDb: carrier.bodyLossDb, sigmaMinDb: carrier.bodyLossSpreadDb, sigmaMaxDb: carrier.bodyLossSpreadDb },
    },
    multiTargetPolicy: r.multiTargetPolicy,
    mac: r.mac === 'aloha' ? { kind: 'aloha' } : d.mac,
  };
}

/** The prepared tap of one (reader, carrier) combination: the band they meet on and its parameters. */
export function tapPair(reader: ResolvedReader, carrier: ResolvedCarrier): TapPair {
  const band = bandFor(reader.bands as readonly Band[], carrier.bands as readonly Band[], reader.dualBandPreference);
  const nfc = band === '13.56MHz' ? nfcPair(reader, carrier) : null;
  return {
    band,
    carrierBand: (carrier.bands[0] ?? 'optical') as Band,
    gesture: carrier.gesture,
    nfc,
    nfcActivation: nfc === null ? [] : nfcActivationExchanges(nfc.carrier),
    rcc: band === '2.45GHz' ? rccPair(reader, carrier) : null,
    rccContext: DEFAULT_RCC_CONTEXT,
    optical: band === 'optical' ? qrOpticalFlow() : null,
    opticalFailure: carrier.qrScanFailure,
  };
}

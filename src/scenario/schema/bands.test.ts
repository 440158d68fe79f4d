import { describe, expect, it } from 'vitest';
import { BAND_MODELS } from '../../radio/bands.js';
import { DEFAULT_GATE_READER_ANTENNA } from '../../physics/nfc-link-budget.js';
import { DEFAULT_LF_FIELD } from '../../physics/lf-field.js';
import { DEFAULT_RCC_PARAMS, DEFAULT_RCC_RF } from '../../radio/rcc-params.js';
import { defaultNfcReader } from '../../radio/nfc-params.js';
import { DEFAULT_ISO_DEP } from '../../link/iso-dep.js';
import { createQuantityParser, loadMath } from '../units.js';
import { makeFields } from './fields.js';
import { readerSectionSchema, shownDefault } from './bands.js';
import { NFC_SECTION } from '../../radio/nfc-band.js';
import { RCC_SECTION } from '../../radio/rcc-band.js';
import { readerSchema } from './readers.js';

async function fields() {
  const math = await loadMath();
  return makeFields({ quantity: createQuantityParser(math), rateExpression: () => ({ ok: false, message: 'not here' }) });
}

describe('band sections of the schema: defaults once, from the model constants', () => {
  it('every field of every band section resolves, with nothing given, to the constant it shows', async () => {
    const f = await fields();
    let checked = 0;
    for (const band of BAND_MODELS) {
      if (band.section === null) continue;
      const resolved = readerSectionSchema(f, band.section).parse({}) as Record<string, unknown>;
      for (const [key, field] of Object.entries(band.section.fields)) {
        expect(resolved[key], `${band.id} ${key}`).toBe(field.kind === 'time' ? field.defaultNs : field.default);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(21);
  });

  it('a default reader carries the gate reader antenna, the RCC constants and the 13.56 MHz reader timing', async () => {
    const r = readerSchema(await fields()).parse({ id: 'r', bands: ['13.56MHz', '2.45GHz'] });
    const nfcReader = defaultNfcReader('emv');
    expect(r.nfc).toMatchObject({
      antennaRadius: DEFAULT_GATE_READER_ANTENNA.radiusM,
      driveCurrent: DEFAULT_GATE_READER_ANTENNA.ampereTurnsA,
      turns: DEFAULT_GATE_READER_ANTENNA.turns,
      inductance: DEFAULT_GATE_READER_ANTENNA.inductanceH,
      noise: DEFAULT_GATE_READER_ANTENNA.noiseRmsV,
      transactionTimeout: nfcReader.transactionTimeoutNs,
      typeBSlots: nfcReader.typeBSlots,
      bitRateKbps: DEFAULT_ISO_DEP.bitRateKbps,
    });
    expect(r.pollingPeriod).toBe(nfcReader.pollingPeriodNs);
    expect(r.rcc).toMatchObject({
      lfControl: DEFAULT_RCC_PARAMS.lfControl,
      lfFrequency: DEFAULT_LF_FIELD.frequencyHz,
      triggerDistance: DEFAULT_LF_FIELD.startDistanceM,
      abortDistance: DEFAULT_LF_FIELD.abortDistanceM,
      hearDistance: DEFAULT_LF_FIELD.hearDistanceM,
      lfCoilRadius: DEFAULT_LF_FIELD.coilRadiusM,
      rssiStartThresholdDbm: DEFAULT_RCC_PARAMS.rssiStartThresholdDbm,
      txPowerDbm: DEFAULT_RCC_RF.txPowerDbm,
      rxSensitivityDbm: DEFAULT_RCC_RF.sensitivityDbm,
      dataRateBps: DEFAULT_RCC_RF.dataRateBps,
      lfBeaconPeriod: DEFAULT_RCC_PARAMS.beaconPeriodNs,
      multiTargetPolicy: DEFAULT_RCC_PARAMS.multiTargetPolicy,
      mac: DEFAULT_RCC_PARAMS.mac.kind,
    });
  });

  it('a reader serving one band has no section for the other', async () => {
    const r = readerSchema(await fields()).parse({ id: 'r', bands: ['2.45GHz'], nfc: { turns: 3 } });
    expect(r.nfc).toBeNull();
    expect(r.rcc).not.toBeNull();
  });

  it('a reference band leaves no trace in a reader that does not serve it (existing scenarios keep their hash)', async () => {
    const f = await fields();
    expect(Object.keys(readerSchema(f).parse({ id: 'r', bands: ['13.56MHz'] }))).not.toContain('ideal');
    expect(readerSchema(f).parse({ id: 'r', bands: ['ideal'] })).toMatchObject({ nfc: null, rcc: null, ideal: { successProbability: 1 } });
  });

  it('defaults are shown with their units, as a scenario file writes them', () => {
    const n = NFC_SECTION.fields;
    const r = RCC_SECTION.fields;
    expect([n.antennaRadius, n.driveCurrent, n.inductance, n.noise, n.transactionTimeout, n.turns].map(shownDefault)).toEqual(['50 mm', '0.75 A', '1 uH', '12 mV', '1 s', 2]);
    expect([r.lfFrequency, r.triggerDistance, r.abortDistance, r.hearDistance, r.lfCoilRadius, r.txPowerDbm, r.rxSensitivityDbm, r.rssiStartThresholdDbm, r.lfBeaconPeriod].map(shownDefault)).toEqual(['2 kHz', '5 cm', '7 cm', '10 cm', '2 cm', '0 dBm', '-85 dBm', '-30 dBm', '100 ms']);
  });
});

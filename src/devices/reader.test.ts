import { describe, expect, test } from 'vitest';
import { bandFor, chooseBand, preparePair, tapOnce, type PairReader, type TapSurroundings } from './reader.js';
import { DEFAULT_TAP_GESTURE, drawTrajectory, gestureDurationNs } from '../motion/tap-gesture.js';
import { streamFor } from '../random/stream.js';
import { ms } from '../units.js';
import type { BandCarrier, BandSection } from '../radio/band.js';
import { NFC_BAND, NFC_SECTION, nfcTapParamsOf, type NfcPrepared } from '../radio/nfc-band.js';
import { withCarrierSpread } from '../radio/nfc-card-spread.js';
import { RCC_BAND, RCC_SECTION } from '../radio/rcc-band.js';
import { simulateNfcTap } from '../radio/nfc.js';
import { DEFAULT_BYSTANDER_GEOMETRY } from '../radio/bystander-geometry.js';

const defaults = (s: BandSection) => Object.fromEntries(Object.entries(s.fields).map(([k, f]) => [k, f.kind === 'time' ? f.defaultNs : f.default]));

function reader(bands: string[], preferred = '13.56MHz'): PairReader {
  return {
    bands,
    dualBandPreference: preferred,
    policy: 'emv',
    pollingPeriod: ms(20),
    nfc: bands.includes('13.56MHz') ? defaults(NFC_SECTION) : null,
    rcc: bands.includes('2.45GHz') ? defaults(RCC_SECTION) : null,
  };
}

function carrier(kind: string, bands: string[]): BandCarrier & { gesture: typeof DEFAULT_TAP_GESTURE } {
  return { kind, bands, attenuationDb: 0, attenuationSpreadDb: 0, detuningKHz: 0, cardType: 'A', flow: 'qpboc', qrScanFailure: 0.03, bodyLossDb: 6.5, bodyLossSpreadDb: 4, lfAttenuationSpreadDb: 3, gesture: DEFAULT_TAP_GESTURE };
}

const ALONE: TapSurroundings = { behind: null, neighbours: [], pitchM: 0.6, geometry: DEFAULT_BYSTANDER_GEOMETRY };

describe('band choice (dual-band SIM at a dual reader, docs/sources.md#f6-1)', () => {
  test('chooseBand: preference, fallback and no common band', () => {
    expect(chooseBand(['13.56MHz', '2.45GHz'], ['13.56MHz', '2.45GHz'], '2.45GHz')).toBe('2.45GHz');
    expect(chooseBand(['13.56MHz', '2.45GHz'], ['13.56MHz', '2.45GHz'], '13.56MHz')).toBe('13.56MHz');
    expect(chooseBand(['13.56MHz'], ['13.56MHz', '2.45GHz'], '2.45GHz')).toBe('13.56MHz');
    expect(chooseBand(['2.45GHz', '13.56MHz'], ['13.56MHz', '2.45GHz'], 'optical')).toBe('2.45GHz');
    expect(chooseBand(['2.45GHz'], ['13.56MHz'], '2.45GHz')).toBeNull();
  });
  test('bandFor: a band the carrier brings (QR) wins at every reader', () => {
    expect(bandFor(['13.56MHz'], ['optical'], '13.56MHz')).toBe('optical');
    expect(bandFor(['2.45GHz'], ['optical'], '13.56MHz')).toBe('optical');
    expect(bandFor(['13.56MHz', '2.45GHz'], ['13.56MHz', '2.45GHz'], '2.45GHz')).toBe('2.45GHz');
  });
});

describe('preparePair and tapOnce', () => {
  test('a 13.56 MHz pair carries the band model and its parameters; its tap is the band model tap after the two wallet draws', () => {
    const pair = preparePair(reader(['13.56MHz']), carrier('emv-card', ['13.56MHz']));
    expect(pair.band).toBe('13.56MHz');
    expect(pair.model).toBe(NFC_BAND);
    const params = nfcTapParamsOf(pair);
    expect(params?.reader.pollingPeriodNs).toBe(ms(20));
    const a = streamFor(5, 0, 'pair');
    const b = streamFor(5, 0, 'pair');
    const viaPair = tapOnce(pair, a, ALONE);
    // A card draws its population spread after the trajectory (radio/nfc-card-spread.ts), then whether a second card is in the wallet.
    const prepared = pair.prepared as NfcPrepared;
    expect(prepared.spread).not.toBeNull();
    const trajectory = drawTrajectory(b, DEFAULT_TAP_GESTURE);
    const spread = withCarrierSpread(params!, prepared.spread!, b);
    b.next01(); // a second card in the wallet? (radio/nfc-field-cards.ts)
    b.next01(); // its kind
    const direct = simulateNfcTap(spread, trajectory, b, undefined, prepared.activation);
    expect(viaPair).toEqual(direct);
    expect(viaPair.band).toBe('13.56MHz');
  });

  test('no common band: declined, labelled with the carrier own band, held for the dwell', () => {
    const pair = preparePair(reader(['13.56MHz']), carrier('rcc-phone', ['2.45GHz']));
    expect(pair.band).toBeNull();
    expect(pair.prepared).toBeNull();
    const out = tapOnce(pair, streamFor(6, 0, 'declined'), ALONE);
    const trajectory = drawTrajectory(streamFor(6, 0, 'declined'), DEFAULT_TAP_GESTURE);
    expect(out).toMatchObject({ cause: 'declined', band: '2.45GHz', latencyNs: 0, durationNs: gestureDurationNs(trajectory), frames: 0, heightM: trajectory.dwellHeightM });
  });

  test('a QR carrier is read optically at an RCC-only reader', () => {
    const pair = preparePair(reader(['2.45GHz']), carrier('qr', ['optical']));
    expect(pair.band).toBe('optical');
    const out = tapOnce(pair, streamFor(7, 0, 'qr'), ALONE);
    expect(out.band).toBe('optical');
    expect(['ok', 'frame-errors']).toContain(out.cause);
    expect(out.durationNs).toBeGreaterThan(0);
  });

  test('a 2.45 GHz tap hears a 2.45 GHz phone behind (more draws) and ignores a 13.56 MHz one', () => {
    const pair = preparePair(reader(['2.45GHz']), carrier('rcc-phone', ['2.45GHz']));
    expect(pair.model).toBe(RCC_BAND);
    const behind = (bands: string[]): TapSurroundings => ({ behind: { bands, restingPlacement: 'pocket' }, neighbours: [], pitchM: 0.6, geometry: DEFAULT_BYSTANDER_GEOMETRY });
    const alone = tapOnce(pair, streamFor(8, 0, 'rcc'), ALONE);
    expect(tapOnce(pair, streamFor(8, 0, 'rcc'), behind(['13.56MHz']))).toEqual(alone);
    const rngA = streamFor(8, 0, 'rcc');
    const rngB = streamFor(8, 0, 'rcc');
    tapOnce(pair, rngA, ALONE);
    tapOnce(pair, rngB, behind(['2.45GHz']));
    expect(rngB.next01()).not.toBe(rngA.next01());
  });
});

import { describe, expect, it } from 'vitest';
import { CARRIER_KIND_TABLE, CARRIER_KINDS, carrierKind } from './carrier-kinds.js';
import { BANDS } from '../radio/bands.js';
import { defaultNfcTapParams, type NfcCarrierKind } from '../radio/nfc-params.js';
import { meanOf } from '../random/distributions.js';

describe('carrier kinds table', () => {
  it('lists bands of the registry only, each kind at least one', () => {
    for (const kind of CARRIER_KINDS) {
      const row = CARRIER_KIND_TABLE[kind];
      expect(row.bands.length, kind).toBeGreaterThan(0);
      for (const b of row.bands) expect(BANDS, `${kind} ${b}`).toContain(b);
    }
  });

  it('a kind that can use 13.56 MHz has a 13.56 MHz profile whose handset terms are the table defaults', () => {
    for (const kind of CARRIER_KINDS) {
      const row = carrierKind(kind);
      const profile = row.profiles['13.56MHz'] as NfcCarrierKind | undefined;
      if (!row.bands.includes('13.56MHz')) continue;
      expect(profile, kind).toBeDefined();
      const c = defaultNfcTapParams(profile!).carrier;
      expect(meanOf(c.couplingLossDb), kind).toBe(row.attenuationDb);
      expect(meanOf(c.detuningHz), kind).toBe(row.detuningKHz * 1e3);
    }
  });

  it('an unknown kind is an error that names the known ones', () => {
    expect(() => carrierKind('smart-watch')).toThrow(/unknown carrier kind 'smart-watch' \(known: nfc-phone, /);
  });
});

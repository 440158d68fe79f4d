import { describe, test, expect } from 'vitest';
import { qpbocFlow, transitEpurseFlow, mifareTicketFlow, qrOpticalFlow, gpoWithFddaMs, SE_CRYPTO_COST_MS } from './apdu-flows.js';
import { meanOf } from '../random/distributions.js';

describe('APDU flows as data (docs/sources.md#f10)', () => {
  test('qPBOC: PPSE, AID, GPO + k READ RECORD = 4–8 APDUs', () => {
    for (const k of [1, 2, 4]) {
      const f = qpbocFlow(k);
      expect(f.steps.map((s) => s.name).slice(0, 3)).toEqual(['SELECT PPSE', 'SELECT AID', 'GPO']);
      expect(f.steps.length).toBeGreaterThanOrEqual(4);
      expect(f.steps.length).toBeLessThanOrEqual(8);
    }
  });
  test('fDDA cost spans the measured RSA-1024 chips (15–85 ms) plus handling', () => {
    const d = gpoWithFddaMs(0);
    expect(d.kind === 'empirical' && d.values[0]).toBe(SE_CRYPTO_COST_MS.rsa1024CrtPrivate.jcop4);
    expect(d.kind === 'empirical' && d.values.at(-1)).toBe(SE_CRYPTO_COST_MS.rsa1024CrtPrivate.secoraIdXOther);
  });
  test('transit e-purse: 4–6 card APDUs, MAC1 before DEBIT, MAC2 after the last frame', () => {
    const f = transitEpurseFlow();
    expect(f.steps.length).toBeGreaterThanOrEqual(4);
    expect(f.steps.length).toBeLessThanOrEqual(6);
    expect(f.steps.at(-1)!.name).toBe('DEBIT FOR PURCHASE');
    expect(f.steps.at(-1)!.terminalBeforeMs).toBeDefined();
    expect(meanOf(f.afterLastFrameMs)).toBeGreaterThan(0);
  });
  test('all sizes are positive byte counts; QR has no RF', () => {
    for (const f of [qpbocFlow(), transitEpurseFlow(), mifareTicketFlow()]) {
      for (const s of f.steps) {
        expect(Number.isInteger(s.commandBytes) && s.commandBytes > 0).toBe(true);
        expect(Number.isInteger(s.responseBytes) && s.responseBytes > 0).toBe(true);
      }
    }
    expect(mifareTicketFlow().protocol).toBe('native');
    expect(qrOpticalFlow().protocol).toBe('optical');
  });
});

import { describe, test, expect } from 'vitest';
import { DEFAULT_ISO_DEP, isoDepApdu, runExchange, frameEtu, type FrameLink, type LinkSession } from './iso-dep.js';
import { cyclesToNs, fwtCycles } from './iso14443.js';
import { streamFor } from '../random/stream.js';

const session = (): LinkSession => ({ tNs: 0, frames: 0, retransmissions: 0, collisions: 0 });
const perfect: FrameLink = { frameErrorProbability: () => 0 };
const rng = () => streamFor(11, 0, 'iso-dep');

describe('ISO-DEP block exchange', () => {
  test('one short APDU: two frames, timing = frames + FDT + turnaround + processing', () => {
    const s = session();
    expect(isoDepApdu(s, perfect, rng(), 5, 200, 1_000_000, DEFAULT_ISO_DEP)).toBe('ok');
    expect(s.frames).toBe(2);
    const cycles = (frameEtu('A', 8) + frameEtu('A', 203)) * 128 + 1172;
    expect(s.tNs).toBe(cyclesToNs(cycles) + 1_000_000 + cyclesToNs(1172));
  });
  test('response chaining with FSC 256: 600 bytes → 3 I-blocks, 2 R(ACK)', () => {
    const s = session();
    expect(isoDepApdu(s, perfect, rng(), 5, 600, 0, DEFAULT_ISO_DEP)).toBe('ok');
    expect(s.frames).toBe(6);
  });
  test('command chaining: 300-byte command → one chained block + R(ACK)', () => {
    const s = session();
    expect(isoDepApdu(s, perfect, rng(), 300, 10, 0, DEFAULT_ISO_DEP)).toBe('ok');
    expect(s.frames).toBe(4);
  });
  test('WTX while the card works longer than FWT; timeout beyond maxWtx', () => {
    const fwtNs = cyclesToNs(fwtCycles(DEFAULT_ISO_DEP.fwi));
    const s = session();
    expect(isoDepApdu(s, perfect, rng(), 5, 10, Math.round(2.5 * fwtNs), DEFAULT_ISO_DEP)).toBe('ok');
    expect(s.frames).toBe(6);
    expect(s.tNs).toBeGreaterThan(2.5 * fwtNs);
    expect(isoDepApdu(session(), perfect, rng(), 5, 10, 20 * fwtNs, DEFAULT_ISO_DEP)).toBe('timeout');
  });
  test('R(NAK) retransmission bounded: a dead uplink gives frame-errors after maxRetransmissions', () => {
    const s = session();
    const dead: FrameLink = { frameErrorProbability: () => 1 };
    expect(isoDepApdu(s, dead, rng(), 5, 10, 0, DEFAULT_ISO_DEP)).toBe('frame-errors');
    expect(s.retransmissions).toBe(DEFAULT_ISO_DEP.maxRetransmissions);
    expect(s.frames).toBe(2 * (DEFAULT_ISO_DEP.maxRetransmissions + 1));
  });
  test('a lossy uplink mostly recovers with retransmissions', () => {
    const r = rng();
    const lossy: FrameLink = { frameErrorProbability: () => 0.3 };
    let ok = 0;
    let retx = 0;
    for (let i = 0; i < 2000; i++) {
      const s = session();
      if (runExchange(s, lossy, r, 50, 50, 128, 1172, 1172, 0, 2) === 'ok') ok++;
      retx += s.retransmissions;
    }
    expect(ok / 2000).toBeCloseTo(1 - 0.3 ** 3, 1);
    expect(retx).toBeGreaterThan(0);
  });
  test('tearing: the carrier leaves the field mid-exchange', () => {
    const leaves: FrameLink = { frameErrorProbability: (tNs) => (tNs > 3_000_000 ? -1 : 0) };
    const s = session();
    expect(isoDepApdu(s, leaves, rng(), 5, 10, 1_000_000, DEFAULT_ISO_DEP)).toBe('ok');
    expect(isoDepApdu(s, leaves, rng(), 5, 10, 5_000_000, DEFAULT_ISO_DEP)).toBe('tear');
  });
});

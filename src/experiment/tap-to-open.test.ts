/**
 * Per passage, on both bands (station/gate.ts PassTiming, station/world/tap-events.ts): the
 * tap-to-open time — measured independently as the opening instant minus the presentation
 * instant — equals latency + authorisation + gate exactly (integer ns), and every logged tap's
 * components sum to its latency.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import { runReplication } from './replication.js';
import { TAP_COMPONENTS } from '../link/tap-timeline.js';

const scenario = (bands: string, authorisation: string): string => `
name: tap-to-open-test
seed: 5
duration: 3 min
warmup: 30 s
carriers:
  - { id: dual-sim, kind: dual-sim, share: 0.7, authorisation: ${authorisation} }
  - { id: card, kind: emv-card, share: 0.3, authorisation: ${authorisation} }
readers:
  - { id: r, bands: ${bands}, policy: transit, dualBandPreference: 2.45GHz }
stations:
  - id: S
    entrances:
      - id: A
        demand: { rate: 4000 }
        walkTime: { kind: uniform, min: 3 s, max: 8 s }
        gatelines:
          - { id: row, gates: 4, pitch: 0.65 m, reader: r, gateType: flap, choice: shortest-queue }
outputs:
  transactions: true
  interval: 1 min
`;

describe('tap-to-open = latency + auth + gate, per passage', () => {
  test.each([
    ['[13.56MHz]', 'online'],
    ['[2.45GHz, 13.56MHz]', 'deferred'],
  ])('readers %s, %s authorisation', async (bands, authorisation) => {
    const dir = mkdtempSync(join(tmpdir(), 'tapsim-tap-to-open-'));
    writeFileSync(join(dir, 's.yaml'), scenario(bands, authorisation));
    const s = (await loadScenario(join(dir, 's.yaml'))).scenario;
    const t = runReplication({ scenario: s, replication: 0, seed: s.seed }).transactions!;
    let passages = 0;
    const bad: string[] = [];
    for (let i = 0; i < t.tNs.length; i++) {
      const total = TAP_COMPONENTS.reduce((sum, k) => sum + t.components[k][i]!, 0);
      if (total !== t.latencyNs[i]) bad.push(`row ${i}: components ${total} ≠ latency ${t.latencyNs[i]}`);
      if (Number.isNaN(t.tapToOpenNs[i]!)) continue;
      passages++;
      if (t.tapToOpenNs[i] !== t.latencyNs[i]! + t.authNs[i]! + t.gateNs[i]!) bad.push(`row ${i}: tap-to-open ${t.tapToOpenNs[i]} ≠ ${t.latencyNs[i]} + ${t.authNs[i]} + ${t.gateNs[i]}`);
      if (t.authNs[i]! < 0 || t.gateNs[i]! < 0) bad.push(`row ${i}: negative auth ${t.authNs[i]} or gate ${t.gateNs[i]}`);
    }
    expect(bad).toEqual([]);
    expect(passages).toBeGreaterThan(100);
    const bandsSeen = new Set(t.band.map((b) => t.strings[b]));
    expect([...bandsSeen].sort()).toEqual(bands.includes('2.45GHz') ? ['13.56MHz', '2.45GHz'] : ['13.56MHz']);
  });
});

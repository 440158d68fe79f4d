/**
 * The notebooks at reduced size (scale 0.1): they run, write their folder atomically, and what
 * they find is sane — orderings and monotonicity that must hold whatever the exact numbers, and
 * README text that quotes the computed numbers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as band from './band-comparison.js';
import * as backend from './backend-sizing.js';
import * as gates from './gate-sizing.js';
import { fix } from './lib.js';

const root = mkdtempSync(join(tmpdir(), 'tapsim-notebooks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function checkFolder(dir: string, files: readonly string[], readme: string): void {
  const onDisk = readdirSync(dir).sort();
  expect(onDisk).toEqual([...files]);
  expect(onDisk.some((f) => f.startsWith('.'))).toBe(false); // no temporary leftovers
  expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(readme);
  for (const svg of files.filter((f) => f.endsWith('.svg'))) {
    expect(readme).toContain(`](${svg})`);
    const text = readFileSync(join(dir, svg), 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).not.toMatch(/NaN|undefined/);
  }
}

describe('band-comparison (scale 0.1)', () => {
  it('orders the bands as LF control must and writes its report', async () => {
    const dir = join(root, 'band-comparison');
    const f = await band.run({ scale: 0.1, outDir: dir });
    checkFolder(dir, f.files, f.readme);
    expect(f.files).toContain('wrong-gate-vs-pitch.svg');
    // 13.56 MHz and LF-controlled RCC never bind the wrong phone; RSSI-only RCC does, at every pitch.
    for (const p of f.pitch) {
      if (p.config === 'rcc-nolf') expect(p.wrongGatePer10k.mean).toBeGreaterThan(0);
      else expect(p.wrongGateTotal).toBe(0);
    }
    // Without LF control, more queue means more phones in range: more wrong-gate binds and collisions.
    const nolf = f.density.filter((p) => p.config === 'rcc-nolf');
    expect(nolf[nolf.length - 1]!.wrongGatePer10k.mean).toBeGreaterThan(nolf[0]!.wrongGatePer10k.mean);
    expect(nolf[nolf.length - 1]!.collisionPer10k.mean).toBeGreaterThan(nolf[0]!.collisionPer10k.mean);
    // Success: LF-controlled RCC beats RSSI-only RCC at the dense base point.
    expect(f.base['rcc-lf'].success.mean).toBeGreaterThan(f.base['rcc-nolf'].success.mean);
    for (const c of band.CONFIGS) {
      const b = f.base[c.id];
      expect(b.success.mean).toBeGreaterThan(0.5);
      expect(b.success.mean).toBeLessThanOrEqual(1);
      expect(b.latencyP95Ms.mean).toBeGreaterThanOrEqual(b.latencyP50Ms.mean);
    }
    // The README quotes the computed numbers.
    expect(f.readme).toContain(fix(f.base['rcc-nolf'].wrongGatePer10k.mean, 0));
    expect(f.readme).toContain(`${fix(f.base.nfc.success.mean * 100, 2)} %`);
  });
});

describe('gate-sizing (scale 0.1)', () => {
  it('needs more gates for more flow and for slower carriers', async () => {
    const dir = join(root, 'gate-sizing');
    const f = await gates.run({ scale: 0.1, outDir: dir });
    checkFolder(dir, f.files, f.readme);
    const at = (mix: string, flow: number) => f.rows.find((r) => r.mix === mix && r.flowPpm === flow)!;
    const [lo, hi] = [f.flows[0]!, f.flows[f.flows.length - 1]!];
    for (const mix of ['cards', 'phones']) {
      expect(at(mix, hi).gates).toBeGreaterThan(at(mix, lo).gates);
      // The answer meets the SLO; one gate fewer does not.
      expect(at(mix, hi).atGates.meets).toBe(true);
      expect(at(mix, hi).below?.meets).toBe(false);
      // Enough gates to carry the flow at the measured capacity.
      expect(at(mix, hi).gates).toBeGreaterThanOrEqual(hi / f.capacityPpm[mix as gates.MixId]!.mean);
    }
    expect(f.capacityPpm.phones!.mean).toBeLessThan(f.capacityPpm.cards!.mean);
    expect(at('phones', hi).gates).toBeGreaterThanOrEqual(at('cards', hi).gates);
    // V19 rule: ⌈flow / (25 · 0.8)⌉.
    expect(at('cards', hi).ruleFacts).toBe(Math.ceil(hi / 20));
    expect(f.readme).toContain(`Transit cards ${at('cards', hi).gates}`);
  });
});

describe('backend-sizing (scale 0.1)', () => {
  it('sizes online above the offered load, deferred far below, and matches Erlang C', async () => {
    const dir = join(root, 'backend-sizing');
    const f = await backend.run({ scale: 0.1, outDir: dir });
    checkFolder(dir, f.files, f.readme);
    let previous = 0;
    for (const l of f.levels) {
      expect(l.onlineServers).toBeGreaterThan(l.offeredErlang);
      expect(l.onlineServers).toBeGreaterThan(previous);
      previous = l.onlineServers;
      expect(l.onlineP99S).toBeLessThanOrEqual(backend.P99_SLO_S);
      expect(l.erlangServers).toBeGreaterThan(l.offeredErlang);
      expect(l.deferredServers * 20).toBeLessThan(l.onlineServers);
      expect(l.deferredServers).toBeGreaterThanOrEqual(Math.ceil(l.deferredOfferedErlang));
    }
    // Simulated P(wait) of an M/M/c host tracks Erlang C and falls with servers.
    const v = f.validation.points;
    for (const p of v) expect(Math.abs(p.simPWait.mean - p.erlangPWait)).toBeLessThan(0.15);
    expect(v[0]!.simPWait.mean).toBeGreaterThan(v[v.length - 1]!.simPWait.mean);
    expect(f.readme).toContain(`${f.levels[0]!.onlineServers} servers`);
  });

  it('Erlang C baseline tail is a probability that falls with servers', () => {
    const a = 2000 * backend.SERVICE_MEAN_S;
    const c1 = Math.ceil(a) + 2;
    const t1 = backend.erlangResponseTail(c1, 2000, 0.986);
    const t2 = backend.erlangResponseTail(c1 + 20, 2000, 0.986);
    expect(t1).toBeGreaterThan(t2);
    expect(t2).toBeGreaterThan(0);
    expect(t1).toBeLessThanOrEqual(1);
    const c = backend.erlangServersForP99(2000);
    expect(backend.erlangResponseTail(c, 2000, 0.986)).toBeLessThanOrEqual(0.01);
    expect(backend.erlangResponseTail(c - 1, 2000, 0.986)).toBeGreaterThan(0.01);
  });
});

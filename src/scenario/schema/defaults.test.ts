import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKEND, DEFAULT_FEP, DEFAULT_HOST, DEFAULT_RISK, DEFAULT_TERMINAL } from '../../backend/backend.js';
import { DEFAULT_TAP_GESTURE } from '../../motion/tap-gesture.js';
import { DEFAULT_BYSTANDER_GEOMETRY } from '../../radio/bystander-geometry.js';
import { DEFAULT_EXTRA_CARDS } from '../../radio/nfc-field-cards.js';
import { ms, s } from '../../units.js';
import { compileRateExpression } from '../expression.js';
import { createQuantityParser, loadMath } from '../units.js';
import { constantTimeText, timeText } from './default-text.js';
import { buildScenarioSchema, scenarioJsonSchema, type ResolvedScenario } from './index.js';

/** A scenario that sets nothing it need not: every other field takes the schema's default. */
const MINIMAL = {
  name: 'minimal',
  duration: '1 h',
  carriers: [{ id: 'c', kind: 'transit-card', share: 1 }],
  readers: [{ id: 'r', bands: ['13.56MHz'] }],
  stations: [{ id: 'S', entrances: [{ id: 'E', demand: { rate: 100 }, gatelines: [{ id: 'G', gates: 1, reader: 'r' }] }] }],
};

async function resolveMinimal(readers: unknown[] = MINIMAL.readers): Promise<ResolvedScenario> {
  const math = await loadMath();
  const schema = buildScenarioSchema({ quantity: createQuantityParser(math), rateExpression: (t) => compileRateExpression(math, t) });
  return schema.parse({ ...MINIMAL, readers }) as ResolvedScenario;
}

describe('schema defaults are the model constants they configure', () => {
  it('backend and outputs (src/backend/backend.ts)', async () => {
    const sc = await resolveMinimal();
    const b = sc.backend;
    expect(b.link.kind).toBe(DEFAULT_BACKEND.link.kind);
    expect(b.terminal).toEqual({
      timeout: DEFAULT_TERMINAL.timeoutNs,
      maxRetries: DEFAULT_TERMINAL.maxRetries,
      retryBackoff: DEFAULT_TERMINAL.retryBackoffNs,
      fallback: DEFAULT_TERMINAL.fallback,
      floorLimitCents: DEFAULT_TERMINAL.floorLimitCents,
      localCheck: DEFAULT_TERMINAL.localCheckS,
    });
    expect(b.risk).toEqual(DEFAULT_RISK);
    expect(b.fep).toEqual({
      servers: DEFAULT_FEP.servers,
      serviceTime: DEFAULT_FEP.serviceS,
      queueCap: DEFAULT_FEP.queueCapacity,
      batchInterval: DEFAULT_FEP.batchIntervalNs,
      maxBatchRecords: DEFAULT_FEP.maxBatchRecords,
    });
    expect(b.channels).toHaveLength(1);
    const [channel] = b.channels;
    expect(channel).toEqual({
      id: DEFAULT_BACKEND.channels[0]!.id,
      share: DEFAULT_BACKEND.channels[0]!.share,
      servers: DEFAULT_HOST.servers,
      serviceTime: DEFAULT_HOST.serviceS,
      queueCap: DEFAULT_HOST.queueCapacity,
      kneeUtilisation: DEFAULT_HOST.kneeUtilisation,
      slowdownSlope: DEFAULT_HOST.slowdownSlope,
      declineProbability: DEFAULT_HOST.declineProbability,
    });
    expect(sc.outputs.interval).toBe(DEFAULT_BACKEND.intervalNs);
  });

  it('the tap gesture (src/motion/tap-gesture.ts)', async () => {
    const sc = await resolveMinimal();
    expect(sc.carriers[0]!.gesture).toEqual(DEFAULT_TAP_GESTURE);
  });

  it('the wallet card and the bystander geometry (radio/nfc-field-cards.ts, radio/bystander-geometry.ts)', async () => {
    const sc = await resolveMinimal();
    expect(sc.carriers[0]!.extraCards).toEqual(DEFAULT_EXTRA_CARDS);
    expect(sc.bystanders).toEqual(DEFAULT_BYSTANDER_GEOMETRY);
  });

  it('multiCard: refuse by default, from the older policy name, and a contradiction is refused', async () => {
    expect((await resolveMinimal()).readers[0]!.multiCard).toBe('refuse');
    expect((await resolveMinimal([{ id: 'r', bands: ['13.56MHz'], policy: 'transit' }])).readers[0]!.multiCard).toBe('select');
    expect((await resolveMinimal([{ id: 'r', bands: ['13.56MHz'], multiCard: 'select' }])).readers[0]!.policy).toBe('transit');
    await expect(resolveMinimal([{ id: 'r', bands: ['13.56MHz'], multiCard: 'select', policy: 'emv' }])).rejects.toThrow(/multiCard 'select' contradicts policy 'emv'/);
  });

  it('JSON Schema shows every time default with its unit', () => {
    const found: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (typeof o['description'] === 'string' && o['description'].includes('resolved to integer ns') && 'default' in o) found.push(`${path} = ${JSON.stringify(o['default'])}`);
      for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
    };
    walk(scenarioJsonSchema(), '#');
    expect(found.length).toBeGreaterThan(10);
    // A time default is text with a unit ("100 ms"); only zero may be bare.
    expect(found.filter((line) => !/ = ("\d+(\.\d+)? (ms|s|min|h)"|0)$/.test(line))).toEqual([]);
    expect(found).toContain('#.properties.backend.properties.terminal.properties.retryBackoff = "100 ms"');
    expect(found).toContain('#.properties.outputs.properties.interval = "1 min"');
  });
});

describe('default text', () => {
  it('writes times in the unit asked for', () => {
    expect(timeText(s(1), 's')).toBe('1 s');
    expect(timeText(ms(100), 'ms')).toBe('100 ms');
    expect(timeText(s(60), 'min')).toBe('1 min');
    expect(timeText(ms(1500), 's')).toBe('1.5 s');
    expect(constantTimeText({ kind: 'constant', value: 0.005 }, 'ms')).toBe('5 ms');
    expect(() => constantTimeText({ kind: 'exponential', mean: 1 }, 's')).toThrow(/not one time/);
  });
});

/**
 * The one tap timeline (docs/architecture.md#tap-timeline) over every band: the components sum
 * exactly to the latency (property test), latency = duration − presentation, and the carrier's
 * flow runs the same commands on 13.56 MHz and 2.45 GHz.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { drawTrajectory, DEFAULT_TAP_GESTURE, presentationNs, type TapGestureParams, type TapTrajectory } from '../motion/tap-gesture.js';
import { streamFor } from '../random/stream.js';
import { componentsTotalNs, TAP_COMPONENTS } from '../link/tap-timeline.js';
import { apduFlowByName, type ApduStep } from '../link/apdu-flows.js';
import { secureElement, SECURE_ELEMENTS } from '../link/secure-element.js';
import { simulateNfcTap } from './nfc.js';
import { asTypeB, defaultNfcTapParams, type NfcCarrierKind, type NfcTapParams } from './nfc-params.js';
import { simulateRccTap } from './rcc.js';
import { DEFAULT_RCC_CONTEXT, DEFAULT_RCC_PARAMS, type RccCandidate, type RccParams } from './rcc-params.js';
import { opticalTap } from './optical.js';
import { idealTap } from './ideal.js';
import { qrOpticalFlow } from '../link/apdu-flows.js';
import type { TapOutcome } from './tap-outcome.js';

const c = (value: number) => ({ kind: 'constant' as const, value });

/** Everything a timed outcome must satisfy, as a list of broken rules (empty when all hold). */
/**
 * What must hold of every tap: components sum exactly to latency, and the attempt ends at the
 * reader's result (latency = duration − presentation) — or, after a failure the reader indicated,
 * one reaction later (motion/closed-loop.ts): duration − presentation − latency = the reaction.
 */
function broken(o: TapOutcome, reactionNs: number): string[] {
  const out: string[] = [];
  for (const k of TAP_COMPONENTS) if (!Number.isInteger(o.components[k]) || o.components[k] < 0) out.push(`${k} = ${o.components[k]}`);
  if (componentsTotalNs(o.components) !== o.latencyNs) out.push(`components ${componentsTotalNs(o.components)} ≠ latency ${o.latencyNs}`);
  const after = o.durationNs - o.presentationNs - o.latencyNs;
  const paid = o.cause === 'ok' || o.cause === 'wrong-card' || o.cause === 'wrong-gate';
  if (after !== 0 && (paid || after !== reactionNs)) out.push(`${o.cause}: duration ${o.durationNs} − presentation ${o.presentationNs} − latency ${o.latencyNs} = ${after}, neither 0 nor the reaction ${reactionNs}`);
  if (o.presentationNs < 0) out.push(`presentation ${o.presentationNs} < 0`);
  return out;
}

const gestureArb = fc.record({
  presentationHeightM: fc.double({ min: 0, max: 0.3, noNaN: true }),
  dwellHeightM: fc.oneof(fc.double({ min: 0, max: 0.06, noNaN: true }), fc.double({ min: 0.1, max: 0.25, noNaN: true })),
  lateralOffsetM: fc.double({ min: -0.04, max: 0.04, noNaN: true }),
  holdS: fc.double({ min: 0, max: 1.5, noNaN: true }),
  approachSpeedMPerS: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

function trajectoryOf(g: fc.RecordValue<typeof gestureArb>): TapTrajectory {
  const params: TapGestureParams = {
    ...DEFAULT_TAP_GESTURE,
    presentationHeightM: g.presentationHeightM,
    dwellHeightM: c(g.dwellHeightM),
    lateralOffsetM: c(g.lateralOffsetM),
    impatienceS: c(g.holdS),
    approachSpeedMPerS: c(g.approachSpeedMPerS),
  };
  return drawTrajectory(streamFor(g.seed, 0, 'traj'), params);
}

function nfcParams(kind: NfcCarrierKind, typeB: boolean, flow: string, se: (typeof SECURE_ELEMENTS)[number]): NfcTapParams {
  const p = defaultNfcTapParams(kind);
  const named = apduFlowByName(flow);
  const carrier = { ...(typeB ? asTypeB(p.carrier) : p.carrier), secureElement: secureElement(se), ...(named.protocol === 'optical' ? {} : { flow: named }) };
  return { ...p, carrier };
}

function rccCandidates(t: TapTrajectory, bystanders: boolean): RccCandidate[] {
  const out: RccCandidate[] = [{ id: 'tapper', tapper: true, placement: 'hand', motion: { kind: 'gesture', trajectory: t, startNs: 0 } }];
  if (bystanders) {
    out.push({ id: 'behind', tapper: false, placement: 'pocket', motion: { kind: 'static', position: { heightM: 0.1, lateralOffsetM: 0.35, tiltRad: 0 } } });
    out.push({ id: 'lane', tapper: false, placement: 'hand', motion: { kind: 'static', position: { heightM: 0.02, lateralOffsetM: 0.65, tiltRad: 0 } } });
  }
  return out;
}

describe('one tap timeline (property, fast-check)', () => {
  test('13.56 MHz: components sum exactly to latency = duration − presentation (− the reaction after an indicated failure), failures included', () => {
    fc.assert(
      fc.property(gestureArb, fc.constantFrom<NfcCarrierKind>('emv-card', 'nfc-phone', 'transit-card'), fc.boolean(), fc.constantFrom('qpboc', 'transit-epurse', 'mifare'), fc.constantFrom(...SECURE_ELEMENTS), fc.integer({ min: 0, max: 2 }), (g, kind, typeB, flow, se, others) => {
        const t = trajectoryOf(g);
        const o = simulateNfcTap(nfcParams(kind, typeB, flow, se), t, streamFor(g.seed, 1, 'nfc'), { otherCardsInField: others });
        expect(broken(o, t.reactionNs)).toEqual([]);
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  test('2.45 GHz: the same, with and without LF control, bystanders, a far hear distance and either multi-target policy', () => {
    fc.assert(
      fc.property(gestureArb, fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom('refuse-retry', 'pick-random'), fc.constantFrom('qpboc', 'transit-epurse'), (g, lfControl, bystanders, farHear, policy, flow) => {
        const params: RccParams = {
          ...DEFAULT_RCC_PARAMS,
          lfControl,
          multiTargetPolicy: policy as RccParams['multiTargetPolicy'],
          lf: { ...DEFAULT_RCC_PARAMS.lf, hearDistanceM: farHear ? 0.5 : DEFAULT_RCC_PARAMS.lf.hearDistanceM },
          flow: apduFlowByName(flow),
        };
        const t = trajectoryOf(g);
        const o = simulateRccTap(params, rccCandidates(t, bystanders), streamFor(g.seed, 2, 'rcc'), DEFAULT_RCC_CONTEXT);
        expect(broken(o, t.reactionNs)).toEqual([]);
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  test('optical and ideal: the whole latency in one component, from the presentation', () => {
    fc.assert(
      fc.property(gestureArb, (g) => {
        const t = trajectoryOf(g);
        const q = opticalTap(qrOpticalFlow(), 0.1, streamFor(g.seed, 3, 'qr'), t);
        const i = idealTap({ latencyNs: 80e6, successProbability: 0.5 }, t, streamFor(g.seed, 4, 'ideal'));
        expect([...broken(q, t.reactionNs), ...broken(i, t.reactionNs)]).toEqual([]);
        expect([q.presentationNs, i.presentationNs, i.components.airNs, q.components.readerNs]).toEqual([presentationNs(t), presentationNs(t), 80e6, q.latencyNs]);
      }),
      { numRuns: 200, seed: 16 },
    );
  });
});

describe('presentation instant (motion/tap-gesture.ts)', () => {
  test('first within the presentation height on the approach, else the dwell height reached', () => {
    const t: TapTrajectory = { startHeightM: 0.2, approachSpeedMPerS: 0.5, dwellHeightM: 0.01, lateralOffsetM: 0, tiltRad: 0, holdNs: 5e8, retreatSpeedMPerS: 0.6, presentationHeightM: 0.1 };
    expect(presentationNs(t)).toBe(200_000_000); // 0.1 m at 0.5 m/s
    expect(presentationNs({ ...t, dwellHeightM: 0.15 })).toBe(100_000_000); // dwell above it: dwell reached
    expect(presentationNs({ ...t, presentationHeightM: 0.3 })).toBe(0); // starts inside it
  });
});

/** A good tap on axis, held 2 s: every tap completes on both bands. */
const GOOD: TapGestureParams = { ...DEFAULT_TAP_GESTURE, dwellHeightM: c(0.01), lateralOffsetM: c(0), tiltDeg: c(0), holdS: c(2) };

/** The commands one tap sends, as "name cmd→resp". */
function nfcCommands(flow: string, seed: number): { cause: string; commands: string[] } {
  const commands: string[] = [];
  const rng = streamFor(seed, 0, 'nfc-cmds');
  const o = simulateNfcTap(nfcParams('nfc-phone', false, flow, 'sim-swp'), drawTrajectory(rng, GOOD), rng, undefined, undefined, (s: ApduStep) => commands.push(`${s.name} ${s.commandBytes}→${s.responseBytes}`));
  return { cause: o.cause, commands };
}

function rccCommands(flow: string, seed: number): { cause: string; commands: string[] } {
  const commands: string[] = [];
  const rng = streamFor(seed, 0, 'rcc-cmds');
  const params: RccParams = { ...DEFAULT_RCC_PARAMS, flow: apduFlowByName(flow), secureElement: secureElement('sim-swp') };
  const o = simulateRccTap(params, rccCandidates(drawTrajectory(rng, GOOD), false), rng, DEFAULT_RCC_CONTEXT, (s: ApduStep) => commands.push(`${s.name} ${s.commandBytes}→${s.responseBytes}`));
  return { cause: o.cause, commands };
}

describe("the carrier's flow over either band (link/flow-run.ts)", () => {
  test.each(['qpboc', 'transit-epurse', 'mifare'])('%s: the same commands, in order, on 13.56 MHz and 2.45 GHz', (flow) => {
    const expected = apduFlowByName(flow).steps.map((s) => `${s.name} ${s.commandBytes}→${s.responseBytes}`);
    for (const seed of [1, 2, 3]) {
      const nfc = nfcCommands(flow, seed);
      const rcc = rccCommands(flow, seed);
      expect([nfc.cause, rcc.cause]).toEqual(['ok', 'ok']);
      expect(nfc.commands).toEqual(expected);
      expect(rcc.commands).toEqual(expected);
    }
  });
});

/**
 * `npm run bench -- physics`: evaluations per second of the issue-17 field functions against what the
 * models use today, on the same precomputed positions, one core. Timing lives here, never in tests.
 */
import { performance } from 'node:perf_hooks';
import { streamFor } from '../random/stream.js';
import { DEFAULT_LF_FIELD, lfFieldAPerM } from '../physics/lf-field.js';
import { lfExactFieldAPerM } from '../physics/lf-field-exact.js';
import { sensedLfAPerM } from '../radio/rcc-link.js';
import { DEFAULT_RCC_PARAMS } from '../radio/rcc-params.js';
import { circularLoopTiltedFieldAPerM } from '../physics/loop-field.js';
import { rectangularLoopNormalFieldAPerM, tiltedNormal } from '../physics/rectangular-loop-normal.js';
import { carrierPose, readerLoopNormalFieldAtPosePerAmpereTurnPerM, readerLoopNormalFieldPerAmpereTurnPerM, type CarrierPose, type ReaderLoopShape } from '../physics/reader-loop-shape.js';

export interface PhysicsBenchRow {
  suite: string;
  case: string;
  value: number;
  unit: string;
  target: string;
  note: string;
}

const POSITIONS = 4096;

/** Positions as the RCC link sees them: height 0–20 cm, offset 0–1 m (own gate and neighbour lanes), tilt ±0.5 rad. */
function positions(): Record<'h' | 'r' | 'psi' | 't' | 'phi' | 'x' | 'y', Float64Array> {
  const rng = streamFor(1, 0, 'bench:physics');
  const h = new Float64Array(POSITIONS), r = new Float64Array(POSITIONS), psi = new Float64Array(POSITIONS), t = new Float64Array(POSITIONS), phi = new Float64Array(POSITIONS);
  const x = new Float64Array(POSITIONS), y = new Float64Array(POSITIONS);
  for (let i = 0; i < POSITIONS; i++) {
    h[i] = 0.2 * rng.next01();
    r[i] = rng.next01() < 0.5 ? 0.05 * rng.next01() : rng.next01();
    psi[i] = 2 * Math.PI * rng.next01();
    t[i] = rng.next01() - 0.5;
    phi[i] = Math.PI * rng.next01();
    x[i] = r[i]! * Math.cos(psi[i]!);
    y[i] = r[i]! * Math.sin(psi[i]!);
  }
  return { h, r, psi, t, phi, x, y };
}

type Positions = ReturnType<typeof positions>;
const LF = DEFAULT_LF_FIELD;
const RECT: ReaderLoopShape = { shape: 'rectangle', widthM: 0.08, lengthM: 0.05 };
const CIRCLE: ReaderLoopShape = { shape: 'circle', radiusM: 0.05 };

/**
 * One timed pass per case. Each case has its own loop (no shared higher-order helper), so V8 inlines
 * every callee the same way and no case pays for another's call-site polymorphism.
 */
const CASES: Record<string, (p: Positions, n: number, normals: Float64Array, poses: readonly CarrierPose[]) => number> = {
  lfOld: (p, n) => {
    let s = 0;
    for (let i = 0; i < n; i++) { const j = i & (POSITIONS - 1); s += lfFieldAPerM(LF.turnsCurrentA, LF.coilRadiusM, p.h[j]!, p.r[j]!); }
    return s;
  },
  lfExact: (p, n) => {
    let s = 0;
    for (let i = 0; i < n; i++) { const j = i & (POSITIONS - 1); s += lfExactFieldAPerM(LF.turnsCurrentA, LF.coilRadiusM, p.h[j]!, p.r[j]!, 5e-4); }
    return s;
  },
  lfWake: (p, n) => {
    let s = 0;
    for (let i = 0; i < n; i++) { const j = i & (POSITIONS - 1); s += sensedLfAPerM(DEFAULT_RCC_PARAMS, { heightM: p.h[j]!, lateralOffsetM: p.r[j]!, tiltRad: 0 }, 1.5); }
    return s;
  },
  circle: (p, n) => {
    let s = 0;
    for (let i = 0; i < n; i++) { const j = i & (POSITIONS - 1); s += circularLoopTiltedFieldAPerM(1, 0.05, p.r[j]!, p.h[j]!, 0.9, 0.1); }
    return s;
  },
  rectangle: (p, n, v) => {
    let s = 0;
    for (let i = 0; i < n; i++) { const j = i & (POSITIONS - 1); s += rectangularLoopNormalFieldAPerM(1, 0.08, 0.05, p.x[j]!, p.y[j]!, p.h[j]!, v[3 * j]!, v[3 * j + 1]!, v[3 * j + 2]!); }
    return s;
  },
  poseRectangle: (p, n, _v, poses) => {
    let s = 0;
    for (let i = 0; i < n; i++) { const j = i & (POSITIONS - 1); s += readerLoopNormalFieldAtPosePerAmpereTurnPerM(RECT, p.h[j]!, poses[j]!); }
    return s;
  },
  poseCircle: (p, n, _v, poses) => {
    let s = 0;
    for (let i = 0; i < n; i++) { const j = i & (POSITIONS - 1); s += readerLoopNormalFieldAtPosePerAmpereTurnPerM(CIRCLE, p.h[j]!, poses[j]!); }
    return s;
  },
  shapeRectangle: (p, n) => {
    let s = 0;
    for (let i = 0; i < n; i++) { const j = i & (POSITIONS - 1); s += readerLoopNormalFieldPerAmpereTurnPerM(RECT, p.h[j]!, p.r[j]!, p.psi[j]!, p.t[j]!, p.phi[j]!); }
    return s;
  },
  shapeCircle: (p, n) => {
    let s = 0;
    for (let i = 0; i < n; i++) { const j = i & (POSITIONS - 1); s += readerLoopNormalFieldPerAmpereTurnPerM(CIRCLE, p.h[j]!, p.r[j]!, p.psi[j]!, p.t[j]!, p.phi[j]!); }
    return s;
  },
};

/** Best of three passes of `n` evaluations, evaluations/s. */
function rate(name: string, p: Positions, n: number, normals: Float64Array, poses: readonly CarrierPose[]): number {
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    const sink = CASES[name]!(p, n, normals, poses);
    const perS = n / ((performance.now() - t0) / 1000);
    if (Number.isNaN(sink)) throw new Error(`physics bench ${name}: NaN`);
    best = Math.max(best, perS);
  }
  return best;
}

export function physicsSuite(scale = 1): PhysicsBenchRow[] {
  const n = Math.round(2_000_000 * scale);
  const p = positions();
  const normals = new Float64Array(3 * POSITIONS);
  for (let j = 0; j < POSITIONS; j++) {
    const v = tiltedNormal(p.t[j]!, p.phi[j]!);
    normals.set([v.nx, v.ny, v.nz], 3 * j);
  }
  const poses = Array.from({ length: POSITIONS }, (_, j) => carrierPose(p.r[j]!, p.psi[j]!, p.t[j]!, p.phi[j]!));
  const r = (name: string): number => rate(name, p, n, normals, poses);
  const old = r('lfOld');
  const exact = r('lfExact');
  const row = (c: string, v: number, target: string, note: string): PhysicsBenchRow => ({ suite: 'physics', case: c, value: v, unit: 'evaluations/s', target, note });
  return [
    row('LF field, today (on-axis × dipole factor)', old, '', 'lfFieldAPerM'),
    row('LF field, exact Biot–Savart magnitude', exact, '≥ 2 M', `lfExactFieldAPerM; ${(exact / old).toFixed(2)}× today's speed in the same run`),
    row('LF wake-up as the RCC band evaluates it', r('lfWake'), '≥ 2 M', 'sensedLfAPerM (rcc-link.ts): exact field, handset offset, one position object per call'),
    row('13.56 MHz circle, tilted normal field', r('circle'), '', 'circularLoopTiltedFieldAPerM (what taps use today)'),
    row('13.56 MHz rectangle, tilted normal field (point and normal per tap)', r('rectangle'), '', 'rectangularLoopNormalFieldAPerM'),
    row('reader loop shape: rectangle, pose per tap', r('poseRectangle'), '', 'readerLoopNormalFieldAtPosePerAmpereTurnPerM (the per-frame path)'),
    row('reader loop shape: circle, pose per tap', r('poseCircle'), '', 'readerLoopNormalFieldAtPosePerAmpereTurnPerM (the per-frame path)'),
    row('reader loop shape: rectangle, from angles', r('shapeRectangle'), '', 'readerLoopNormalFieldPerAmpereTurnPerM (sin/cos per call)'),
    row('reader loop shape: circle, from angles', r('shapeCircle'), '', 'readerLoopNormalFieldPerAmpereTurnPerM (sin/cos per call)'),
  ];
}

/**
 * The visits of passengers at gates, into ServiceTimes (service-times.ts), from the gate's hooks:
 * a visit starts at onServiceStart and ends when the passenger who passed has cleared the gate
 * (onCleared: the gate is free for the next one) or at the give-up (onGiveUp, with the branch the
 * fallback took). Counted when the visit ends after the warm-up.
 *
 * A gate serves one passenger at a time, so the visit's start is kept per gate. On a give-up the
 * gate has already started its next service (Gate.release before onGiveUp), so the start of the
 * visit that ends is the previous one whenever the gate holds somebody else.
 */
import { NS_PER_S } from '../../units.js';
import type { Gate } from '../gate.js';
import type { Passenger } from '../passenger.js';
import { SERVICE_BRANCHES, type ServiceBranch, type ServiceTimes } from '../service-times.js';
import type { WorldContext } from './context.js';

export interface ServiceRecorder {
  started(p: Passenger, gate: Gate): void;
  /** A tap attempt at the gate ended on `band`. */
  tapped(gate: Gate, band: string): void;
  /** The passenger who passed has cleared the gate. */
  cleared(p: Passenger, gate: Gate): void;
  /** The passenger gave up at the gate and takes `branch` (call before the fallback changes the passenger). */
  gaveUp(p: Passenger, gate: Gate, branch: Exclude<ServiceBranch, 'pass'>): void;
}

export function serviceRecorder(ctx: WorldContext, times: ServiceTimes): ServiceRecorder {
  const { kernel, counted } = ctx;
  const startNs: number[] = [];
  const previousStartNs: number[] = [];
  const queued: boolean[] = [];
  const previousQueued: boolean[] = [];
  const band: string[] = [];
  const record = (p: Passenger, gate: Gate, branch: number, fromNs: number, wasQueued: boolean): void => {
    if (!counted()) return;
    const slot = times.carrierSlot(p.carrierIndex, p.fallback === 'qr');
    times.add(gate.gatelineIndex, slot, band[gate.index] ?? '', branch, (kernel.nowNs - fromNs) / NS_PER_S, wasQueued);
  };
  return {
    started: (p, gate) => {
      const g = gate.index;
      previousStartNs[g] = startNs[g] ?? 0;
      previousQueued[g] = queued[g] ?? false;
      startNs[g] = kernel.nowNs;
      queued[g] = p.queuedNs < kernel.nowNs;
    },
    tapped: (gate, b) => {
      band[gate.index] = b;
    },
    cleared: (p, gate) => record(p, gate, 0, startNs[gate.index]!, queued[gate.index]!),
    gaveUp: (p, gate, branch) => {
      const g = gate.index;
      const current = gate.inService === null || gate.inService === p;
      record(p, gate, SERVICE_BRANCHES.indexOf(branch), current ? startNs[g]! : previousStartNs[g]!, current ? queued[g]! : previousQueued[g]!);
    },
  };
}

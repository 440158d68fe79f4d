/**
 * The carrier's APDU flow over whichever band carries it (docs/architecture.md#tap-timeline): the
 * flow is band-independent data (link/apdu-flows.ts); this loop draws what belongs to the terminal
 * and to the secure element in one fixed order, and hands each command to the band's own PHY
 * (`exchange`: frames, delays, packet errors and retransmissions). The same flow therefore runs
 * the same commands on every band, and the same SE costs the same on every band.
 */
import { sample } from '../random/distributions.js';
import type { RandomStream } from '../random/stream.js';
import { ms, type TimeNs } from '../units.js';
import type { ApduFlow, ApduStep } from './apdu-flows.js';
import type { LinkSession, StepResult } from './iso-dep.js';
import { seProcessingNs, type SecureElementParams } from './secure-element.js';

/** One command of the flow over the band: advances the session by its frames and `processingNs` of card/SE work. */
export type FlowExchange = (step: ApduStep, processingNs: TimeNs) => StepResult;

/** Sees every command the flow sends, in order (tests, traces). */
export type FlowObserver = (step: ApduStep) => void;

/**
 * Run the flow: per step the reader's turnaround and terminal work (→ readerNs), the SE's time
 * (link/secure-element.ts), then the band's exchange; after the last step the terminal's closing
 * work (→ readerNs). 'timeout' when a step ends past `deadlineNs`.
 */
export function runFlow(s: LinkSession, flow: ApduFlow, se: SecureElementParams, rng: RandomStream, exchange: FlowExchange, deadlineNs: TimeNs = Infinity, observe?: FlowObserver): StepResult {
  let index = 0;
  for (const step of flow.steps) {
    s.timeline?.settle(s.tNs);
    s.tNs += ms(sample(rng, flow.pcdTurnaroundMs));
    if (step.terminalBeforeMs !== undefined) s.tNs += ms(sample(rng, step.terminalBeforeMs));
    s.timeline?.settleAs('readerNs', s.tNs);
    const procNs = seProcessingNs(se, step, index++, rng);
    observe?.(step);
    const res = exchange(step, procNs);
    if (res !== 'ok') return res;
    if (s.tNs > deadlineNs) return 'timeout';
  }
  s.timeline?.settle(s.tNs);
  s.tNs += ms(Math.max(0, sample(rng, flow.afterLastFrameMs)));
  s.timeline?.settleAs('readerNs', s.tNs);
  return 'ok';
}

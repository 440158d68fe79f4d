/**
 * The terminal's side of an authorisation: an online request waits for the host up to
 * `timeoutNs` per attempt, retries after a growing backoff with the same request id, accepts the
 * first answer while the request is open (later ones are `lateResponses`), and after the final
 * timeout falls back ('deny', or 'accept-offline' up to the floor limit, the record then queued at
 * the FEP); a deferred request is approved after the local check and its record queued at the FEP.
 */
import type { Kernel } from '../kernel/kernel.js';
import { sample } from '../random/distributions.js';
import type { RandomStream } from '../random/stream.js';
import { NS_PER_S } from '../units.js';
import type { AuthCause, AuthResult } from './auth.js';
import type { TerminalParams } from './backend-params.js';
import type { Fep } from './fep.js';
import type { BackendRecorder } from './metrics-recorder.js';
import { DECISION_APPROVE, DECISION_NONE, type OnlineRequest, type Router } from './router.js';

export class Terminal {
  constructor(
    private readonly kernel: Kernel,
    private readonly term: TerminalParams,
    private readonly recorder: BackendRecorder,
    private readonly router: Router,
    private readonly feps: readonly Fep[],
    private readonly terminalRng: RandomStream,
  ) {}

  online(stationIndex: number, valueCents: number, done: (r: AuthResult) => void): void {
    this.recorder.totals.online++;
    const channel = this.router.pick();
    const req: OnlineRequest = {
      stationIndex, valueCents, startNs: this.kernel.nowNs, channel, link: channel.links[stationIndex]!,
      attempt: 0, open: true, decision: DECISION_NONE, approvedAtTerminal: false, done,
    };
    this.sendAttempt(req);
  }

  /** An answer (host decision or overload) reaches the terminal. */
  deliver(req: OnlineRequest, cause: AuthCause): void {
    if (!req.open) {
      this.recorder.totals.lateResponses++;
      return;
    }
    this.resolve(req, req.startNs, req.done, cause, cause === 'ok', false, true);
  }

  deferred(stationIndex: number, done: (r: AuthResult) => void): void {
    this.recorder.totals.deferred++;
    this.recorder.localCheck();
    const startNs = this.kernel.nowNs;
    const checkNs = Math.max(0, sample(this.terminalRng, this.term.localCheckS) * NS_PER_S);
    this.kernel.schedule(checkNs, () => {
      this.resolve(null, startNs, done, 'ok', true, false, false);
      (this.feps[stationIndex] as Fep).addRecord();
    });
  }

  private resolve(req: OnlineRequest | null, startNs: number, done: (r: AuthResult) => void, cause: AuthCause, approved: boolean, offlineAccepted: boolean, online: boolean): void {
    const responseNs = this.recorder.resolved(startNs, cause, approved, online);
    if (req !== null) {
      req.open = false;
      req.approvedAtTerminal = approved;
    }
    done({ approved, offlineAccepted, responseNs, cause });
  }

  private sendAttempt(req: OnlineRequest): void {
    const k = ++req.attempt;
    this.recorder.totals.attempts++;
    this.recorder.hostBound();
    this.router.forward(req, this.term.lanOneWayNs);
    this.kernel.schedule(this.term.timeoutNs, () => this.attemptTimedOut(req, k));
  }

  private attemptTimedOut(req: OnlineRequest, k: number): void {
    if (!req.open || req.attempt !== k) return;
    const totals = this.recorder.totals;
    const term = this.term;
    totals.attemptTimeouts++;
    if (k <= term.maxRetries) {
      totals.retries++;
      const backoffNs = term.retryBackoffNs * term.retryBackoffMultiplier ** (k - 1);
      this.kernel.schedule(backoffNs, () => {
        if (req.open) this.sendAttempt(req);
      });
      return;
    }
    if (term.fallback === 'accept-offline' && req.valueCents <= term.floorLimitCents) {
      totals.offlineAccepted++;
      totals.offlineAcceptedValueCents += req.valueCents;
      this.resolve(req, req.startNs, req.done, 'timeout', true, true, true);
      (this.feps[req.stationIndex] as Fep).addRecord();
    } else {
      totals.fallbackDenied++;
      if (req.decision === DECISION_APPROVE) totals.chargedNotApproved++;
      this.resolve(req, req.startNs, req.done, 'timeout', false, false, true);
    }
  }
}

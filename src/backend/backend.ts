/**
 * The payment backend as a library for the gate / POS model (docs/sources.md#f9): terminals, station
 * FEPs, wide-area links, one or more hosts behind a router, and the authorisation modes.
 *
 * Topology (per station i, per channel h):
 *   terminal —LAN (lanOneWayNs)→ FEP_i (queue) —link(i, h) (RTT/2, loss, outages)→ host_h (M/G/c)
 *   and back the same way (the FEP does not serve responses). The FEP sits at the station, so
 *   a link outage also stops its deferred-record uploads (the backlog grows, then drains).
 *
 * Modes:
 * - online: the terminal waits for the host's answer up to `timeoutNs`; on a timeout it retries
 *   (at most `maxRetries`, after a backoff growing by `retryBackoffMultiplier`) with the same
 *   request id. A response from any attempt is accepted while the request is open (idempotent
 *   id); later ones count as `lateResponses`. After the final timeout the fallback applies:
 *   'deny', or 'accept-offline' for valueCents ≤ floorLimitCents (approved, offlineAccepted,
 *   cause 'timeout'; the record queues at the FEP for batch upload like a deferred one).
 *   A full FEP or host queue answers 'overload'; the issuer declines with
 *   `declineProbability` ('declined'). Neither is retried.
 * - idempotency: the host decides a request once; an attempt it processes after that gets the
 *   stored decision, is never charged again, and counts as a duplicate. The state lives with
 *   the open request (what a host's idempotency table with a TTL would hold), so memory is
 *   bounded by requests in flight.
 * - deferred: approved after the local check time (`localCheckS`), then the record queues at
 *   the FEP (docs/sources.md#f9-2: transit never blocks the gate on the host).
 * - risk-based: online when valueCents > onlineAboveCents or with probability
 *   sampleProbability, otherwise deferred.
 * - retail routing: each request picks a channel (bank card network, wallets…) by share with
 *   the seeded 'router' stream; retries stay on that channel.
 *
 * Every random draw comes from `rngFor(key)` with a stable key: 'router', 'risk',
 * 'host:<id>', 'decline:<id>', 'fep:<i>', 'link:<i>:<id>', 'terminal'.
 */
import type { Kernel } from '../kernel/kernel.js';
import type { RandomStream } from '../random/stream.js';
import type { AuthRequest, AuthResult } from './auth.js';
import type { BackendMetrics } from './backend-metrics.js';
import { validateBackendParams, type BackendParams } from './backend-params.js';
import type { Fep } from './fep.js';
import type { HostQueue } from './host.js';
import { BackendRecorder } from './metrics-recorder.js';
import { createChannels, createFeps, Router, type Channel } from './router.js';
import { Terminal } from './terminal.js';

export type { AuthCause, AuthMode, AuthRequest, AuthResult } from './auth.js';
export { deriveSeries, mergeBackendMetrics, type BackendMetrics, type BackendSeries, type BackendTotals, type ChannelMetrics } from './backend-metrics.js';
export {
  DEFAULT_BACKEND, DEFAULT_FEP, DEFAULT_HOST, DEFAULT_RETAIL_BACKEND, DEFAULT_RISK, DEFAULT_TERMINAL, RETAIL_CHANNELS,
  type BackendParams, type ChannelParams, type RiskParams, type TerminalParams,
} from './backend-params.js';

export interface Backend {
  authorise(stationIndex: number, request: AuthRequest, done: (result: AuthResult) => void): void;
  backendMetrics(): BackendMetrics;
  readonly hosts: readonly HostQueue[];
  readonly feps: readonly Fep[];
}

/** Wire the rooms together: channels and FEPs (router.ts), the terminal, the recorder; route each request by mode. */
export function createBackend(
  kernel: Kernel,
  params: BackendParams,
  rngFor: (key: string) => RandomStream,
  stationCount: number,
  /** End of the run: the interval series' last interval (observe/interval-series.ts end rule); Infinity: open-ended. */
  endNs = Infinity,
): Backend {
  validateBackendParams(params, stationCount);
  const recorder = new BackendRecorder(kernel, params.intervalNs, endNs);
  const channels = createChannels(kernel, params, rngFor, stationCount, endNs);
  const routerRng = rngFor('router');
  const riskRng = rngFor('risk');
  const terminalRng = rngFor('terminal');
  const recordChannel = channels.find((c) => c.id === params.recordChannelId) ?? (channels[0] as Channel);
  const feps = createFeps(kernel, params, recordChannel, rngFor, stationCount, recorder.backlogChanged, endNs, recorder.hostBound);
  const router: Router = new Router(kernel, params, channels, routerRng, feps, recorder.totals, (req, cause) => terminal.deliver(req, cause));
  const terminal = new Terminal(kernel, params.terminal, recorder, router, feps, terminalRng);

  const authorise = (stationIndex: number, request: AuthRequest, done: (result: AuthResult) => void): void => {
    if (!(stationIndex >= 0 && stationIndex < stationCount) || !Number.isInteger(stationIndex)) {
      throw new RangeError(`backend: station index ${stationIndex} outside 0..${stationCount - 1}`);
    }
    recorder.offered();
    switch (request.mode) {
      case 'online':
        terminal.online(stationIndex, request.valueCents, done);
        return;
      case 'deferred':
        terminal.deferred(stationIndex, done);
        return;
      case 'risk-based': {
        const online = request.valueCents > params.risk.onlineAboveCents || riskRng.next01() < params.risk.sampleProbability;
        if (online) {
          recorder.totals.riskOnline++;
          terminal.online(stationIndex, request.valueCents, done);
        } else {
          recorder.totals.riskDeferred++;
          terminal.deferred(stationIndex, done);
        }
        return;
      }
    }
  };

  return { authorise, backendMetrics: () => recorder.snapshot(channels, feps), hosts: channels.map((c) => c.host), feps };
}

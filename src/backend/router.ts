/**
 * The backend's wide-area side: the channels (a host, its issuer's decline draw and one link per
 * station), the router that picks a channel by share with the seeded 'router' stream, the round
 * trip of an online attempt (LAN → FEP → link → host → link → LAN) and the FEPs' record batches
 * to the record channel. The terminal (terminal.ts) decides what to send and when to give up.
 */
import type { Kernel } from '../kernel/kernel.js';
import type { RandomStream } from '../random/stream.js';
import type { AuthCause, AuthResult } from './auth.js';
import type { BackendParams } from './backend-params.js';
import { Fep } from './fep.js';
import { HostQueue } from './host.js';
import type { MeasuredChannel, RunningTotals } from './metrics-recorder.js';
import { LOST, NetworkLink } from './network.js';

export const DECISION_NONE = 0;
export const DECISION_APPROVE = 1;
export const DECISION_DECLINE = 2;

export interface Channel extends MeasuredChannel {
  id: string;
  host: HostQueue;
  declineProbability: number;
  declineRng: RandomStream;
  links: NetworkLink[];
}

/** An open online request as it travels (one object for all its attempts: the idempotent id). */
export interface OnlineRequest {
  stationIndex: number;
  valueCents: number;
  startNs: number;
  channel: Channel;
  link: NetworkLink;
  attempt: number;
  open: boolean;
  decision: number;
  approvedAtTerminal: boolean;
  done: (result: AuthResult) => void;
}

export function createChannels(kernel: Kernel, params: BackendParams, rngFor: (key: string) => RandomStream, stationCount: number, endNs: number): Channel[] {
  return params.channels.map((c) => ({
    id: c.id,
    host: new HostQueue(kernel, c.host, rngFor(`host:${c.id}`), params.intervalNs, endNs),
    declineProbability: c.host.declineProbability,
    declineRng: rngFor(`decline:${c.id}`),
    links: Array.from({ length: stationCount }, (_, i) =>
      new NetworkLink(c.link ?? params.stationLinks?.[i] ?? params.link, rngFor(`link:${i}:${c.id}`))),
  }));
}

/** One FEP per station; its deferred records upload in batches over the record channel's link to its host. */
export function createFeps(
  kernel: Kernel,
  params: BackendParams,
  recordChannel: Channel,
  rngFor: (key: string) => RandomStream,
  stationCount: number,
  onBacklogChange: (delta: number) => void,
  endNs: number,
  /** A batch leaves for the host (counted as host-bound, like an online attempt). */
  onHostBound: () => void = () => undefined,
): Fep[] {
  return Array.from({ length: stationCount }, (_, i) => {
    const link = recordChannel.links[i] as NetworkLink;
    const host = recordChannel.host;
    const fepParams = params.fep;
    const uploader = (records: number, onResult: (ok: boolean) => void): void => {
      const sendNs = kernel.nowNs;
      onHostBound();
      const giveUpNs = sendNs + fepParams.batchTimeoutNs;
      const fail = (): void => {
        kernel.scheduleAt(Math.max(kernel.nowNs, giveUpNs), () => onResult(false));
      };
      const upNs = link.oneWayNs(sendNs);
      if (upNs === LOST) return fail();
      kernel.schedule(upNs, () => {
        host.submit((served) => {
          const downNs = link.oneWayNs(kernel.nowNs);
          if (downNs === LOST) return fail();
          kernel.schedule(downNs, () => onResult(served));
        }, records * fepParams.recordServiceNs);
      });
    };
    return new Fep(kernel, fepParams, rngFor(`fep:${i}`), uploader, params.intervalNs, onBacklogChange, endNs);
  });
}

export class Router {
  private readonly cumulativeShare: number[] = [];

  constructor(
    private readonly kernel: Kernel,
    params: BackendParams,
    private readonly channels: readonly Channel[],
    private readonly routerRng: RandomStream,
    private readonly feps: readonly Fep[],
    private readonly totals: RunningTotals,
    /** A response (host decision or overload) reaches the terminal. */
    private readonly deliver: (req: OnlineRequest, cause: AuthCause) => void,
  ) {
    const shareTotal = params.channels.reduce((sum, c) => sum + c.share, 0);
    let acc = 0;
    for (const c of params.channels) this.cumulativeShare.push((acc += c.share / shareTotal));
  }

  /** The channel of a new online request (retries stay on it). */
  pick(): Channel {
    const channels = this.channels;
    if (channels.length === 1) return channels[0] as Channel;
    const u = this.routerRng.next01();
    for (let k = 0; k < channels.length - 1; k++) if (u < (this.cumulativeShare[k] as number)) return channels[k] as Channel;
    return channels[channels.length - 1] as Channel;
  }

  /** Send one attempt: LAN to the station's FEP, its queue, the link up, the host; the answer comes back through `deliver`. */
  forward(req: OnlineRequest, lanNs: number): void {
    const kernel = this.kernel;
    const fep = this.feps[req.stationIndex] as Fep;
    kernel.schedule(lanNs, () => {
      fep.process((accepted) => {
        if (!accepted) {
          kernel.schedule(lanNs, () => this.deliver(req, 'overload'));
          return;
        }
        const upNs = req.link.oneWayNs(kernel.nowNs);
        if (upNs === LOST) return;
        kernel.schedule(upNs, () => req.channel.host.submit((served) => this.hostDone(req, served, lanNs)));
      });
    });
  }

  /** The host served (or refused) an attempt: decide once (idempotent), send the answer back down. */
  private hostDone(req: OnlineRequest, served: boolean, lanNs: number): void {
    const totals = this.totals;
    let cause: AuthCause;
    if (!served) cause = 'overload';
    else {
      if (req.decision === DECISION_NONE) {
        const decline = req.channel.declineProbability > 0 && req.channel.declineRng.next01() < req.channel.declineProbability;
        req.decision = decline ? DECISION_DECLINE : DECISION_APPROVE;
        if (!decline) {
          totals.charged++;
          totals.chargedValueCents += req.valueCents;
          if (!req.open && !req.approvedAtTerminal) totals.chargedNotApproved++;
        }
      } else totals.duplicates++;
      cause = req.decision === DECISION_APPROVE ? 'ok' : 'declined';
    }
    const downNs = req.link.oneWayNs(this.kernel.nowNs);
    if (downNs === LOST) return;
    this.kernel.schedule(downNs + lanNs, () => this.deliver(req, cause));
  }
}

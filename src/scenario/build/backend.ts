/** Resolved scenario → the backend's parameters (link preset, terminal, risk, FEP, channels). */
import type { ResolvedScenario } from '../schema.js';
import { DEFAULT_BACKEND, type BackendParams } from '../../backend/backend.js';
import { LINK_PRESETS } from '../../backend/network.js';

/** The backend of a scenario: the link preset with the scenario's overrides, and every number the scenario gives. */
export function backendParams(s: ResolvedScenario): BackendParams {
  const b = s.backend;
  const preset = LINK_PRESETS[b.link.kind];
  const d = DEFAULT_BACKEND;
  return {
    intervalNs: s.outputs.interval,
    terminal: {
      ...d.terminal,
      timeoutNs: b.terminal.timeout,
      maxRetries: b.terminal.maxRetries,
      retryBackoffNs: b.terminal.retryBackoff,
      fallback: b.terminal.fallback,
      floorLimitCents: b.terminal.floorLimitCents,
      localCheckS: b.terminal.localCheck,
    },
    risk: { onlineAboveCents: b.risk.onlineAboveCents, sampleProbability: b.risk.sampleProbability },
    fep: { ...d.fep, servers: b.fep.servers, serviceS: b.fep.serviceTime, queueCapacity: b.fep.queueCap, batchIntervalNs: b.fep.batchInterval, maxBatchRecords: b.fep.maxBatchRecords },
    link: {
      ...preset,
      ...(b.link.rtt === undefined ? {} : { rttS: b.link.rtt, kind: 'custom' as const }),
      ...(b.link.loss === undefined ? {} : { lossProbability: b.link.loss }),
      outages: b.link.outages.map((o) => ({ startNs: o.at, durationNs: o.duration })),
    },
    channels: b.channels.map((c) => ({
      id: c.id,
      share: c.share,
      host: {
        ...d.channels[0]!.host,
        servers: c.servers,
        serviceS: c.serviceTime,
        queueCapacity: c.queueCap,
        kneeUtilisation: c.kneeUtilisation,
        slowdownSlope: c.slowdownSlope,
        declineProbability: c.declineProbability,
      },
    })),
  };
}

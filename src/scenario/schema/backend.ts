/** The backend section: link, terminal, risk, FEP and the payment channels behind the router. */
import { z } from 'zod';
import { DEFAULT_BACKEND, DEFAULT_FEP, DEFAULT_HOST, DEFAULT_RISK, DEFAULT_TERMINAL } from '../../backend/backend.js';
import type { LinkKind } from '../../backend/network.js';
import { constantTimeText, timeText } from './default-text.js';
import { asInput, type Fields } from './fields.js';

/** The default link preset (DEFAULT_BACKEND's link is a preset, never 'custom'). */
const DEFAULT_LINK_KIND = DEFAULT_BACKEND.link.kind as LinkKind;

/** Every default from the backend model's constants (src/backend/backend.ts), except the transaction value. */

export function backendSchema(f: Fields) {
  const { id, count, plain, timeNs, distribution } = f;
  const hostFields = {
    servers: count('Host servers c (concurrent authorisations) [E] (docs/sources.md#f9 gives no count).', 1, 1e7).default(DEFAULT_HOST.servers),
    serviceTime: distribution('time', 'Host authorisation time, s: median 200 ms, σ_ln 0.5 (mean 227 ms ≈ UnionPay 220 ms [S] S77) [E] docs/sources.md#f9-2.', { nonNegative: true }).prefault(asInput(DEFAULT_HOST.serviceS)),
    queueCap: count('Requests the host queues before refusing (overload) [E].', 0, 1e9).default(DEFAULT_HOST.queueCapacity),
    kneeUtilisation: plain('Utilisation above which service slows [E].', { min: 0, max: 1 }).default(DEFAULT_HOST.kneeUtilisation),
    slowdownSlope: plain('Slowdown: service × (1 + slope·(u − knee)) above the knee [E].', { min: 0 }).default(DEFAULT_HOST.slowdownSlope),
    declineProbability: plain('Probability the issuer declines [E] (docs/sources.md#f9 gives none).', { min: 0, max: 1 }).default(DEFAULT_HOST.declineProbability),
  };
  const channelSchema = z
    .strictObject({ id: id('Channel'), share: plain('Share of requests routed to this channel (normalised).', { min: 0 }).default(1), ...hostFields })
    .describe('A payment channel behind the router: its own host (M/G/c) with latency and capacity.');
  return z
    .strictObject({
      link: z
        .strictObject({
          kind: z.enum(['fibre', '4g', '5g-backhaul']).default(DEFAULT_LINK_KIND).describe('Station ↔ host link preset: fibre median RTT 10 ms, 4G 50 ms, 5G backhaul 20 ms [E] docs/sources.md#f9-1 (S87, S88).'),
          rtt: distribution('time', 'Round-trip time override, s (default: the preset).', { nonNegative: true }).optional(),
          loss: plain('Loss probability per transmission override, 0 ≤ loss < 1 (default: the preset, fibre 1e-4, 4G 1e-2) [E].', { min: 0, max: 1, exclusiveMax: true }).optional(),
          outages: z
            .array(z.strictObject({ at: timeNs('Outage start (simulation time).', { min: 0 }), duration: timeNs('Outage length.', { min: 0, exclusiveMin: true }) }))
            .default([])
            .describe('Link outages: every message sent inside one is lost (the terminal times out).'),
        })
        .prefault({})
        .describe('Network between stations/POS and the host.'),
      terminal: z
        .strictObject({
          timeout: timeNs('Terminal wait per online attempt: 1 s [E] docs/sources.md#f9-2 (transit cannot wait; POS issuer limit 10 s [S] S76).', { min: 0, exclusiveMin: true }).prefault(timeText(DEFAULT_TERMINAL.timeoutNs, 's')),
          maxRetries: count('Retries after the first attempt [E].', 0, 10).default(DEFAULT_TERMINAL.maxRetries),
          retryBackoff: timeNs('Wait before the first retry [E].', { min: 0 }).prefault(timeText(DEFAULT_TERMINAL.retryBackoffNs, 'ms')),
          fallback: z.enum(['accept-offline', 'deny']).default(DEFAULT_TERMINAL.fallback).describe('After the final timeout: accept offline under the floor limit, or deny [E] docs/sources.md#f9-2.'),
          floorLimitCents: plain('Offline acceptance limit, cents [E].', { min: 0 }).default(DEFAULT_TERMINAL.floorLimitCents),
          localCheck: distribution('time', 'Local (PSAM / list) check of a deferred approval, s [E].', { nonNegative: true }).prefault(constantTimeText(DEFAULT_TERMINAL.localCheckS, 'ms')),
        })
        .prefault({})
        .describe('The terminal (gate or POS) side of authorisation.'),
      risk: z
        .strictObject({
          onlineAboveCents: plain('Risk-based mode goes online above this value, cents [E].', { min: 0 }).default(DEFAULT_RISK.onlineAboveCents),
          sampleProbability: plain('…and at or below it with this probability [E].', { min: 0, max: 1 }).default(DEFAULT_RISK.sampleProbability),
        })
        .prefault({})
        .describe('Risk-based authorisation.'),
      fep: z
        .strictObject({
          servers: count('Front-end processor servers per station [E].', 1, 10000).default(DEFAULT_FEP.servers),
          serviceTime: distribution('time', 'FEP time per message, s [E].', { nonNegative: true }).prefault(asInput(DEFAULT_FEP.serviceS)),
          queueCap: count('Messages the FEP queues [E].', 0, 1e9).default(DEFAULT_FEP.queueCapacity),
          batchInterval: timeNs('Deferred-record upload interval, ≥ 1 ms [E] (docs/sources.md#f9-1: records upload in batch [S] S89, period unsourced).', { min: 0.001 }).prefault(timeText(DEFAULT_FEP.batchIntervalNs, 's')),
          maxBatchRecords: count('Most records in one upload [E].', 1, 1e9).default(DEFAULT_FEP.maxBatchRecords),
        })
        .prefault({})
        .describe('Front-end processor (concentrator) per station.'),
      channels: z.array(channelSchema).min(1).prefault([{ id: DEFAULT_BACKEND.channels[0]!.id }]).describe('Hosts behind the payment router (retail: bank card network, wallets). Default: one acquirer/transit host.'),
      valueCents: distribution('dimensionless', 'Value of one transaction, cents (transit fare ¥3 = 300) [E].', { nonNegative: true }).prefault(300),
    })
    .describe('Payment backend. The authorisation mode is per carrier (carriers[].authorisation).');
}

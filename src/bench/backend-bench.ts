/**
 * Backend throughput benchmark (run from the bench suite, never in a timed test): pushes
 * `requests` online authorisations through the default transit backend — Poisson arrivals
 * spread over `stations`, fibre links, one host — and returns simulated requests per wall
 * second.
 */
import { Kernel } from '../kernel/kernel.js';
import { exponential } from '../random/distributions.js';
import { streamFor } from '../random/stream.js';
import { NS_PER_S } from '../units.js';
import { DEFAULT_BACKEND, createBackend, type BackendParams } from '../backend/backend.js';

export interface BackendBenchOptions {
  stations?: number;
  /** Offered load, requests/s of simulated time (default 2000 ≈ 50 % of the default host). */
  ratePerS?: number;
  seed?: number;
  params?: BackendParams;
}

export interface BackendBenchResult {
  requests: number;
  resolved: number;
  wallS: number;
  requestsPerS: number;
  kernelEvents: number;
  eventsPerRequest: number;
}

export function benchBackendOnline(requests: number, options: BackendBenchOptions = {}): BackendBenchResult {
  const stations = options.stations ?? 50;
  const rateTps = options.ratePerS ?? 2000;
  const seed = options.seed ?? 1;
  const kernel = new Kernel();
  const backend = createBackend(kernel, options.params ?? DEFAULT_BACKEND, (key) => streamFor(seed, 0, key), stations);
  const arrivals = streamFor(seed, 0, 'bench:arrivals');
  const gapNs = NS_PER_S / rateTps;
  let sent = 0;
  let resolved = 0;
  const onDone = (): void => {
    resolved++;
  };
  const arrive = (): void => {
    backend.authorise(sent % stations, { mode: 'online', valueCents: 300, requestId: sent }, onDone);
    sent++;
    if (sent < requests) kernel.schedule(exponential(arrivals, gapNs), arrive);
  };
  kernel.schedule(0, arrive);
  const t0 = performance.now();
  kernel.run();
  const wallS = (performance.now() - t0) / 1000;
  return { requests: sent, resolved, wallS, requestsPerS: sent / wallS, kernelEvents: kernel.eventCount, eventsPerRequest: kernel.eventCount / sent };
}

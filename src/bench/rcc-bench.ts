/**
 * Benchmark of the RCC per-packet link evaluation (geometry → path loss → interference → SINR → PER).
 * Run it from a bench script, never inside a timed test (docs/architecture.md#performance).
 */
import { performance } from 'node:perf_hooks';
import { streamFor } from '../random/stream.js';
import { DEFAULT_RCC_CONTEXT, DEFAULT_RCC_PARAMS } from '../radio/rcc-params.js';
import { neighbourInterferers, rccFrameNs, rccRssiDbm } from '../radio/rcc-link.js';
import { drawInterferenceDbm, noiseFloorDbm, packetErrorRate, sinrLinear } from '../radio/channel.js';

/** Link evaluations per second over `n` evaluations at random phone positions 0–1 m from the reader. */
export function benchRccLinkEvaluations(n: number): number {
  const p = DEFAULT_RCC_PARAMS;
  const rng = streamFor(1, 0, 'bench:rcc-link');
  const packetNs = rccFrameNs(p.rf, p.rf.neighbourPayloadBytes);
  const bits = (p.rf.neighbourPayloadBytes + p.rf.frameOverheadBytes) * 8;
  const interferers = neighbourInterferers(p, DEFAULT_RCC_CONTEXT, packetNs);
  const noiseDbm = noiseFloorDbm(p.rf.sensitivityDbm, p.rf.berAtSensitivity);
  let checksum = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const position = { heightM: rng.next01() * 0.2, lateralOffsetM: rng.next01(), tiltRad: 0 };
    const signalDbm = rccRssiDbm(p, position, 6.5, 0);
    checksum += packetErrorRate(sinrLinear(signalDbm, noiseDbm, drawInterferenceDbm(rng, packetNs, interferers, p.mac)), bits);
  }
  const seconds = (performance.now() - t0) / 1000;
  if (Number.isNaN(checksum)) throw new Error('benchRccLinkEvaluations: NaN');
  return n / seconds;
}

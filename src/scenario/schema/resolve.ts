/**
 * The whole-scenario resolution after parsing: warm-up and interval checks, demand rates sampled
 * into tables, gate parameters merged per gateline, station copies expanded.
 */
import type { z } from 'zod';
import { MAX_INTERVALS } from './limits.js';
import { sampleRate } from './rate-table.js';
import type { RootOutput } from './root.js';

export function resolveRoot(s: RootOutput, c: z.RefinementCtx) {
  if (s.warmup >= s.duration) c.addIssue({ code: 'custom', path: ['warmup'], message: 'warmup must be shorter than duration' });
  const intervals = Math.ceil(s.duration / s.outputs.interval);
  if (intervals > MAX_INTERVALS) c.addIssue({ code: 'custom', path: ['outputs', 'interval'], message: `gives ${intervals} intervals over the duration; at most ${MAX_INTERVALS}: use a longer interval` });
  const stations = s.stations.map((st, i) => ({
    ...st,
    name: st.name ?? st.id,
    entrances: st.entrances.map((en, j) => {
      const { rate, exitRate, ...demandRest } = en.demand;
      const sampled = sampleRate(rate.rateAt, s.duration, demandRest.step, (message) =>
        c.addIssue({ code: 'custom', path: ['stations', i, 'entrances', j, 'demand', 'rate'], message }),
      );
      const exits =
        exitRate === undefined
          ? null
          : sampleRate(exitRate.rateAt, s.duration, demandRest.step, (message) =>
              c.addIssue({ code: 'custom', path: ['stations', i, 'entrances', j, 'demand', 'exitRate'], message }),
            );
      return {
        ...en,
        demand: {
          ...demandRest,
          carrierMix: demandRest.carrierMix ?? null,
          source: rate.source,
          ...sampled,
          exitSource: exitRate?.source ?? null,
          exitRatesPerHour: exits?.ratesPerHour ?? [],
          expectedExits: exits?.expectedPassengers ?? 0,
        },
        gatelines: en.gatelines.map((gl) => {
          const { gate, ...line } = gl;
          const preset = s.gateTypes[gl.gateType];
          const merged = { ...preset };
          if (gate !== undefined) {
            for (const [key, value] of Object.entries(gate)) if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
          }
          return { ...line, gate: merged };
        }),
      };
    }),
  }));
  // `experiments` is for `tapsim study` (load.ts hands it over): not part of the resolved scenario.
  const { $schema: _schema, extends: _extends, experiments: _experiments, ...rest } = s;
  const expanded = stations.flatMap(({ copies, ...st }) =>
    copies === 1 ? [st] : Array.from({ length: copies }, (_, k) => ({ ...st, id: `${st.id}-${String(k + 1).padStart(3, '0')}`, name: `${st.name} ${k + 1}` })),
  );
  return { ...rest, stations: expanded };
}

/**
 * The network section: lines of stations and, when given, origin–destination demand that
 * connects them (src/station/network/). Without `od` the lines are descriptive and every
 * station runs on its own entrances' entry and exit flows, as before.
 */
import { z } from 'zod';
import type { Fields } from './fields.js';

/** Defaults [E]: a metro train ≈ 1 200–1 500 passengers at 4–6 per m² standing (6-car type B); dwell 30 s; headway 4 min. */
export const NETWORK_DEFAULTS = { capacity: 1200, dwell: '30 s', headway: '4 min', transferWalk: '2 min' } as const;

export function networkSchema(f: Fields) {
  const { id, timeNs, count, plain, distribution } = f;
  const headwayRow = z.strictObject({
    from: timeNs('Start of this headway, from the start of the run.', { min: 0 }),
    headway: timeNs('Time between trains from `from` on.', { min: 1, exclusiveMin: false }),
  });
  const line = z
    .strictObject({
      id: id('Line'),
      stations: z.array(z.string()).min(2).describe('Station ids in order along the line.'),
      travelTimes: z.array(timeNs('Travel time of one segment.', { min: 0, exclusiveMin: true })).optional().describe('Segment travel times, one fewer than stations (needed when network.od is given).'),
      dwell: timeNs('Time a train stands at a station [E].', { min: 0 }).prefault(NETWORK_DEFAULTS.dwell),
      headway: z
        .union([timeNs('Time between trains, the whole run.', { min: 1 }), z.array(headwayRow).min(1)])
        .prefault(NETWORK_DEFAULTS.headway)
        .describe(`Time between trains: one time (default ${NETWORK_DEFAULTS.headway} [E]) or a table [{from, headway}, …] by time of day, starting at 0.`),
      capacity: count(`Passengers one train carries (default ${NETWORK_DEFAULTS.capacity} [E]: a 6-car metro train at 4–6 standing per m²).`, 1, 100000).default(NETWORK_DEFAULTS.capacity),
    })
    .describe('A metro line: stations in order, and with travelTimes a timetable of trains both ways.');
  const od = z
    .union([
      z.strictObject({ matrix: z.array(z.array(plain('Trips per hour from the row station to the column station.', { min: 0 }))).describe('Trips per hour, rows and columns in the order of `stations` (the diagonal is ignored).'), stations: z.array(z.string()).min(2).describe('Station ids of the rows and columns.') }),
      z.strictObject({
        gravity: z.strictObject({
          deterrence: z.enum(['exponential', 'power']).default('exponential').describe('f(c): exp(−β·c) or c^−γ, c the route time in minutes (Ortúzar & Willumsen ch. 5).'),
          beta: plain('β of the exponential deterrence, per minute [E].', { min: 0 }).default(0.05),
          gamma: plain('γ of the power deterrence [E].', { min: 0 }).default(1.5),
        }),
      }),
    ])
    .describe('Origin–destination demand: `matrix` (small networks) or `gravity` (trips i→j ∝ entries_i · attraction_j · f(route time); attraction = the station’s exitRate total where given, else its entries).');
  return z
    .strictObject({
      lines: z.array(line).default([]).describe('Metro lines through the stations.'),
      od: od.optional().describe('When given, every entering passenger gets a destination, rides the trains and taps out there; exitRate is then ignored.'),
      transfers: z.array(z.strictObject({ station: z.string(), walk: timeNs('Walk between the lines’ platforms.', { min: 0 }) })).default([]).describe('Transfer walks at stations served by more than one line.'),
      transferWalk: timeNs('Transfer walk at a station not listed in transfers [E].', { min: 0 }).prefault(NETWORK_DEFAULTS.transferWalk),
      platformWalk: distribution('time', 'Walk between the gateline and the platform (both ways), s [E].', { nonNegative: true }).prefault({ kind: 'lognormal', median: '60 s', p95: '120 s' }),
      evasionShare: plain('Share of entering passengers with no valid tap-in (passed behind someone, a broken validator): at the exit they are fare irregularities sent to the service desk [E].', { min: 0, max: 1 }).default(0),
    })
    .prefault({})
    .describe('Lines of stations; with `od` the stations are connected by trains.');
}

/** The stations section (entrances, gatelines); the network of lines is network.ts. */
import { z } from 'zod';
import type { SchemaContext } from './context.js';
import type { Fields } from './fields.js';
import { GATE_TYPES } from './kinds.js';
import { demandSchema } from './demand.js';
import type { gateSchemas } from './gates.js';

/** A station; `partialGate` (from gateSchemas) takes a gateline's overrides of its gate type. */
export function stationSchema(f: Fields, ctx: SchemaContext, partialGate: ReturnType<typeof gateSchemas>['partialGate']) {
  const { id, si, count, plain, distribution } = f;
  const gatelineSchema = z
    .strictObject({
      id: id('Gateline'),
      gates: count('Number of gates in the line.', 1, 500),
      pitch: si('length', 'Gate pitch (centre to centre), m: ≈ 0.6 m [E] docs/sources.md#f6-5.', { min: 0, exclusiveMin: true }).prefault('0.6 m'),
      reader: z.string().describe('Reader id (from readers) fitted to every gate of the line.'),
      gateType: z.enum(GATE_TYPES).default('flap').describe('Gate type; its parameters come from gateTypes, overridable per line by gate.'),
      gate: partialGate.optional(),
      direction: z.enum(['in', 'out', 'both']).default('in').describe('Direction the gates serve.'),
      choice: z.enum(['shortest-queue', 'nearest', 'random', 'sticky']).default('shortest-queue').describe('How a passenger picks a gate.'),
      balkQueueLength: count('Queue length at which an arriving passenger balks to another line [E].', 0, 100000).default(25),
      queueAreaM2: plain('Queue area in front of the line, m² [E].', { min: 0, exclusiveMin: true }).default(15),
    })
    .describe('A line of identical gates.');

  const entranceSchema = z
    .strictObject({
      id: id('Entrance'),
      demand: demandSchema(f, ctx),
      walkTime: distribution('time', 'Walk from the entrance to the gateline, s [E].', { nonNegative: true }).prefault({ kind: 'lognormal', median: '10 s', p95: '25 s' }),
      gatelines: z.array(gatelineSchema).min(1).describe('Gatelines reachable from this entrance.'),
    })
    .describe('An entrance with its demand and gatelines.');

  return z
    .strictObject({
      id: id('Station'),
      name: z.string().max(200).optional().describe('Display name.'),
      copies: count('Number of identical stations this entry stands for (city presets); copies get ids "<id>-001", "<id>-002", … and independent random streams.', 1, 10000).default(1),
      entrances: z.array(entranceSchema).min(1).describe('Entrances of the station.'),
    })
    .describe('A station.');
}

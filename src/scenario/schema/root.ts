/** The scenario document as an object of its sections (before the whole-scenario resolution). */
import { z } from 'zod';
import type { SchemaContext } from './context.js';
import { makeFields } from './fields.js';
import { carrierSchema } from './carriers.js';
import { readerSchema } from './readers.js';
import { gateSchemas } from './gates.js';
import { stationSchema } from './stations.js';
import { networkSchema } from './network.js';
import { backendSchema } from './backend.js';
import { bystandersSchema } from './bystanders.js';
import { outputsSchema, retrySchema, runFields } from './run.js';
import { experimentsSchema } from './experiments.js';

export function rootObject(ctx: SchemaContext) {
  const f = makeFields(ctx);
  const gates = gateSchemas(f);
  return z.strictObject({
    ...runFields(f),
    carriers: z.array(carrierSchema(f)).min(1).describe('The passenger population by carrier; shares sum to 1.'),
    readers: z.array(readerSchema(f)).min(1).describe('Reader configurations.'),
    gateTypes: gates.gateTypes,
    stations: z.array(stationSchema(f, ctx, gates.partialGate)).min(1).describe('Stations.'),
    bystanders: bystandersSchema(f),
    network: networkSchema(f),
    retry: retrySchema(f),
    backend: backendSchema(f).prefault({}),
    outputs: outputsSchema(f),
    experiments: experimentsSchema().optional(),
  });
}

/** A parsed scenario before the whole-scenario resolution. */
export type RootOutput = z.output<ReturnType<typeof rootObject>>;

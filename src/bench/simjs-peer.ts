/**
 * Loads simjs 2.0.3 — the peer in the kernel benchmark — through a tiny `window` shim: its
 * browserify bundle exports nothing to Node and only assigns `window.Sim`.
 */
import { createRequire } from 'node:module';

export interface SimjsRequest {
  done(callback: () => void): SimjsRequest;
}
export interface SimjsEntity {
  setTimer(duration: number): SimjsRequest;
  useFacility(facility: unknown, duration: number): SimjsRequest;
  time(): number;
}
export interface SimjsSim {
  addEntity(klass: new (...args: any[]) => unknown, name?: string, ...args: unknown[]): SimjsEntity;
  simulate(endTime: number, maxEvents?: number): boolean;
}
export interface SimjsModule {
  Sim: new () => SimjsSim;
  Entity: new (sim: SimjsSim, name?: string) => SimjsEntity;
  Facility: (new (name: string, discipline?: unknown, servers?: number) => unknown) & { FCFS: unknown };
}

export function loadSimjs(): SimjsModule {
  const global = globalThis as { window?: { Sim?: SimjsModule } };
  const hadWindow = 'window' in global;
  global.window ??= {};
  try {
    createRequire(import.meta.url)('simjs');
    const sim = global.window.Sim;
    if (sim === undefined) throw new Error('simjs did not register window.Sim');
    return sim;
  } finally {
    if (!hadWindow) delete global.window;
  }
}

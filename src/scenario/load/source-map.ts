/** Where each value of a scenario document came from: file, line and column by field path. */

export type Path = Array<string | number>;
export interface Pos {
  file: string;
  line: number;
  col: number;
}
export interface SourceEntry {
  value: Pos;
  key?: Pos;
}
/** Positions of every value (and key) in the merged document, by JSON-encoded path. */
export type SourceMap = Map<string, SourceEntry>;
export const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

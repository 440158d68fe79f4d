/** Means per interval over replications of a time-series CSV (gates.csv, backend.csv), in one pass. */
import { csvNumber, forEachCsvRecord, headerIndex } from './csv-read.js';

export type Sums = Map<string, Map<number, { sums: number[]; counts: number[] }>>;

/**
 * One pass over a time-series CSV (gates.csv, backend.csv) without keeping its rows: means per
 * (group, t_start_s) of `columns` over replications, finite values only; groups in first-seen
 * order. `first` gets every group's first row (e.g. the gate count).
 */
export function meanSeries(text: string, groupName: string | null, columns: readonly string[], first?: (group: string, row: readonly string[], col: (name: string) => number) => void): Sums {
  const out: Sums = new Map();
  let col: (name: string) => number = () => -1;
  let tCol = -1;
  let groupCol = -1;
  let cols: number[] = [];
  forEachCsvRecord(text, (row, index) => {
    if (index === 0) {
      col = headerIndex(row);
      tCol = col('t_start_s');
      groupCol = groupName === null ? -1 : col(groupName);
      cols = columns.map(col);
      return;
    }
    const group = groupCol < 0 ? '' : (row[groupCol] ?? '');
    let byT = out.get(group);
    if (byT === undefined) {
      out.set(group, (byT = new Map()));
      first?.(group, row, col);
    }
    const t = csvNumber(row[tCol]);
    let acc = byT.get(t);
    if (acc === undefined) byT.set(t, (acc = { sums: cols.map(() => 0), counts: cols.map(() => 0) }));
    for (let c = 0; c < cols.length; c++) {
      const v = csvNumber(row[cols[c] as number]);
      if (Number.isFinite(v)) {
        acc.sums[c] = (acc.sums[c] as number) + v;
        acc.counts[c] = (acc.counts[c] as number) + 1;
      }
    }
  });
  return out;
}

export function unpack(byT: Map<number, { sums: number[]; counts: number[] }>, nCols: number): { tS: number[]; cols: number[][] } {
  const tS = [...byT.keys()].sort((a, b) => a - b);
  const cols = Array.from({ length: nCols }, (_, c) =>
    tS.map((t) => {
      const acc = byT.get(t) as { sums: number[]; counts: number[] };
      const n = acc.counts[c] as number;
      return n > 0 ? (acc.sums[c] as number) / n : NaN;
    }),
  );
  return { tS, cols };
}


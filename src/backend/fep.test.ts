import { describe, expect, test } from 'vitest';
import { Kernel } from '../kernel/kernel.js';
import { streamFor } from '../random/stream.js';
import { s } from '../units.js';
import { DEFAULT_FEP } from './backend.js';
import { Fep, type BatchUploader } from './fep.js';

describe('FEP deferred-record batching', () => {
  test('batches every interval, keeps failed batches, measures backlog and oldest age', () => {
    const kernel = new Kernel();
    const batches: { atNs: number; records: number }[] = [];
    let failUntilNs = s(25);
    const uploader: BatchUploader = (records, onResult) => {
      batches.push({ atNs: kernel.nowNs, records });
      const ok = kernel.nowNs >= failUntilNs;
      kernel.schedule(s(1), () => onResult(ok));
    };
    const fep = new Fep(kernel, { ...DEFAULT_FEP, batchIntervalNs: s(10), maxBatchRecords: 15 }, streamFor(1, 0, 'fep'), uploader);
    for (let i = 0; i < 20; i++) kernel.scheduleAt(s(i), () => fep.addRecord());
    kernel.run();
    const st = fep.stats();
    expect(st.recordsIn).toBe(20);
    expect(st.recordsUploaded).toBe(20);
    expect(st.backlog).toBe(0);
    expect(st.backlogMax).toBe(20);
    // Ticks are 10 s apart (random phase); the first ones before 25 s fail and are retried.
    for (let k = 1; k < batches.length; k++) expect(((batches[k] as { atNs: number }).atNs - (batches[k - 1] as { atNs: number }).atNs) % s(10)).toBe(0);
    expect(st.batchFailures).toBeGreaterThanOrEqual(2);
    expect(batches.every((b) => b.records <= 15)).toBe(true);
    // The first record (t = 0) waits until the first successful ack after 25 s.
    const firstOk = batches.find((b) => b.atNs >= failUntilNs) as { atNs: number };
    expect(st.oldestAgeMaxNs).toBe(firstOk.atNs + s(1));
    failUntilNs = 0;
    // The kernel drained: no ticks are scheduled once the backlog is empty.
    expect(kernel.pendingCount).toBe(0);
  });
});

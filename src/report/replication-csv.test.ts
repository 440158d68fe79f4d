import { describe, expect, test } from 'vitest';
import { stringify } from 'csv-stringify';
import { csvText } from './csv-text.js';
import { collectCsv, csvBuffers, csvChunks, replicationCsv } from './replication-csv.js';
import { TransactionLog } from '../station/transaction-log.js';

/** What one csv-stringify stream (the writer before issue 19) gives for `rows`. */
async function streamed(rows: string[][]): Promise<string> {
  const s = stringify({ record_delimiter: '\n' });
  let out = '';
  s.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const done = new Promise((r) => s.on('end', r));
  for (const row of rows) s.write(row);
  s.end();
  await done;
  return out;
}

const decode = (chunks: Iterable<Uint8Array>): string => [...chunks].map((c) => new TextDecoder().decode(c)).join('');

describe('CSV chunks', () => {
  const rows = Array.from({ length: 23 }, (_, i) => [String(i), i % 3 === 0 ? 'a,"b"' : 'plain', i % 5 === 0 ? 'ü ½ line\nbreak' : '', ' ']);

  test('any chunk size gives the bytes of one csv-stringify stream of the same rows', async () => {
    const whole = await streamed(rows);
    expect(csvText(rows)).toBe(whole);
    for (const size of [1, 2, 7, 23, 100]) {
      const chunks = [...csvChunks(rows, size)];
      expect(chunks).toHaveLength(Math.ceil(rows.length / size));
      expect(decode(chunks)).toBe(whole);
    }
    expect([...csvChunks([], 4)]).toEqual([]);
  });

  test('every chunk owns its buffer (a worker can transfer them all)', () => {
    const chunks = [...csvChunks(rows, 5)];
    const buffers = new Set(chunks.map((c) => c.buffer));
    expect(buffers.size).toBe(chunks.length);
    for (const c of chunks) expect(c.byteOffset === 0 && c.byteLength === c.buffer.byteLength).toBe(true);
  });

  test('a replication: transactions null without a log, the transfer list names every chunk', () => {
    const log = new TransactionLog();
    log.add(1e9, 'S/A#0', 'card', { cause: 'ok', band: '13.56MHz', latencyNs: 1e6, durationNs: 2e6, presentationNs: 1e6, components: { waitNs: 0, activationNs: 0, anticollisionNs: 0, airNs: 1e6, seNs: 0, readerNs: 0 }, frames: 1, retransmissions: 0, collisions: 0, heightM: 0.01, offsetM: 0 }, 'nfc', 'S/IN/G1');
    const gatelines = { keys: ['S/IN'], gates: [1], intervalNs: 60e9, intervals: 1, arrivals: [1], passed: [1], taps: [1], failedTaps: [0], queueMean: [0], queueMax: [0], queueMaxPerGate: [0], waitMeanS: [0], waitP95S: [0], waitMaxS: [0], fruinClass: [0] };
    const backend = { intervalNs: 60e9, offeredTps: [1], servedTps: [1], localChecksTps: [0], hostUtilisation: [0.1], hostQueueMean: [0], backlogMean: [0], p99ResponseS: [0.2] } as unknown as Parameters<typeof replicationCsv>[0]['backend'];
    const scenario = { duration: 60e9, startTime: '07:00' };
    const withLog = collectCsv(replicationCsv({ replication: 2, transactions: log.columns, gatelines, backend }, scenario));
    expect(decode(withLog.transactions ?? [])).toMatch(/^2,1,07:00:01,S\/A#0,card,13\.56MHz,nfc,S\/IN\/G1,1,0,success,ok,1,2,1,0,0,0,0,0,1,0,0,,,\n$/);
    expect(decode(withLog.gates)).toMatch(/^2,0,07:00/);
    expect(csvBuffers(withLog)).toHaveLength(3);
    const without = collectCsv(replicationCsv({ replication: 2, transactions: null, gatelines, backend }, scenario));
    expect(without.transactions).toBeNull();
    expect(csvBuffers(without)).toHaveLength(2);
  });
});

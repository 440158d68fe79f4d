/**
 * File-system errors are sentences with the path, the cause and the fix (exit 2), through the
 * injectable file-system seam (everything here may run as root, so permissions cannot be relied
 * on): EROFS, EACCES, ENOSPC, ENOTDIR; and one real case, --out below a file (issue 14 row 7).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { loadScenario } from '../scenario/load.js';
import { createPool } from '../experiment/pool.js';
import { runScenario } from '../orchestrate/run-scenario.js';
import { filesBelow, resultDifferences } from '../testing/test-helpers.js';
import { explainFsError, nodeFileSystem, type FileSystem } from './file-system.js';

const SMALL = `name: small
duration: 2 min
replications: 3
carriers: [{ id: c, kind: transit-card, share: 1 }]
readers: [{ id: r, bands: [13.56MHz] }]
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 3000 }
        gatelines: [{ id: G, gates: 2, reader: r }]
`;

type Code = 'EROFS' | 'EACCES' | 'ENOSPC' | 'ENOTDIR';

function errno(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${syscall} '${path}'`), { code, syscall, path });
}

/**
 * Node's file system, except below `under`: writes fail with `code` (ENOSPC once `budget` bytes
 * are written; Node's recursive mkdir reports ENOENT on a read-only mount, and so does this one),
 * EACCES also makes existing files unreadable, and with ENOTDIR every operation fails as if a
 * part of the path were a file.
 */
function failingFs(under: string, code: Code, budget = 0): FileSystem {
  const inside = (p: string): boolean => resolve(p) === under || resolve(p).startsWith(under + sep);
  let left = budget;
  const base = nodeFileSystem;
  const writeFails = (op: string, p: string): NodeJS.ErrnoException | undefined => {
    if (!inside(p)) return undefined;
    if (code === 'ENOSPC') return undefined;
    return errno(code, op, p);
  };
  return {
    async mkdir(p, options) {
      if (inside(p) && code !== 'ENOSPC') {
        if (code === 'ENOTDIR') throw errno('ENOTDIR', 'mkdir', p);
        if (existsSync(p)) {
          if (options.recursive) return undefined;
          throw errno('EEXIST', 'mkdir', p);
        }
        throw errno(options.recursive && code === 'EROFS' ? 'ENOENT' : code, 'mkdir', p);
      }
      return base.mkdir(p, options);
    },
    async readdir(p) {
      if (inside(p) && code === 'ENOTDIR' && resolve(p) !== under) throw errno('ENOTDIR', 'scandir', p);
      return base.readdir(p);
    },
    async readFile(p) {
      if (inside(p) && (code === 'ENOTDIR' || (code === 'EACCES' && existsSync(p)))) throw errno(code, 'open', p);
      return base.readFile(p);
    },
    async stat(p) {
      if (inside(p) && code === 'ENOTDIR' && resolve(p) !== under) throw errno('ENOTDIR', 'stat', p);
      return base.stat(p);
    },
    async writeFile(p, content) {
      const e = writeFails('open', p);
      if (e !== undefined) throw e;
      if (code === 'ENOSPC' && inside(p)) {
        const bytes = Buffer.byteLength(content);
        if (bytes > left) {
          await base.writeFile(p, content.slice(0, Math.max(0, left)));
          left = 0;
          throw errno('ENOSPC', 'write', p);
        }
        left -= bytes;
      }
      return base.writeFile(p, content);
    },
    async rename(from, to) {
      const e = writeFails('rename', to) ?? writeFails('rename', from);
      if (e !== undefined) throw e;
      return base.rename(from, to);
    },
    async rm(p, options) {
      const e = writeFails('rm', p);
      if (e !== undefined) throw e;
      return base.rm(p, options);
    },
    createWriteStream(p) {
      if (!inside(p)) return base.createWriteStream(p);
      const e = writeFails('open', p);
      const real = e === undefined ? base.createWriteStream(p) : undefined;
      return new Writable({
        write(chunk: Buffer | string, _enc, done) {
          if (e !== undefined) return done(e);
          const bytes = Buffer.byteLength(chunk);
          if (bytes > left) {
            left = 0;
            return done(errno('ENOSPC', 'write', p));
          }
          left -= bytes;
          real?.write(chunk, done);
        },
        final(done) {
          if (real === undefined) return done();
          real.end(done);
        },
      });
    },
  };
}

const pool = createPool({ workers: 1, inThread: true });
afterAll(async () => {
  await pool.close();
});

async function cli(args: string[], cwd: string, fs?: FileSystem): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, pool, ...(fs === undefined ? {} : { fs }) });
  return { code, out, err };
}

function setup(): string {
  const base = mkdtempSync(join(tmpdir(), 'tapsim-fs-'));
  writeFileSync(join(base, 's.yaml'), SMALL);
  for (const d of ['ro', 'locked', 'full', 'nd']) mkdirSync(join(base, d));
  writeFileSync(join(base, 'afile'), 'a file');
  return base;
}

function expectSentence(err: string, pattern: RegExp): void {
  expect(err).toMatch(pattern);
  expect(err).not.toMatch(/internal error/);
  expect(err).not.toMatch(/\n\s+at /);
}

/** No folder below `dir` holds a run.json (nothing looks complete), and no temporary folder is left. */
function expectNothingHalfWritten(dir: string): void {
  const files = existsSync(dir) ? filesBelow(dir) : [];
  expect(files.filter((f) => f.endsWith('run.json'))).toEqual([]);
  expect(files.filter((f) => /(^|\/)\.[^/]+\.tmp-[^/]+\//.test(f))).toEqual([]);
}

describe('file-system errors: exit 2, the path, the cause and the fix (row 7)', () => {
  it('a read-only place (EROFS) for --out, and for --resume (not "does not exist")', async () => {
    const base = setup();
    const fs = failingFs(join(base, 'ro'), 'EROFS');
    const a = await cli(['run', 's.yaml', '--out', 'ro/out', '--quiet', '--workers', '1'], base, fs);
    expect(a.code).toBe(2);
    expectSentence(a.err, /^tapsim: cannot create the folder ro\/out: the file system is read-only \(EROFS\); give --out on a writable disk/);
    const b = await cli(['run', 's.yaml', '--out', 'ro/out', '--resume', '--quiet', '--workers', '1'], base, fs);
    expect(b.code).toBe(2);
    expectSentence(b.err, /^tapsim: cannot create the folder ro\/out: the file system is read-only \(EROFS\)/);
    expect(b.err).not.toMatch(/ENOENT|does not exist/);
    expect(readdirSync(join(base, 'ro'))).toEqual([]);
  }, 30_000);

  it('permission denied (EACCES) and a path through a file (ENOTDIR), through the seam', async () => {
    const base = setup();
    const a = await cli(['run', 's.yaml', '--out', 'locked/out', '--quiet', '--workers', '1'], base, failingFs(join(base, 'locked'), 'EACCES'));
    expect(a.code).toBe(2);
    expectSentence(a.err, /^tapsim: cannot create the folder locked\/out: permission denied \(EACCES\); choose a folder you may write to \(--out\)/);
    const b = await cli(['run', 's.yaml', '--out', 'nd/x/out', '--quiet', '--workers', '1'], base, failingFs(join(base, 'nd'), 'ENOTDIR'));
    expect(b.code).toBe(2);
    expectSentence(b.err, /^tapsim: cannot use nd\/x\/out: .*\(ENOTDIR\)/);
    expect(readdirSync(join(base, 'locked'))).toEqual([]);
  }, 30_000);

  it('--out below a file (real): names the file', async () => {
    const base = setup();
    const r = await cli(['run', 's.yaml', '--out', 'afile/sub', '--quiet'], base);
    expect(r.code).toBe(2);
    expectSentence(r.err, /^tapsim: cannot use afile\/sub: afile is a file, not a folder \(ENOTDIR\); give a path whose parent folders are folders/);
    const m = await cli(['merge', 'afile/x', '--out', 'afile/m'], base);
    expect(m.code).toBe(2);
    expectSentence(m.err, /afile is a file, not a folder \(ENOTDIR\)/);
  });

  it('a full disk (ENOSPC): nothing half-written; a run with --out keeps its finished jobs and resumes to the same result once there is space', async () => {
    const base = setup();
    const plain = await cli(['run', 's.yaml', '--quiet', '--workers', '1'], base, failingFs(join(base, 'results'), 'ENOSPC', 30_000));
    expect(plain.code).toBe(2);
    expectSentence(plain.err, /^tapsim: cannot write results\/small\/[^ ]+: no space left on the disk \(ENOSPC\); free some space, or give --out on another disk\n/);
    expectNothingHalfWritten(join(base, 'results'));
    // With --out: the job files that fit are kept, and the message gives the resume command.
    const full = await cli(['run', 's.yaml', '--out', 'full/out', '--quiet', '--workers', '1'], base, failingFs(join(base, 'full'), 'ENOSPC', 60_000));
    expect(full.code).toBe(2);
    expectSentence(full.err, /^tapsim: cannot write full\/out\/\S+: no space left on the disk \(ENOSPC\)/);
    expect(full.err).toMatch(/\d+ finished job\(s\) are kept in full\/out\/jobs\/; once that is fixed, resume with:\n {2}tapsim run s\.yaml --out full\/out --quiet --workers 1 --resume\n$/);
    expectNothingHalfWritten(join(base, 'full'));
    const resumed = await cli(['run', 's.yaml', '--out', 'full/out', '--quiet', '--workers', '1', '--resume'], base);
    expect(resumed.code, resumed.err).toBe(0);
    const reference = await cli(['run', 's.yaml', '--out', 'reference', '--quiet', '--workers', '1'], base);
    expect(reference.code, reference.err).toBe(0);
    expect(resultDifferences(join(base, 'reference'), join(base, 'full', 'out'))).toEqual([]);
  }, 60_000);

  it('merge: a read-only --out, an unreadable job file', async () => {
    const base = setup();
    const loaded = await loadScenario(join(base, 's.yaml'));
    for (let i = 0; i < 2; i++) await runScenario(loaded, { outDir: join(base, `p${i}`), pool, shard: { index: i, count: 2 } });
    const ro = await cli(['merge', 'p0', 'p1', '--out', 'ro/m'], base, failingFs(join(base, 'ro'), 'EROFS'));
    expect(ro.code).toBe(2);
    expectSentence(ro.err, /^tapsim: cannot (create|write)[^:]* ro\/m: the file system is read-only \(EROFS\)/);
    const locked = await cli(['merge', 'p0', 'p1', '--out', 'm'], base, failingFs(join(base, 'p1', 'jobs'), 'EACCES'));
    expect(locked.code).toBe(2);
    expectSentence(locked.err, /^tapsim: cannot read p1\/jobs\/p00000-r00001\.json: permission denied \(EACCES\); make it readable/);
    expect(existsSync(join(base, 'm'))).toBe(false);
  }, 30_000);

  it('explainFsError: errno errors become sentences, anything else passes through', async () => {
    const e = await explainFsError(errno('EDQUOT', 'write', '/x/y'), '/x/y', 'write', 'write');
    expect((e as Error).message).toBe('cannot write /x/y: the disk quota is used up (EDQUOT); free some space, or give --out on another disk');
    const bug = new TypeError('not a file-system error');
    expect(await explainFsError(bug, '/x', 'write', 'write')).toBe(bug);
  });
});

/**
 * Result folders (issue 14 row 11 and the --resume item of row 13): readable by others (the
 * umask decides, as for any folder), never silently replaced (--force), default folders never
 * collide, --resume on a finished folder runs nothing, stale temporary folders are removed or named.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli/main.js';
import { createPool } from './experiment/pool.js';
import { defaultRunDir } from './orchestrate/run-scenario.js';
import { buildIdOf, buildInfo } from './experiment/version.js';
import { cleanStaleTemps } from './report/write.js';

const SMALL = `name: small
duration: 1 min
replications: 2
seed: 7
carriers: [{ id: c, kind: transit-card, share: 1 }]
readers: [{ id: r, bands: [13.56MHz] }]
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 3000 }
        gatelines: [{ id: G, gates: 2, reader: r }]
`;
const RUN = ['run', 's.yaml', '--quiet', '--workers', '1'];
let base = '';
const pool = createPool({ workers: 1, inThread: true });

async function cli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: base, pool });
  return { code, out, err };
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tapsim-folders-'));
  writeFileSync(join(base, 's.yaml'), SMALL);
});

afterAll(async () => {
  await pool.close();
});

describe('result folders', () => {
  it('row 11: folders and files get the umask\'s modes (readable by others by default); --out onto an earlier run needs --force; run.json records build, Node and dependency versions', async () => {
    const a = await cli([...RUN, '--out', 'a']);
    expect(a.code, a.err).toBe(0);
    mkdirSync(join(base, 'reference-folder'));
    writeFileSync(join(base, 'reference-file'), '');
    const folderMode = statSync(join(base, 'reference-folder')).mode & 0o777;
    const fileMode = statSync(join(base, 'reference-file')).mode & 0o777;
    expect(statSync(join(base, 'a')).mode & 0o777).toBe(folderMode);
    expect(statSync(join(base, 'a', 'figures')).mode & 0o777).toBe(folderMode);
    expect(statSync(join(base, 'a', 'summary.csv')).mode & 0o777).toBe(fileMode);
    expect(statSync(join(base, 'a', 'index.html')).mode & 0o777).toBe(fileMode);
    const before = readFileSync(join(base, 'a', 'run.json'));
    const again = await cli([...RUN, '--out', 'a', '--seed', '8']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^--out: .*a already holds a tapsim result \(run\.json\): add --force to replace it, or give another --out/);
    expect(readFileSync(join(base, 'a', 'run.json')).equals(before)).toBe(true);
    const forced = await cli([...RUN, '--out', 'a', '--seed', '8', '--force']);
    expect(forced.code, forced.err).toBe(0);
    const runJson = JSON.parse(readFileSync(join(base, 'a', 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(runJson['seed']).toBe(8);
    const info = await buildInfo();
    expect(runJson).toMatchObject({ version: info.version, build: info.build, node: process.version });
    expect(runJson['build']).toMatch(/^(git:[0-9a-f]{40}|dist:[0-9a-f]{16}|unknown)$/);
    expect(Object.keys(runJson['dependencies'] as object)).toEqual(expect.arrayContaining(['yargs', 'piscina', 'zod']));
  }, 30_000);

  it('an unfinished folder needs --resume (or --force); --resume on a finished run or sweep runs nothing and changes nothing', async () => {
    const part = await cli([...RUN, '--out', 'p', '--shard', '0/2']);
    expect(part.code, part.err).toBe(0);
    const plain = await cli([...RUN, '--out', 'p']);
    expect(plain.code).toBe(2);
    expect(plain.err).toMatch(/p holds an unfinished run \(partial\.json, 1 finished job\(s\) in jobs\/\): add --resume to finish it, or --force to start over/);
    const resumed = await cli([...RUN, '--out', 'p', '--resume']);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.out).toMatch(/^wrote p: 2 replication/);
    const runJson = readFileSync(join(base, 'p', 'run.json'));
    const again = await cli([...RUN, '--out', 'p', '--resume']);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/^p already holds this finished run: 2 replication\(s\), fingerprint [0-9a-f]{16}; nothing to run/);
    expect(readFileSync(join(base, 'p', 'run.json')).equals(runJson)).toBe(true);
    const shard = await cli([...RUN, '--out', 'p', '--resume', '--shard', '1/2']);
    expect(shard.code).toBe(2);
    expect(shard.err).toMatch(/--resume: p holds a finished result \(run\.json\), not an unfinished run: give another --out, or --force instead of --resume/);
    expect(readFileSync(join(base, 'p', 'run.json')).equals(runJson)).toBe(true);
    const other = await cli([...RUN, '--out', 'p', '--resume', '--seed', '9']);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/--resume: p holds another finished run .*seed 7; this one is .*seed 9\): give another --out, or --force instead of --resume/);
    const sweep = ['sweep', 's.yaml', '--vary', 'stations.0.entrances.0.gatelines.0.gates=1,2', '--replications', '1', '--quiet', '--workers', '1', '--out', 'w'];
    expect((await cli(sweep)).code).toBe(0);
    const sweepJson = readFileSync(join(base, 'w', 'sweep.json'));
    const sweepAgain = await cli([...sweep, '--resume']);
    expect(sweepAgain.code, sweepAgain.err).toBe(0);
    expect(sweepAgain.out).toMatch(/^w already holds this finished sweep: 2 job\(s\)/);
    expect(readFileSync(join(base, 'w', 'sweep.json')).equals(sweepJson)).toBe(true);
  }, 30_000);

  it('default run folders never collide: a numbered sibling when the stamped name exists', async () => {
    const now = Date.now();
    const taken = Array.from({ length: 20 }, (_, i) => join(base, defaultRunDir('small', 7, new Date(now + i * 1000))));
    for (const dir of taken) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'run.json'), '{"earlier":true}\n');
    }
    const r = await cli(RUN);
    expect(r.code, r.err).toBe(0);
    const made = /^wrote (\S+):/.exec(r.out)?.[1] ?? '';
    expect(made).toMatch(/^results\/small\/\d{8}-\d{6}-s7-2$/);
    expect(taken).toContain(join(base, made.replace(/-2$/, '')));
    for (const dir of taken) expect(readdirSync(dir)).toEqual(['run.json']);
  }, 30_000);

  it('stale temporary folders: removed when their process is gone, named when it is alive or on another host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapsim-stale-'));
    const host = hostname().replace(/[^A-Za-z0-9_]+/g, '_').slice(0, 40) || 'host';
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    const names = {
      dead: `.out.tmp-${host}-${dead}-0123abcd`,
      deadAside: `.out.tmp-${host}-${dead}-0123abcd.old`,
      older: '.out.tmp-AbC123',
      alive: `.out.tmp-${host}-${process.ppid}-89abcdef`,
      otherHost: '.out.tmp-elsewhere-12-00ff00ff',
      unrelated: '.out.tmp-notes',
    };
    for (const n of Object.values(names)) mkdirSync(join(dir, n));
    mkdirSync(join(dir, 'out', 'jobs'), { recursive: true });
    writeFileSync(join(dir, 'out', 'jobs', `.p00000-r00000.json.tmp-${host}-${dead}-00000000`), '{"cut');
    const found = await cleanStaleTemps(join(dir, 'out'));
    expect(found.removed.map((p) => p.slice(dir.length + 1)).sort()).toEqual([names.dead, names.deadAside, names.older, join('out', 'jobs', `.p00000-r00000.json.tmp-${host}-${dead}-00000000`)].sort());
    expect(found.kept.map((k) => [k.path.slice(dir.length + 1), k.reason.split(' ').slice(0, 3).join(' ')]).sort()).toEqual([
      [names.alive, 'being written by'],
      [names.otherHost, 'made by tapsim'],
    ].sort());
    expect(readdirSync(dir).sort()).toEqual([names.alive, names.otherHost, names.unrelated, 'out'].sort());
    // A default folder never reuses a name: with `siblings`, stale folders of other names go too.
    const sibling = `.20260101-000000-s7.tmp-${host}-${dead}-22222222`;
    mkdirSync(join(dir, sibling));
    expect((await cleanStaleTemps(join(dir, 'out'))).removed).toEqual([]);
    expect((await cleanStaleTemps(join(dir, 'out'), { siblings: true })).removed).toEqual([join(dir, sibling)]);
    // A complete result left by a process killed while renaming it into place is kept when the target is missing.
    mkdirSync(join(dir, `.gone.tmp-${host}-${dead}-11111111`));
    writeFileSync(join(dir, `.gone.tmp-${host}-${dead}-11111111`, 'run.json'), '{}');
    const gone = await cleanStaleTemps(join(dir, 'gone'));
    expect(gone.removed).toEqual([]);
    expect(gone.kept[0]?.reason).toMatch(/a complete result of a run stopped while moving it into place: rename it to gone/);
  });

  it('the build id: the git commit of a checkout (worktrees too), a hash of the code where there is no .git', async () => {
    const repo = join(import.meta.dirname, '..');
    const git = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' });
    if (git.status === 0 && existsSync(join(repo, '.git'))) expect(await buildIdOf(repo, join(repo, 'src'))).toBe(`git:${git.stdout.trim()}`);
    const clean = mkdtempSync(join(tmpdir(), 'tapsim-build-'));
    mkdirSync(join(clean, 'dist', 'experiment'), { recursive: true });
    writeFileSync(join(clean, 'dist', 'cli.js'), 'console.log(1);\n');
    writeFileSync(join(clean, 'dist', 'experiment', 'x.js'), 'export const x = 1;\n');
    const id = await buildIdOf(clean, join(clean, 'dist'));
    expect(id).toMatch(/^dist:[0-9a-f]{16}$/);
    const other = mkdtempSync(join(tmpdir(), 'tapsim-build-'));
    mkdirSync(join(other, 'dist', 'experiment'), { recursive: true });
    writeFileSync(join(other, 'dist', 'cli.js'), 'console.log(1);\n');
    writeFileSync(join(other, 'dist', 'experiment', 'x.js'), 'export const x = 2;\n');
    expect(await buildIdOf(other, join(other, 'dist'))).not.toBe(id);
  });
});

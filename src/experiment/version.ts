/**
 * What built the running tool: the version from package.json, a build id and the runtime. The
 * package root is two folders above this file (src/experiment/ or dist/experiment/).
 *
 * The build id tells two builds of one version apart, so `tapsim merge` can refuse shards written
 * by different code: `git:<commit>` when the package root is a git checkout (read from .git's
 * files, no git process; worktrees included), otherwise `dist:<sha256 of the code folder's
 * .js/.ts files>` (a clean install without .git), or `unknown`. Each is computed once per process
 * (a cached promise per package root: a fact about the process, not state that changes).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The folder holding the running code (dist/ or src/). */
const CODE_DIR = fileURLToPath(new URL('../', import.meta.url));

const cache = new Map<string, Promise<string>>();

function once(key: string, compute: () => Promise<string>): Promise<string> {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = compute()));
  return value;
}

async function readJsonFile(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function toolVersion(): Promise<string> {
  return once(`version:${PACKAGE_ROOT}`, async () => {
    const pkg = await readJsonFile(join(PACKAGE_ROOT, 'package.json'));
    return typeof pkg?.['version'] === 'string' ? pkg['version'] : 'unknown';
  });
}

/** The build id of the running tool (see the module comment). */
export function buildId(): Promise<string> {
  return buildIdOf(PACKAGE_ROOT, CODE_DIR);
}

/** The build id of the package at `root` whose code is in `codeDir`. */
export function buildIdOf(root: string, codeDir: string): Promise<string> {
  return once(`build:${root}:${codeDir}`, async () => {
    const commit = await gitCommit(root);
    if (commit !== undefined) return `git:${commit}`;
    const hash = await hashCode(codeDir);
    return hash === undefined ? 'unknown' : `dist:${hash}`;
  });
}

async function readTextOr(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/** The commit HEAD points at, from .git (a folder, or a worktree's `gitdir:` file). */
async function gitCommit(root: string): Promise<string | undefined> {
  const dotGit = join(root, '.git');
  let gitDir = dotGit;
  const asFile = await readTextOr(dotGit);
  if (asFile !== undefined) {
    const m = /^gitdir:\s*(.+)$/m.exec(asFile);
    if (m === null) return undefined;
    gitDir = isAbsolute(m[1] as string) ? (m[1] as string) : resolve(root, m[1] as string);
  }
  const head = await readTextOr(join(gitDir, 'HEAD'));
  if (head === undefined) return undefined;
  if (/^[0-9a-f]{40,64}$/.test(head)) return head;
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
  if (ref === undefined) return undefined;
  const common = await readTextOr(join(gitDir, 'commondir'));
  const commonDir = common === undefined ? gitDir : resolve(gitDir, common);
  for (const dir of [gitDir, commonDir]) {
    const loose = await readTextOr(join(dir, ref));
    if (loose !== undefined && /^[0-9a-f]{40,64}$/.test(loose)) return loose;
  }
  const packed = await readTextOr(join(commonDir, 'packed-refs'));
  for (const line of (packed ?? '').split('\n')) {
    const [sha, name] = line.trim().split(' ');
    if (name === ref && sha !== undefined && /^[0-9a-f]{40,64}$/.test(sha)) return sha;
  }
  return undefined;
}

/** SHA-256 (first 16 hex digits) over the relative paths and contents of the .js/.ts files below `dir`. */
async function hashCode(dir: string): Promise<string | undefined> {
  const files: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.(js|mjs|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  try {
    await walk(dir);
  } catch {
    return undefined;
  }
  if (files.length === 0) return undefined;
  const hash = createHash('sha256');
  for (const path of files) {
    hash.update(relative(dir, path).split(sep).join('/') + '\0');
    hash.update(await readFile(path));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The runtime and the installed versions of the package's dependencies (run.json). */
export interface BuildInfo {
  version: string;
  build: string;
  node: string;
  dependencies: Record<string, string>;
}

export async function buildInfo(): Promise<BuildInfo> {
  const [version, build, dependencies] = await Promise.all([toolVersion(), buildId(), dependencyVersions()]);
  return { version, build, node: process.version, dependencies };
}

async function dependencyVersions(): Promise<Record<string, string>> {
  const json = await once(`deps:${PACKAGE_ROOT}`, async () => {
    const pkg = await readJsonFile(join(PACKAGE_ROOT, 'package.json'));
    const declared = (pkg?.['dependencies'] ?? {}) as Record<string, string>;
    const out: Record<string, string> = {};
    for (const name of Object.keys(declared).sort()) {
      // The installed copy (node_modules beside the package, or above it when installed as a dependency).
      let version: string | undefined;
      for (let dir = PACKAGE_ROOT; version === undefined; dir = dirname(dir)) {
        const installed = await readJsonFile(join(dir, 'node_modules', name, 'package.json'));
        if (typeof installed?.['version'] === 'string') version = installed['version'];
        if (dirname(dir) === dir) break;
      }
      out[name] = version ?? `${declared[name] ?? '?'} (not found)`;
    }
    return JSON.stringify(out);
  });
  return JSON.parse(json) as Record<string, string>;
}

/** Names of temporary files and folders: `.<name>.tmp-<host>-<pid>-<random>`, so a later run can tell whose they are. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** `.<name>.tmp-<host>-<pid>-<random>`: who writes a temporary file or folder (see cleanStaleTemps). */
export function tempName(name: string): string {
  const host = hostname().replace(/[^A-Za-z0-9_]+/g, '_').slice(0, 40) || 'host';
  return `.${name}.tmp-${host}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Who owns a temporary name (tempName), if it says. */
export function tempOwner(rest: string): { host: string; pid: number } | undefined {
  const m = /^(.+)-(\d+)-[0-9a-f]{8}(?:\.old)?$/.exec(rest);
  return m === null ? undefined : { host: m[1] as string, pid: Number(m[2]) };
}

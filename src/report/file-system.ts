/**
 * The file-system seam of write.ts (the one writer) and what its errors mean to a user.
 *
 * Every file operation of a command goes through `currentFileSystem()`: Node's fs, or one a caller
 * installs for the duration of a call with `withFileSystem` (tests inject EACCES, EROFS, ENOSPC or
 * ENOTDIR there; everything may run as root, so permissions cannot be relied on). The installed
 * one lives in an AsyncLocalStorage, scoped to that call: no module-level state changes.
 *
 * `FileSystemError` turns an errno into one sentence with the path, the cause and the fix; the CLI
 * prints it and exits 2. It keeps `code`, so `error.code === 'ENOENT'` checks still work.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';

export interface FileInfo {
  isDirectory(): boolean;
  isFile(): boolean;
  mode: number;
}

/** The file operations tapsim uses (paths absolute or relative to the process's folder). */
export interface FileSystem {
  mkdir(path: string, options: { recursive: boolean }): Promise<unknown>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string): Promise<string>;
  writeFile(path: string, content: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { recursive: boolean; force: boolean }): Promise<void>;
  stat(path: string): Promise<FileInfo>;
  /** A stream writing `path` (utf8); errors are emitted as 'error'. */
  createWriteStream(path: string): Writable;
}

export const nodeFileSystem: FileSystem = {
  mkdir: (path, options) => mkdir(path, options),
  readdir: (path) => readdir(path),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, content) => writeFile(path, content, 'utf8'),
  rename: (from, to) => rename(from, to),
  rm: (path, options) => rm(path, options),
  stat: (path) => stat(path),
  createWriteStream: (path) => createWriteStream(path, { encoding: 'utf8' }),
};

const installed = new AsyncLocalStorage<FileSystem>();

/** Run `body` with `fs` as the file system of every write.ts operation it makes. */
export function withFileSystem<T>(fs: FileSystem, body: () => Promise<T>): Promise<T> {
  return installed.run(fs, body);
}

export function currentFileSystem(): FileSystem {
  return installed.getStore() ?? nodeFileSystem;
}

/** A file-system failure as one sentence: what was done to which path, why it failed, what to do. */
export class FileSystemError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    readonly reason: string,
    readonly fix: string,
    readonly action: string,
  ) {
    super(`cannot ${action} ${path}: ${reason} (${code}); ${fix}`);
    this.name = 'FileSystemError';
  }

  /** The same error with every occurrence of `from` in its paths replaced by `to` (a temporary folder by its target, the working folder + "/" by nothing). */
  replacing(from: string, to: string): FileSystemError {
    const swap = (s: string): string => s.split(from).join(to);
    return new FileSystemError(swap(this.path), this.code, swap(this.reason), swap(this.fix), this.action);
  }
}

export function isFileSystemError(error: unknown): error is FileSystemError {
  return error instanceof FileSystemError;
}

export type Access = 'read' | 'write';

function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** The nearest ancestor of `path` (itself included) that exists, with what it is. */
async function nearestExisting(path: string): Promise<{ path: string; isDirectory: boolean } | undefined> {
  const fs = currentFileSystem();
  for (let p = path; ; p = dirname(p)) {
    try {
      const info = await fs.stat(p);
      return { path: p, isDirectory: info.isDirectory() };
    } catch {
      if (dirname(p) === p) return undefined;
    }
  }
}

/**
 * Explain `error` (thrown while doing `action` to `path`) as a FileSystemError; anything that is
 * not an errno error (a bug, an abort) is returned unchanged.
 */
export async function explainFsError(error: unknown, path: string, action: string, access: Access): Promise<unknown> {
  if (error instanceof FileSystemError) return error;
  const code = errnoOf(error);
  if (code === undefined) return error;
  const where = access === 'write' ? 'give --out on a writable disk' : 'check the path';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new FileSystemError(path, code, 'permission denied', access === 'write' ? 'choose a folder you may write to (--out), or change its permissions' : 'make it readable, or give another path', action);
    case 'EROFS':
      return new FileSystemError(path, code, 'the file system is read-only', `${where} (a writable mount)`, action);
    case 'ENOSPC':
      return new FileSystemError(path, code, 'no space left on the disk', 'free some space, or give --out on another disk', action);
    case 'EDQUOT':
      return new FileSystemError(path, code, 'the disk quota is used up', 'free some space, or give --out on another disk', action);
    case 'ENOTDIR':
    case 'EEXIST': {
      const blocker = await nearestExisting(path);
      if (blocker !== undefined && !blocker.isDirectory) {
        return new FileSystemError(path, code, `${blocker.path} is a file, not a folder`, 'give a path whose parent folders are folders (or move the file away)', action);
      }
      return new FileSystemError(path, code, code === 'EEXIST' ? 'it already exists' : 'a part of the path is not a folder', 'give another path', action);
    }
    case 'EISDIR':
      return new FileSystemError(path, code, 'it is a folder, not a file', 'give the path of a file', action);
    case 'ENOENT':
      return new FileSystemError(path, code, 'it does not exist', access === 'write' ? 'check that the parent folder exists' : 'check the path', action);
    case 'EMFILE':
    case 'ENFILE':
      return new FileSystemError(path, code, 'too many open files', 'raise the limit (ulimit -n) or use fewer --workers', action);
    case 'ENAMETOOLONG':
      return new FileSystemError(path, code, 'the name is too long', 'give a shorter path', action);
    case 'EIO':
      return new FileSystemError(path, code, 'an input/output error on the disk', 'check the disk, then run again (with --resume where the run kept its jobs)', action);
    default:
      return new FileSystemError(path, code, (error as Error).message.replace(/^E[A-Z0-9]+:\s*/, ''), `check the path and the disk (${where})`, action);
  }
}

/**
 * mkdir -p that names the real cause: Node's recursive mkdir reports ENOENT on a read-only mount,
 * so a failure is probed from the nearest existing ancestor with a plain mkdir of the next folder.
 */
export async function ensureFolder(path: string): Promise<void> {
  const fs = currentFileSystem();
  try {
    await fs.mkdir(path, { recursive: true });
    return;
  } catch (error) {
    const blocker = await nearestExisting(path);
    if (blocker !== undefined && !blocker.isDirectory) throw await explainFsError(Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' }), path, 'create the folder', 'write');
    let next = path;
    if (blocker !== undefined) while (dirname(next) !== blocker.path && dirname(next) !== next) next = dirname(next);
    if (blocker !== undefined && next !== blocker.path) {
      try {
        await fs.mkdir(next, { recursive: false });
      } catch (probe) {
        if (errnoOf(probe) !== 'EEXIST') throw await explainFsError(probe, path, 'create the folder', 'write');
      }
      try {
        await fs.mkdir(path, { recursive: true });
        return;
      } catch (again) {
        throw await explainFsError(again, path, 'create the folder', 'write');
      }
    }
    throw await explainFsError(error, path, 'create the folder', 'write');
  }
}

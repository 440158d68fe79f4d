/** Single-file operations through the file-system seam: atomic writes, reads, listings, folders made or emptied. */
import { basename, dirname, join, resolve } from 'node:path';
import { currentFileSystem, ensureFolder, explainFsError, isFileSystemError } from './file-system.js';
import { tempName } from './temp-names.js';

export async function writeText(path: string, content: string): Promise<void> {
  try {
    await currentFileSystem().writeFile(path, content);
  } catch (error) {
    throw await explainFsError(error, path, 'write', 'write');
  }
}

export async function renameOrExplain(from: string, to: string, shown: string, action: string): Promise<void> {
  try {
    await currentFileSystem().rename(from, to);
  } catch (error) {
    throw await explainFsError(error, shown, action, 'write');
  }
}

/** Write one file atomically (temporary file in the same folder, then rename); creates the folder. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const fs = currentFileSystem();
  await ensureFolder(dirname(path));
  const temp = join(dirname(path), tempName(basename(path)));
  try {
    await writeText(temp, content);
    await renameOrExplain(temp, path, path, 'write');
  } catch (error) {
    await fs.rm(temp, { recursive: false, force: true }).catch(() => {});
    throw isFileSystemError(error) ? error.replacing(temp, path) : error;
  }
}

/** Names of the complete files in a folder (temporary files of interrupted writes are ignored); [] if it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await currentFileSystem().readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw await explainFsError(error, dir, 'list', 'read');
  }
}

export async function readText(path: string): Promise<string> {
  try {
    return await currentFileSystem().readFile(path);
  } catch (error) {
    throw await explainFsError(error, path, 'read', 'read');
  }
}

/** The text of `path`, or null when it does not exist. */
export async function readTextOptional(path: string): Promise<string | null> {
  try {
    return await currentFileSystem().readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw await explainFsError(error, path, 'read', 'read');
  }
}

/** Does `path` exist (as anything)? */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await currentFileSystem().stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw await explainFsError(error, path, 'look at', 'read');
  }
}

/**
 * Make `dir` an empty folder: an existing one is renamed aside (one step, so no reader sees it half
 * removed) and then removed. Used when a run starts over in a folder it may replace (--force).
 */
export async function emptyFolder(dir: string): Promise<void> {
  const fs = currentFileSystem();
  const target = resolve(dir);
  if (await pathExists(target)) {
    const aside = join(dirname(target), `${tempName(basename(target))}.old`);
    await renameOrExplain(target, aside, target, 'replace');
    await fs.rm(aside, { recursive: true, force: true }).catch(() => {});
  }
  await ensureFolder(target);
}

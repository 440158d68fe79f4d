/**
 * Folders written atomically: every file goes into a temporary folder beside the target, which is
 * then renamed into place, so a folder is either complete or absent.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { csvText } from './csv-text.js';
import { currentFileSystem, ensureFolder, explainFsError, isFileSystemError } from './file-system.js';
import { renameOrExplain, writeText } from './files.js';
import { tempName } from './temp-names.js';

/**
 * Write `files` (name → content) as the folder `dir`, atomically (see writeFolderAtomic).
 */
export async function writeRunFolder(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  await writeFolderAtomic(dir, async (w) => {
    for (const [name, content] of Object.entries(files)) await w.writeFile(name, content);
  });
}

/**
 * A CSV file being written: its header, then rows or already formatted bytes (a replication's
 * chunks, replication-csv.ts), in call order; each write waits on backpressure.
 */
export interface CsvSink {
  write(row: readonly string[]): Promise<void>;
  /** Bytes of whole CSV records (UTF-8, "\n" after each), appended as they are. */
  writeBytes(chunk: Uint8Array): Promise<void>;
  /** Flush and close; resolves once the file is complete on disk. */
  end(): Promise<void>;
}

/** Writes into the temporary folder of `writeFolderAtomic`. */
export interface FolderWriter {
  /** The temporary folder. */
  readonly path: string;
  /** Write a file; `name` may name a subfolder, `figures/a.svg`, which is created. */
  writeFile(name: string, content: string): Promise<void>;
  /** Create a subfolder (also when nothing is written into it). */
  makeFolder(name: string): Promise<void>;
  /** Open a CSV file with its header row; rows are streamed to disk. `name` may name a subfolder, which is created. */
  openCsv(name: string, header: readonly string[]): Promise<CsvSink>;
}

function checkName(name: string): void {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.') || name === '') throw new Error(`bad file name ${name}`);
}

/** The segments of a relative path inside the folder, each a good name. */
function checkPath(path: string): string[] {
  const segments = path.split('/');
  for (const s of segments) checkName(s);
  return segments;
}

async function openCsvFile(path: string, header: readonly string[], signal: AbortSignal | undefined): Promise<CsvSink> {
  const file = currentFileSystem().createWriteStream(path);
  const encoder = new TextEncoder();
  let failure: Error | undefined;
  file.on('error', (error: Error) => {
    failure ??= error;
  });
  const fail = async (error: unknown): Promise<never> => {
    throw await explainFsError(error, path, 'write', 'write');
  };
  const sink: CsvSink = {
    async write(row) {
      return sink.writeBytes(encoder.encode(csvText([row])));
    },
    async writeBytes(chunk) {
      if (failure !== undefined) return fail(failure);
      signal?.throwIfAborted();
      if (!file.write(chunk)) {
        await new Promise<void>((resolveDrain, reject) => {
          const onDrain = (): void => {
            file.off('error', onFail);
            resolveDrain();
          };
          const onFail = (error: Error): void => {
            file.off('drain', onDrain);
            reject(error);
          };
          file.once('drain', onDrain);
          file.once('error', onFail);
        }).catch(fail);
      }
    },
    async end() {
      file.end();
      try {
        await finished(file);
      } catch (error) {
        return fail(failure ?? error);
      }
      if (failure !== undefined) return fail(failure);
    },
  };
  await sink.write(header);
  return sink;
}

/**
 * Build the folder `dir` atomically: `fill` writes into a temporary folder in the same parent,
 * which is then renamed to `dir`. An existing `dir` is moved aside first and removed after the
 * rename (callers check it with `checkOutDir`). If `fill` throws (an error, an abort of
 * `options.signal`, checked before every file) the temporary folder is removed and `dir` is left
 * as it was: nothing half-written. `options.carry` names entries of the existing `dir` to move
 * into the new folder just before the swap (a run's kept jobs).
 */
export async function writeFolderAtomic<T>(dir: string, fill: (w: FolderWriter) => Promise<T>, options: { signal?: AbortSignal; carry?: readonly string[] } = {}): Promise<T> {
  const fs = currentFileSystem();
  const { signal } = options;
  const target = resolve(dir);
  const parent = dirname(target);
  await ensureFolder(parent);
  const temp = join(parent, tempName(basename(target)));
  try {
    await fs.mkdir(temp, { recursive: false });
  } catch (error) {
    throw await explainFsError(error, target, 'create', 'write');
  }
  const open: CsvSink[] = [];
  try {
    const writer: FolderWriter = {
      path: temp,
      async writeFile(name, content) {
        const segments = checkPath(name);
        signal?.throwIfAborted();
        if (segments.length > 1) await ensureFolder(join(temp, segments.slice(0, -1).join('/')));
        await writeText(join(temp, name), content);
      },
      async makeFolder(name) {
        checkPath(name);
        signal?.throwIfAborted();
        await ensureFolder(join(temp, name));
      },
      async openCsv(name, header) {
        const segments = checkPath(name);
        signal?.throwIfAborted();
        if (segments.length > 1) await ensureFolder(join(temp, segments.slice(0, -1).join('/')));
        const sink = await openCsvFile(join(temp, name), header, signal);
        open.push(sink);
        return sink;
      },
    };
    const value = await fill(writer);
    signal?.throwIfAborted();
    let aside: string | undefined;
    let exists = true;
    try {
      await fs.stat(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw await explainFsError(error, target, 'replace', 'write');
      exists = false;
    }
    if (exists) {
      for (const name of options.carry ?? []) {
        try {
          await fs.rename(join(target, name), join(temp, name));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw await explainFsError(error, join(target, name), 'move', 'write');
        }
      }
      aside = `${temp}.old`;
      await renameOrExplain(target, aside, target, 'replace');
    }
    await renameOrExplain(temp, target, target, 'write');
    if (aside !== undefined) await fs.rm(aside, { recursive: true, force: true }).catch(() => {});
    return value;
  } catch (error) {
    await Promise.allSettled(open.map((s) => s.end()));
    await fs.rm(temp, { recursive: true, force: true }).catch(() => {});
    // Name the folder the user asked for, not the temporary one.
    throw isFileSystemError(error) ? error.replacing(temp, target) : error;
  }
}

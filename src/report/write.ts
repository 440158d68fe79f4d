/**
 * The only module that writes files (docs/architecture.md#layout): run folders, written atomically — every file
 * goes into a temporary folder beside the target, which is then renamed into place — and the
 * summary.csv writer with a fixed column order and fixed number formatting (docs/architecture.md#rule-11).
 *
 * Every operation goes through the file-system seam (file-system.ts) and fails as a
 * FileSystemError naming the path, the cause and the fix. Temporary folders are named
 * `.<name>.tmp-<host>-<pid>-<random>`, so the next run into the same place can tell a stale one
 * (its process is gone) from one being written, and removes the stale ones (`cleanStaleTemps`).
 * Folders are created with mkdir, so they get the user's umask (readable by others by default).
 *
 * The parts: folder-writer.ts (atomic folders, streamed CSV), files.ts (single files), out-dir.ts
 * (the check before a run), stale-temps.ts, temp-names.ts, summary-csv.ts and exact-json.ts; this
 * file is their one entry.
 */
export { currentFileSystem, FileSystemError, isFileSystemError, withFileSystem, type FileSystem } from './file-system.js';
export { formatNumber, summaryCsv, type SummaryRow } from './summary-csv.js';
export { checkOutDir, resultMarkerIn } from './out-dir.js';
export { writeFolderAtomic, writeRunFolder, type CsvSink, type FolderWriter } from './folder-writer.js';
export { cleanStaleTemps } from './stale-temps.js';
export { parseJsonExact, stringifyJsonExact } from './exact-json.js';
export { emptyFolder, listFiles, pathExists, readText, readTextOptional, writeFileAtomic } from './files.js';

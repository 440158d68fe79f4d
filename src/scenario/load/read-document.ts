/**
 * Reading one scenario file: the file checks (type, size, empty), the syntax (JSON or YAML, with
 * file:line:col), the document as plain data, and the position of every value in it.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { fileIssue, type ScenarioIssue } from '../errors.js';
import { pathKey, type Path, type Pos, type SourceMap } from './source-map.js';

/** Largest scenario file, bytes. */
export const MAX_FILE_BYTES = 20_000_000;
/** Deepest nesting of maps and lists in a scenario file (the schema needs 8). */
export const MAX_NESTING = 64;
const NESTING_MESSAGE = `maps and lists nest more than ${MAX_NESTING} levels deep here; a scenario nests at most ${MAX_NESTING}: close the brackets or flatten the value`;

/** One scenario file as plain data with the position of every value; undefined (and issues) when it cannot be read. */
export async function readDocument(absolute: string, shown: string, issues: ScenarioIssue[]): Promise<{ raw: Record<string, unknown>; map: SourceMap } | undefined> {
  const ext = extname(absolute).toLowerCase();
  const text = await readText(absolute, shown, ext, issues);
  if (text === undefined) return undefined;
  const syntax = jsonProblem(text, shown, ext);
  if (syntax !== undefined) {
    issues.push(syntax);
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
      issues.push({ file: shown, line: pos.line, col: pos.col, path: '', message: yamlErrorMessage(error.code, error.message, ext) });
    }
    return undefined;
  }
  if (!isMap(doc.contents)) {
    issues.push(fileIssue(shown, 'the top level must be a mapping of scenario fields (name, duration, carriers, …)'));
    return undefined;
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    issues.push(fileIssue(shown, `cannot read document: ${error instanceof Error ? error.message : String(error)}`));
    return undefined;
  }
  const { map, tooDeep } = sourceMapOf(doc.contents, lineCounter, shown);
  if (tooDeep !== undefined) {
    issues.push({ ...tooDeep, path: '', message: NESTING_MESSAGE });
    return undefined;
  }
  return { raw: raw as Record<string, unknown>, map };
}

/** The file's text, line ends read as YAML 1.2 reads them; undefined (and an issue) for a wrong, missing, huge or empty file. */
async function readText(absolute: string, shown: string, ext: string, issues: ScenarioIssue[]): Promise<string | undefined> {
  if (!['.yaml', '.yml', '.json'].includes(ext)) {
    issues.push(fileIssue(shown, `unsupported file type "${ext || '(none)'}": scenario files end in .yaml, .yml or .json`));
    return undefined;
  }
  let text: string;
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) {
      issues.push(fileIssue(shown, 'is a directory, not a scenario file'));
      return undefined;
    }
    if (info.size > MAX_FILE_BYTES) {
      issues.push(fileIssue(shown, `file is ${(info.size / 1e6).toFixed(1)} MB; a scenario file is at most ${MAX_FILE_BYTES / 1e6} MB: give long demand profiles as an expression or a thinner table`));
      return undefined;
    }
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.push(fileIssue(shown, code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(error)})`));
    return undefined;
  }
  // Old-Mac line ends (CR only) read as line ends, as YAML 1.2 does; CR LF stays as it is.
  text = text.replace(/\r(?!\n)/g, '\n');
  if (text.replace(/^\uFEFF/, '').split(/\r?\n/).every((line) => line.trim() === '' || line.trim().startsWith('#'))) {
    issues.push(fileIssue(shown, 'file is empty: a scenario needs at least name, duration, carriers, readers and stations'));
    return undefined;
  }
  return text;
}

/** A .json file that is not JSON, or a YAML file that looks like JSON: the issue, located. */
function jsonProblem(text: string, shown: string, ext: string): ScenarioIssue | undefined {
  const firstSignificant = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '' && !line.trim().startsWith('#'))?.trim() ?? '';
  if (ext === '.json') {
    try {
      JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = /position (\d+)/.exec(message);
      const offset = at === null ? 0 : Number(at[1]);
      const { line, col } = offsetToLineCol(text, offset);
      return { file: shown, line, col, path: '', message: `JSON syntax error: ${message.replace(/ in JSON at position \d+.*$/, '')}` };
    }
  } else if (firstSignificant.startsWith('{') || firstSignificant.startsWith('[')) {
    const { line, col } = offsetToLineCol(text, text.indexOf(firstSignificant[0] as string));
    return { file: shown, line, col, path: '', message: `this looks like JSON but the file is named ${ext}: rename it to .json, or write YAML` };
  }
  return undefined;
}

/** The position of every value (and key) of the document; `tooDeep` where it nests deeper than MAX_NESTING. */
function sourceMapOf(contents: unknown, lineCounter: LineCounter, shown: string): { map: SourceMap; tooDeep: Pos | undefined } {
  const map: SourceMap = new Map();
  const pos = (offset: number): Pos => ({ file: shown, ...lineCounter.linePos(offset) });
  let tooDeep: Pos | undefined;
  const walk = (node: unknown, path: Path, keyPos?: Pos): void => {
    const n = node as YamlNode | null;
    const range = n?.range;
    const valuePos = range ? pos(range[0]) : (keyPos ?? pos(0));
    if (path.length > MAX_NESTING) {
      tooDeep ??= valuePos;
      return;
    }
    map.set(pathKey(path), keyPos === undefined ? { value: valuePos } : { value: valuePos, key: keyPos });
    if (isMap(n)) {
      for (const item of n.items) {
        if (!isPair(item)) continue;
        const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
        const kRange = (item.key as YamlNode | null)?.range;
        walk(item.value, [...path, key], kRange ? pos(kRange[0]) : valuePos);
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(contents, []);
  return { map, tooDeep };
}

/** A yaml parse error as a sentence: its own first line, except the library's advice to call a function. */
function yamlErrorMessage(code: string, message: string, ext: string): string {
  const kind = ext === '.json' ? 'JSON' : 'YAML';
  if (code === 'MULTIPLE_DOCS') return `${kind} syntax error: this file holds several YAML documents (a "---" line between them); a scenario file holds one: remove the "---" and what follows, or split the file`;
  if (/call stack/i.test(message)) return `${kind} syntax error: ${NESTING_MESSAGE}`;
  return `${kind} syntax error: ${message.split('\n')[0] ?? code}`;
}

function offsetToLineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, col: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

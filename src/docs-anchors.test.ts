/**
 * Self-contained references: the code, README, notebooks and scenarios cite the repository's own
 * docs/ (docs/sources.md#f3-1, docs/architecture.md#rule-8, docs/validation.md#v16), never the
 * documents outside it, and every cited anchor exists. A chain "docs/sources.md#f3-1, #f3-2" gives
 * the file once: a bare "#anchor" belongs to the last docs/ file named before it on the same line.
 * Anchors are the explicit `<a id="…">` of docs/*.md and the GitHub slugs of their headings.
 * Markdown links inside docs/ ("](sources.md#f1-2)", "](#f3-4)") are checked the same way.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const DOCS = join(ROOT, 'docs');
const SELF = join(ROOT, 'src', 'docs-anchors.test.ts');

function walk(dir: string, pick: (path: string) => boolean, acc: string[] = []): string[] {
  if (!existsSync(dir)) return acc;
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, pick, acc);
    else if (pick(path)) acc.push(path);
  }
  return acc;
}

/** The files that cite docs/: src/**\/*.ts, README.md, notebooks/**, scenarios/** (yaml, json). */
function citingFiles(): string[] {
  const text = new Set(['.ts', '.mts', '.js', '.mjs', '.md', '.yaml', '.yml', '.json', '.txt']);
  return [
    ...walk(join(ROOT, 'src'), (p) => p.endsWith('.ts') && p !== SELF),
    join(ROOT, 'README.md'),
    ...walk(join(ROOT, 'notebooks'), (p) => text.has(extname(p))),
    ...walk(join(ROOT, 'scenarios'), (p) => ['.yaml', '.yml', '.json'].includes(extname(p))),
  ];
}

/** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens. */
function headingSlug(heading: string): string {
  return heading.trim().toLowerCase().replace(/<[^>]*>/g, '').replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** Explicit `<a id>` anchors and heading slugs of one markdown text. */
function anchorsOf(markdown: string): Set<string> {
  const ids = new Set([...markdown.matchAll(/<a id="([^"]+)"/g)].map((m) => m[1]!));
  for (const m of markdown.matchAll(/^#{1,6} (.+)$/gm)) ids.add(headingSlug(m[1]!));
  return ids;
}

const DOC_ANCHORS = new Map(
  readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => [`docs/${f}`, anchorsOf(readFileSync(join(DOCS, f), 'utf8'))] as const),
);

/** Old citations of documents outside the repository (FACTS, DESIGN, VALIDATION and their .md). */
const OLD_CITATION = /\b(FACTS|DESIGN|VALIDATION)\b/;

function oldCitations(text: string, file: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (OLD_CITATION.test(line)) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
  });
  return found;
}

/**
 * Every docs/ reference of a text whose file or anchor does not exist. `docs/x.md#a` names both;
 * a bare `#a` (after a separator, a space or a bracket) is resolved in the last docs file named
 * before it on its line; in docs/ itself `](x.md#a)` and `](#a)` links are resolved the same way.
 */
function brokenReferences(text: string, file: string, selfDoc?: string): string[] {
  const broken: string[] = [];
  const token = selfDoc === undefined
    ? /docs\/([\w-]+\.md)(?:#([\w-]+))?|(?<![\w&/.#])#([a-z][a-z0-9-]*)/g
    : /\]\(([\w-]+\.md)(?:#([\w-]+))?\)|\]\(#([\w-]+)\)/g;
  text.split('\n').forEach((line, i) => {
    let current = selfDoc;
    for (const m of line.matchAll(token)) {
      const [, name, anchor, bare] = m;
      const where = `${file}:${i + 1}: ${m[0]}`;
      if (name !== undefined) {
        current = `docs/${name}`;
        const ids = DOC_ANCHORS.get(current);
        if (ids === undefined) broken.push(`${where} (no such file)`);
        else if (anchor !== undefined && !ids.has(anchor)) broken.push(`${where} (no such anchor)`);
      } else if (bare !== undefined && current !== undefined) {
        if (!DOC_ANCHORS.get(current)?.has(bare)) broken.push(`${where} (no #${bare} in ${current})`);
      }
    }
  });
  return broken;
}

describe('self-contained references (docs/)', () => {
  const files = citingFiles().map((path) => ({ rel: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

  test('no citation of a document outside the repository is left', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => oldCitations(f.text, f.rel))).toEqual([]);
  });

  test('every cited docs/ file and anchor exists', () => {
    const cited = files.reduce((n, f) => n + (f.text.match(/docs\/[\w-]+\.md#/g)?.length ?? 0), 0);
    expect(cited).toBeGreaterThan(0);
    expect(files.flatMap((f) => brokenReferences(f.text, f.rel))).toEqual([]);
  });

  test('the links between docs/ pages resolve', () => {
    const broken = [...DOC_ANCHORS.keys()].flatMap((doc) => brokenReferences(readFileSync(join(ROOT, doc), 'utf8'), doc, doc));
    expect(broken).toEqual([]);
  });

  test('the checks can fail', () => {
    expect(oldCitations('x (FACTS §3.1)\ny', 'f')).toEqual(['f:1: x (FACTS §3.1)']);
    expect(oldCitations('see ../shared/domain/VALIDATION.md', 'f')).toHaveLength(1);
    expect(brokenReferences('a docs/sources.md#f3-1, #f3-2 b', 'f')).toEqual([]);
    expect(brokenReferences('a docs/sources.md#f3-1, #f99-2 b', 'f')).toEqual(['f:1: #f99-2 (no #f99-2 in docs/sources.md)']);
    expect(brokenReferences('docs/sources.md#v16 and docs/nope.md', 'f')).toHaveLength(2);
    expect(brokenReferences('see [x](sources.md#f1-2) and [y](#nope)', 'docs/sources.md', 'docs/sources.md')).toEqual([
      'docs/sources.md:1: ](#nope) (no #nope in docs/sources.md)',
    ]);
  });
});

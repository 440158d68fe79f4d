/**
 * A small strict XML well-formedness checker, enough for the SVG this project writes (and for
 * tests of it): one root element, matched tags, quoted and unique attributes, valid entity and
 * character references, no raw `<` or `&` in text or attribute values. No DTDs, no namespaces
 * checks. Returns the first problem with its offset, or null when the document is well formed.
 */

export interface XmlProblem {
  readonly offset: number;
  readonly message: string;
}

// Sticky regexes carry lastIndex, so each call makes its own (no module-level mutable state).
const NAME_SRC = '[A-Za-z_:][A-Za-z0-9_.:-]*';
const REF_SRC = '&(?:[A-Za-z_][A-Za-z0-9_.-]*|#[0-9]+|#x[0-9A-Fa-f]+);';
const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function checkText(doc: string, from: number, to: number, inAttr: boolean): XmlProblem | null {
  const REF = new RegExp(REF_SRC, 'y');
  for (let i = from; i < to; i++) {
    const c = doc[i];
    if (c === '<') return { offset: i, message: inAttr ? 'raw "<" in attribute value' : 'raw "<" in text' };
    if (c === '&') {
      REF.lastIndex = i;
      const m = REF.exec(doc);
      if (m === null || m.index !== i) return { offset: i, message: 'bare "&" (not an entity or character reference)' };
      const body = m[0].slice(1, -1);
      if (!body.startsWith('#') && !PREDEFINED.has(body)) return { offset: i, message: `undefined entity &${body};` };
      if (body.startsWith('#')) {
        const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        const ok = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
        if (!ok) return { offset: i, message: `invalid character reference &${body};` };
      }
      i += m[0].length - 1;
      continue;
    }
    const code = c!.charCodeAt(0);
    if (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) return { offset: i, message: `control character U+${code.toString(16).padStart(4, '0')}` };
  }
  return null;
}

/** Where the scan goes on after one construct, or the problem found in it. */
type Step = { next: number } | XmlProblem;

const isProblem = (s: Step): s is XmlProblem => 'message' in s;

/** A comment, CDATA section, processing instruction or declaration at `i`; undefined when there is none. */
function markup(doc: string, i: number, depth: number, roots: number): Step | undefined {
  if (doc.startsWith('<!--', i)) {
    const end = doc.indexOf('-->', i + 4);
    if (end === -1) return { offset: i, message: 'unterminated comment' };
    if (doc.slice(i + 4, end).includes('--')) return { offset: i, message: '"--" inside a comment' };
    return { next: end + 3 };
  }
  if (doc.startsWith('<![CDATA[', i)) {
    if (depth === 0) return { offset: i, message: 'CDATA outside the root element' };
    const end = doc.indexOf(']]>', i);
    if (end === -1) return { offset: i, message: 'unterminated CDATA section' };
    return { next: end + 3 };
  }
  if (doc.startsWith('<?', i)) {
    if (depth > 0 || roots > 0) return { offset: i, message: 'processing instruction after the root started' };
    const end = doc.indexOf('?>', i);
    if (end === -1) return { offset: i, message: 'unterminated processing instruction' };
    return { next: end + 2 };
  }
  if (doc.startsWith('<!', i)) return { offset: i, message: 'DOCTYPE/declarations are not accepted' };
  return undefined;
}

/** The end tag at `i`, closing the innermost open element. */
function endTag(doc: string, i: number, stack: string[]): Step {
  const NAME = new RegExp(NAME_SRC, 'y');
  const n = doc.length;
  NAME.lastIndex = i + 2;
  const m = NAME.exec(doc);
  if (m === null) return { offset: i, message: 'bad end tag' };
  let j = i + 2 + m[0].length;
  while (j < n && /\s/.test(doc[j]!)) j++;
  if (doc[j] !== '>') return { offset: j, message: `expected ">" to close </${m[0]}` };
  const open = stack.pop();
  if (open !== m[0]) return { offset: i, message: open === undefined ? `end tag </${m[0]}> with no open element` : `</${m[0]}> closes <${open}>` };
  return { next: j + 1 };
}

/** The attributes of start tag <name at `j` up to its ">" or "/>"; an open element goes on the stack. */
function attributes(doc: string, i: number, j: number, name: string, stack: string[]): Step {
  const NAME = new RegExp(NAME_SRC, 'y');
  const n = doc.length;
  const seen = new Set<string>();
  for (;;) {
    const wsStart = j;
    while (j < n && /\s/.test(doc[j]!)) j++;
    if (j >= n) return { offset: i, message: `unterminated start tag <${name}` };
    if (doc[j] === '>') {
      stack.push(name);
      return { next: j + 1 };
    }
    if (doc.startsWith('/>', j)) return { next: j + 2 };
    if (j === wsStart) return { offset: j, message: `expected whitespace before attribute in <${name}` };
    NAME.lastIndex = j;
    const a = NAME.exec(doc);
    if (a === null) return { offset: j, message: `bad attribute name in <${name}` };
    if (seen.has(a[0])) return { offset: j, message: `duplicate attribute ${a[0]} in <${name}` };
    seen.add(a[0]);
    j += a[0].length;
    while (j < n && /\s/.test(doc[j]!)) j++;
    if (doc[j] !== '=') return { offset: j, message: `attribute ${a[0]} without "=" in <${name}` };
    j++;
    while (j < n && /\s/.test(doc[j]!)) j++;
    const q = doc[j];
    if (q !== '"' && q !== "'") return { offset: j, message: `unquoted value of ${a[0]} in <${name}` };
    const end = doc.indexOf(q, j + 1);
    if (end === -1) return { offset: j, message: `unterminated value of ${a[0]} in <${name}` };
    const p = checkText(doc, j + 1, end, true);
    if (p !== null) return p;
    j = end + 1;
  }
}

export function xmlProblem(doc: string): XmlProblem | null {
  const NAME = new RegExp(NAME_SRC, 'y');
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const n = doc.length;
  while (i < n) {
    const lt = doc.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      if (stack.length === 0) {
        if (doc.slice(i, textEnd).trim() !== '') return { offset: i, message: 'text outside the root element' };
      } else {
        const p = checkText(doc, i, textEnd, false);
        if (p !== null) return p;
      }
    }
    if (lt === -1) break;
    i = lt;
    let step = markup(doc, i, stack.length, roots);
    if (step === undefined && doc.startsWith('</', i)) step = endTag(doc, i, stack);
    if (step === undefined) {
      // Start tag.
      NAME.lastIndex = i + 1;
      const m = NAME.exec(doc);
      if (m === null) return { offset: i, message: 'bad start tag' };
      const name = m[0];
      if (stack.length === 0) {
        roots++;
        if (roots > 1) return { offset: i, message: 'more than one root element' };
      }
      step = attributes(doc, i, i + 1 + name.length, name, stack);
    }
    if (isProblem(step)) return step;
    i = step.next;
  }
  if (stack.length > 0) return { offset: n, message: `unclosed <${stack[stack.length - 1]!}>` };
  if (roots === 0) return { offset: 0, message: 'no root element' };
  return null;
}

/** Throws with the problem and some context when `doc` is not well-formed XML. */
export function assertWellFormedXml(doc: string): void {
  const p = xmlProblem(doc);
  if (p !== null) {
    const ctx = doc.slice(Math.max(0, p.offset - 40), p.offset + 40);
    throw new Error(`not well-formed XML at offset ${p.offset}: ${p.message}\n  near: ${JSON.stringify(ctx)}`);
  }
}

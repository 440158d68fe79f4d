import { describe, expect, test } from 'vitest';
import { xmlProblem } from './xml-check.js';

describe('xmlProblem', () => {
  test('accepts well-formed documents', () => {
    for (const doc of [
      '<svg/>',
      '<?xml version="1.0"?>\n<svg a="1" b=\'2\'><g><title>A &amp; B &#8722; &#x2212;</title></g><!-- c --></svg>\n',
      '<a><![CDATA[<raw & text>]]></a>',
    ]) {
      expect(xmlProblem(doc), doc).toBeNull();
    }
  });

  test.each([
    ['<a><b></a>', '</a> closes <b>'],
    ['<a>', 'unclosed <a>'],
    ['<a/><b/>', 'more than one root'],
    ['<a x=1/>', 'unquoted value'],
    ['<a x="1" x="2"/>', 'duplicate attribute'],
    ['<a x="1"y="2"/>', 'expected whitespace'],
    ['<a x="a<b"/>', 'raw "<" in attribute'],
    ['<a>A & B</a>', 'bare "&"'],
    ['<a>&nbsp;</a>', 'undefined entity'],
    ['<a>&#0;</a>', 'invalid character reference'],
    ['text<a/>', 'text outside'],
    ['</a>', 'no open element'],
    ['<a x="1></a>', 'unterminated'],
    ['<!DOCTYPE svg><svg/>', 'DOCTYPE'],
    ['', 'no root'],
  ])('rejects %s', (doc, message) => {
    const p = xmlProblem(doc);
    expect(p).not.toBeNull();
    expect(p!.message).toContain(message);
  });
});

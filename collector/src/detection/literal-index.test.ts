// The literal pre-filter: case-folded ASCII scanning, and the literals read out of `re` patterns
// (each must be in every match, or the index would lose matches).
import { describe, expect, it } from 'vitest';
import { LiteralAutomaton, regexRequiredPiece } from './literal-index.js';

describe('LiteralAutomaton', () => {
  const a = new LiteralAutomaton();
  a.add('wget', 1);
  a.add('/tmp/', 2);
  a.add('k8s', 3);
  a.build();
  const hits = (f: (cb: (r: number) => void) => unknown) => { const out = new Set<number>(); f((r) => out.add(r)); return [...out].sort(); };

  it('scans ASCII text as it is, capitals folded', () => {
    expect(hits((cb) => a.scanAscii('WGET -O /TMP/x', cb))).toEqual([1, 2]);
    expect(a.scanAscii('plain', () => {})).toBe(true);
  });
  it('gives up at the first non-ASCII character, so the caller scans the lower-cased text', () => {
    // U+212A KELVIN SIGN lower-cases to an ASCII k
    const text = '\u212A8s';
    expect(a.scanAscii(text, () => {})).toBe(false);
    expect(hits((cb) => a.scan(text.toLowerCase(), cb))).toEqual([3]);
  });
});

describe('regexRequiredPiece', () => {
  it.each([
    ['/mail/tmp/[a-zA-Z0-9]{3}[0-9]{3}\\.tar\\.gz', '/mail/tmp/'],
    ['^/usr/bin/python[23]?\\s+-c', '/usr/bin/python'],
    ['Base64\\.decode\\(', 'base64.decode('],
    ['abc+def', 'abc'],
    ['xyz?abcd', 'abcd'],
    ['ab{0,2}cdef', 'cdef'],
    ['curl.*\\|\\s*bash', 'curl'],
    ['(?:wget|curl) http', ' http'],
  ])('%s -> %s', (src, want) => {
    expect(regexRequiredPiece(src)).toBe(want);
    expect(new RegExp(src, 'i').source).toBeTruthy();
  });
  it.each([
    ['-(W|R)\\s?(\\s|"|\')([0-9a-fA-F]{2}\\s?){2,20}(\\s|"|\')'],
    ['[^/]{100,}$'],
    ['abcdef|xyz'],
    ['\\x41\\x42\\x43'],
    ['ab'],
  ])('%s -> nothing', (src) => {
    expect(regexRequiredPiece(src)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { regexMinLength } from './regex-min-length.js';

describe('regexMinLength', () => {
  it.each([
    ['[^/]{100,}$', 100],
    ['abc', 3],
    ['^a.c$', 3],
    ['a*b+c?', 1],
    ['(foo|ba)r', 3],
    ['(?:ab){2,5}x{3}', 7],
    ['a\\.b\\d\\s', 5],
    ['\\bword\\b', 4],
    ['x(?=abc)y', 2],
    ['(?<!no)yes', 3],
    ['(?<n>ab)c', 3],
    ['[a-z]+?q', 2],
    ["-(W|R)\\s?(\\s|\"|')([0-9a-fA-F]{2}\\s?){2,20}(\\s|\"|')", 8],
    ['a|', 0],
    ['a{,3}', 5], // not a quantifier: literal '{' ',' '3' '}'
  ])('%s needs %i characters', (src, want) => {
    expect(regexMinLength(src)).toBe(want);
  });

  it.each(['(a)\\1', '\\x41\\x42', '\\u0041bc', '\\p{L}xx', '(?i)abc', '*a', '(ab'])('gives no bound for %s', (src) => {
    expect(regexMinLength(src)).toBe(0);
  });

  it('never exceeds the length of a real match', () => {
    const cases: [string, string][] = [
      ['[^/]{100,}$', 'x'.repeat(100)], ['(foo|ba)r', 'bar'], ['a*b+c?', 'b'], ['x(?=y)y', 'xy'], ['a{,3}', 'a{,3}'],
      ["-(W|R)\\s?(\\s|\"|')([0-9a-fA-F]{2}\\s?){2,20}(\\s|\"|')", '-W "0a0b"'],
    ];
    for (const [src, text] of cases) {
      expect(new RegExp(src).test(text)).toBe(true);
      expect(regexMinLength(src)).toBeLessThanOrEqual(text.length);
    }
  });
});

// The fewest characters a string must have for a regular expression to match somewhere in it,
// so that a rule's `re` test can skip the RegExp for shorter text (`[^/]{100,}$` on a file
// path costs a backtracking scan from every position otherwise). A lower bound, read from the
// source: 0 whenever anything is not plainly understood (back-references, \x/\u/\p escapes,
// inline modifiers), which only means "no guard".
import { skipClass, skipGroup } from './literal-index.js';

class Unsure extends Error {}

const QUANTIFIER = /^\{(\d+)(,\d*)?\}/;

/** Lower bound on the length of any match of `src` (a RegExp source without the u or v flag). */
export function regexMinLength(src: string): number {
  let i = 0;
  const unsure = (): never => { throw new Unsure(); };

  const disjunction = (): number => {
    let best = alternative();
    while (src[i] === '|') {
      i++;
      best = Math.min(best, alternative());
    }
    return best;
  };
  const alternative = (): number => {
    let sum = 0;
    while (i < src.length && src[i] !== '|' && src[i] !== ')') sum += term();
    return sum;
  };
  const term = (): number => {
    const c = src[i];
    let atom = 1;
    if (c === '^' || c === '$') {
      i++;
      return 0;
    } else if (c === '\\') {
      const d = src[i + 1];
      if (d === undefined) unsure();
      if (d === 'b' || d === 'B') {
        i += 2;
        return 0;
      }
      // \d \s \w ... and escaped punctuation are one character; \1, \x41, \u{..}, \p{..}, \cX are not read
      if (/[A-Za-z0-9]/.test(d) && !'dDsSwWtnrvf'.includes(d)) unsure();
      i += 2;
    } else if (c === '[') {
      const j = skipClass(src, i);
      if (j < 0) unsure();
      i = j;
    } else if (c === '(') {
      if (/^\(\?<?[=!]/.test(src.slice(i, i + 4))) {
        const j = skipGroup(src, i);
        if (j < 0) unsure();
        i = j;
        atom = 0; // lookaround
      } else {
        if (src.startsWith('(?:', i)) i += 3;
        else if (src.startsWith('(?<', i)) {
          const close = src.indexOf('>', i);
          if (close < 0) unsure();
          i = close + 1;
        } else if (src[i + 1] === '?') unsure();
        else i++;
        atom = disjunction();
        if (src[i] !== ')') unsure();
        i++;
      }
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && QUANTIFIER.test(src.slice(i)))) {
      unsure(); // a quantifier with nothing to repeat
    } else {
      i++; // '.', a literal character, or a lone ] } {
    }
    let min = 1;
    let quantified = true;
    const q = src[i];
    if (q === '*' || q === '?') {
      min = 0;
      i++;
    } else if (q === '+') i++;
    else if (q === '{' && QUANTIFIER.test(src.slice(i))) {
      const m = QUANTIFIER.exec(src.slice(i))!;
      min = Number(m[1]);
      i += m[0].length;
    } else quantified = false;
    if (quantified && src[i] === '?') i++; // lazy
    return atom * min;
  };

  try {
    const n = disjunction();
    return i === src.length ? n : 0;
  } catch (err) {
    if (err instanceof Unsure) return 0;
    throw err;
  }
}

// Pre-filter by literal: each rule that is not indexed by executable names literals that an
// event must contain (lower-cased) in some field for the rule to possibly match. Per field, one
// Aho-Corasick automaton over all rules' literals finds the candidate rules in a single pass
// over the text; only those are then tested. Characters above 127 share one column, which can
// only add candidates, never lose one. ASCII capitals share their lower-case letter's column, so
// ASCII text is scanned as it is, without lower-casing it first (`scanAscii`).

import { slotOf } from './event-view.js';

/** A necessary condition: the event matches only if one of these (slot, literal) pairs is present. */
export type Requirement = { slot: number; lit: string }[];

export class LiteralAutomaton {
  /** ASCII code -> column; 0 is "any other character" (all of code >= 128 too). */
  private readonly columns = new Uint8Array(128);
  private width = 1;
  private delta: Int32Array = new Int32Array(0);
  private out: (number[] | undefined)[] = [];
  private readonly pending: { lit: string; rule: number }[] = [];

  add(lit: string, rule: number): void {
    this.pending.push({ lit, rule });
  }

  /** A key naming the literal set, so buckets with the same rules can share one automaton. */
  key(): string {
    return this.pending.map((p) => `${p.rule}:${p.lit}`).sort().join('\0');
  }

  private column(code: number): number {
    return code < 128 ? this.columns[code] : 0;
  }

  /** Builds the full DFA (goto with failure transitions folded in). */
  build(): void {
    for (const { lit } of this.pending) {
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        if (c < 128 && this.columns[c] === 0) this.columns[c] = this.width++;
      }
    }
    // literals are lower-case; for ASCII, lower-casing is exactly A-Z -> a-z
    for (let c = 65; c <= 90; c++) this.columns[c] = this.columns[c + 32];
    const W = this.width;
    const trie: Int32Array[] = [new Int32Array(W).fill(-1)];
    const out: Set<number>[] = [new Set()];
    for (const { lit, rule } of this.pending) {
      let s = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = this.column(lit.charCodeAt(i));
        if (trie[s][c] < 0) {
          trie[s][c] = trie.length;
          trie.push(new Int32Array(W).fill(-1));
          out.push(new Set());
        }
        s = trie[s][c];
      }
      out[s].add(rule);
    }
    const n = trie.length;
    const delta = new Int32Array(n * W);
    const fail = new Int32Array(n);
    const queue: number[] = [];
    for (let c = 0; c < W; c++) {
      const v = trie[0][c];
      delta[c] = v > 0 ? v : 0;
      if (v > 0) queue.push(v);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi];
      for (const r of out[fail[u]]) out[u].add(r);
      for (let c = 0; c < W; c++) {
        const v = trie[u][c];
        if (v > 0) {
          fail[v] = delta[fail[u] * W + c];
          delta[u * W + c] = v;
          queue.push(v);
        } else {
          delta[u * W + c] = delta[fail[u] * W + c];
        }
      }
    }
    // Transitions hold the next state's row offset (state * W), doubled, plus 1 when that state
    // reports rules: a scan step is one table read, and the report table is read only on a hit.
    const packed = new Int32Array(n * W);
    for (let k = 0; k < n * W; k++) {
      const v = delta[k];
      packed[k] = ((v * W) << 1) | (out[v].size > 0 ? 1 : 0);
    }
    this.delta = packed;
    this.out = out.map((x) => (x.size > 0 ? [...x] : undefined));
  }

  /**
   * Like `scan` over `text.toLowerCase()`, on text as it is, as long as it is ASCII; returns false
   * (having reported some rules, perhaps) at the first other character, since lower-casing those
   * can yield ASCII letters (U+212A KELVIN SIGN -> k): the caller then scans the lower-cased text.
   */
  scanAscii(text: string, hit: (rule: number) => void): boolean {
    const delta = this.delta;
    const columns = this.columns;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128) return false;
      const d = delta[s + columns[code]];
      s = d >> 1;
      if ((d & 1) !== 0) this.report(s, hit);
    }
    return true;
  }

  /** Calls `hit(rule)` for every rule with a literal in lower-cased `text` (a rule may be reported more than once). */
  scan(text: string, hit: (rule: number) => void): void {
    const delta = this.delta;
    const columns = this.columns;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const d = delta[s + (code < 128 ? columns[code] : 0)];
      s = d >> 1;
      if ((d & 1) !== 0) this.report(s, hit);
    }
  }

  /** Reports the rules of the state whose row starts at `offset`. */
  private report(offset: number, hit: (rule: number) => void): void {
    const o = this.out[offset / this.width]!;
    for (let k = 0; k < o.length; k++) hit(o[k]);
  }
}

/**
 * Fields with a handful of values that most events of their kind carry (`egress`, `tcp`): a
 * literal there selects almost nothing, however long it is.
 */
const ENUM_SLOTS = new Set(['network.direction', 'network.transport', 'event.kind', 'event.category', 'event.type', 'event.action', 'event.outcome'].map(slotOf));

/**
 * AND: any one child's requirement is necessary; pick the most selective: not one on enumeration
 * fields only if there is another, then the longest shortest literal, then the fewest literals.
 */
export function reqAnd(reqs: (Requirement | undefined)[]): Requirement | undefined {
  let best: Requirement | undefined;
  const score = (r: Requirement) => (r.every((x) => ENUM_SLOTS.has(x.slot)) ? 0 : 1_000_000) + Math.min(...r.map((x) => x.lit.length)) * 1000 - r.length;
  for (const r of reqs) if (r && (!best || score(r) > score(best))) best = r;
  return best;
}

/** OR: every branch must contribute, and any of their literals may be the one present. */
export function reqOr(reqs: (Requirement | undefined)[]): Requirement | undefined {
  if (reqs.length === 0 || reqs.some((r) => !r)) return undefined;
  return reqs.flatMap((r) => r!);
}

/** Index after the `)` closing the group that opens at `i`, or -1 (escapes and classes skipped). */
export function skipGroup(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') {
      j = skipClass(src, j) - 1;
      if (j < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

/** Index after the `]` closing the class that opens at `i`, or -1. */
export function skipClass(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']') return j + 1;
  }
  return -1;
}

/** True when the pattern has a `|` outside groups and classes (it is then an alternation). */
function topLevelAlternation(src: string): boolean {
  for (let j = 0; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[' || c === '(') {
      const k = c === '[' ? skipClass(src, j) : skipGroup(src, j);
      if (k < 0) return true;
      j = k - 1;
    } else if (c === '|') return true;
  }
  return false;
}

/**
 * The longest run of literal characters that every match of a regular expression contains
 * (lower-cased, at least 3 characters), or undefined. Conservative: only the top-level sequence
 * is read; a group, a class, `.`, `\d`... or an optional atom ends a run, any other escape or
 * anything unusual ends the reading, and a top-level `|` gives up. Lets a `re` rule be found
 * through the literal index instead of being tested on every event.
 */
export function regexRequiredPiece(src: string): string | undefined {
  if (topLevelAlternation(src)) return undefined;
  let best = '';
  let run = '';
  const end = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  let i = 0;
  read: while (i < src.length) {
    const c = src[i];
    let atom: string | undefined;
    let next = i + 1;
    switch (c) {
      case '\\': {
        const d = src[i + 1];
        if (d === undefined) break read;
        if (/[A-Za-z0-9]/.test(d) && !'dDsSwWbB'.includes(d)) break read; // \x41, \u{..}, \p{..}, \1: lengths vary
        if (!/[A-Za-z0-9]/.test(d)) atom = d;
        next = i + 2;
        break;
      }
      case '[':
        next = skipClass(src, i);
        break;
      case '(':
        next = skipGroup(src, i);
        break;
      case '.': case '^': case '$':
        break;
      case ')': case '*': case '+': case '?': case '{': case '}': case ']':
        break read;
      default:
        atom = c;
    }
    if (next < 0) break;
    let min = 1;
    let quantified = false;
    const q = src[next];
    if (q === '*' || q === '?') {
      min = 0;
      next++;
    } else if (q === '+') {
      quantified = true;
      next++;
    } else if (q === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(src.slice(next));
      if (!m) break;
      min = Number(m[1]);
      quantified = true;
      next += m[0].length;
    }
    if ((min === 0 || quantified) && src[next] === '?') next++; // lazy
    if (atom === undefined || min === 0) end();
    else if (quantified) {
      run += atom;
      end();
    } else run += atom;
    i = next;
  }
  end();
  return best.length >= 3 ? best.toLowerCase() : undefined;
}

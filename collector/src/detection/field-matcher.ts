// Compiles one selection entry (`Field|mod|mod: value(s)`) into a closure over an EventView.
// All modifier handling lives here: value transforms (windash, base64, base64offset), the match
// (equals, contains, startswith, endswith, re, cidr, exists, gt/gte/lt/lte) and its options
// (all, cased, re sub-flags i/m/s). Case-insensitive unless `cased`, `re`, or base64.
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { DetectionError } from './errors.js';
import { slotOf, type EventView, type TextValue } from './event-view.js';
import { resolveField } from './field-map.js';
import { regexRequiredPiece, type Requirement } from './literal-index.js';
import { regexMinLength } from './regex-min-length.js';
import { compileSigmaString, compileSigmaStrings, literalOf, requiredPiece, type Position } from './sigma-string.js';

export type ViewPredicate = (v: EventView) => boolean;
type Scalar = string | number | boolean | null;

export interface CompiledField {
  ecs: string;
  test: ViewPredicate;
  /**
   * Lower-cased executable basenames one of which the event's process.executable must have for
   * this entry to match (from `Image|endswith: '/name'` or an exact path), for indexing.
   */
  imageNames?: Set<string>;
  /** Literals one of which the event must contain for this entry to match (see literal-index.ts). */
  requirement?: Requirement;
}

const MATCHES = new Set(['contains', 'startswith', 'endswith', 're', 'cidr', 'exists', 'gt', 'gte', 'lt', 'lte']);
const RE_FLAGS = new Set(['i', 'm', 's']);
const UNSUPPORTED: Record<string, string> = {
  utf16le: 'utf16le/wide encodings apply to Windows event text, not to Linux events',
  utf16be: 'utf16be encoding applies to Windows event text, not to Linux events',
  utf16: 'utf16 encoding applies to Windows event text, not to Linux events',
  wide: 'wide (utf16le) encoding applies to Windows event text, not to Linux events',
  expand: 'expand needs placeholder values that this engine does not define',
  fieldref: 'fieldref (compare two fields) is not supported',
};

const DASHES = ['-', '/', '\u2013', '\u2014', '\u2015'];

/** Sigma windash: each `-` or `/` that starts a flag may be written with any dash variant. */
export function windashVariants(value: string): string[] {
  const parts = value.split(/(?<!\w)[-/](?=\w)/);
  if (parts.length === 1) return [value];
  const slots = parts.length - 1;
  // Independent variants per flag, but never more than 5^4 combinations: beyond that one variant for all.
  if (slots > 4) return DASHES.map((d) => parts.join(d));
  let acc = [parts[0]];
  for (let i = 1; i < parts.length; i++) {
    const next: string[] = [];
    for (const a of acc) for (const d of DASHES) next.push(a + d + parts[i]);
    acc = next;
  }
  return acc;
}

/** The three base64 encodings of `value` at byte offsets 0, 1, 2 within a longer string (Sigma base64offset). */
export function base64OffsetVariants(value: string): string[] {
  const buf = Buffer.from(value, 'utf8');
  const start = [0, 2, 3];
  const end = [undefined, -3, -2];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const enc = Buffer.concat([Buffer.alloc(i, ' '), buf]).toString('base64');
    out.push(enc.slice(start[i], end[(buf.length + i) % 3]));
  }
  return out;
}

function anyOf(v: TextValue, test: (s: string) => boolean): boolean {
  if (typeof v === 'string') return test(v);
  for (const x of v) if (test(x)) return true;
  return false;
}

function inlineFlags(src: string, flags: Set<string>): string {
  const m = /^\(\?([ims]+)\)/.exec(src);
  if (!m) return src;
  for (const f of m[1]) flags.add(f);
  return src.slice(m[0].length);
}

function cidrList(values: Scalar[], path: readonly (string | number)[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const v of values) {
    const s = String(v);
    const [net, bits, extra] = s.split('/');
    const prefix = Number(bits);
    const type = isIPv4(net) ? 'ipv4' : isIPv6(net) ? 'ipv6' : undefined;
    if (!type || extra !== undefined || bits === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > (type === 'ipv4' ? 32 : 128)) {
      throw new DetectionError('E_VALUE', `'${s}' is not a CIDR block (a.b.c.d/n or v6::/n)`, path);
    }
    list.addSubnet(net, prefix, type);
  }
  return (ip) => {
    let a = ip;
    if (a.startsWith('::ffff:') && isIPv4(a.slice(7))) a = a.slice(7);
    if (isIPv4(a)) return list.check(a, 'ipv4');
    if (isIPv6(a)) return list.check(a, 'ipv6');
    return false;
  };
}

/** Compiles `key: raw` of a selection map. `path` locates errors in the rule file. */
export function compileField(key: string, raw: unknown, path: readonly (string | number)[]): CompiledField {
  const [name, ...mods] = key.split('|');
  const resolved = resolveField(name);
  if (!resolved.ok) throw new DetectionError('E_FIELD', resolved.reason, path);
  const { ecs, value: mapValue } = resolved.mapping;
  const slot = slotOf(ecs);

  let match: string | undefined;
  let all = false;
  let cased = false;
  let transform: 'base64' | 'base64offset' | undefined;
  let windash = false;
  const reFlags = new Set<string>();
  for (const m of mods) {
    if (m === 'all') all = true;
    else if (m === 'cased') cased = true;
    else if (m === 'windash') windash = true;
    else if (m === 'base64' || m === 'base64offset') {
      if (transform) throw new DetectionError('E_MODIFIER', `modifiers ${transform} and ${m} cannot be combined`, path);
      transform = m;
    } else if (RE_FLAGS.has(m) && match === 're') reFlags.add(m);
    else if (MATCHES.has(m)) {
      if (match) throw new DetectionError('E_MODIFIER', `modifiers ${match} and ${m} cannot be combined on '${key}'`, path);
      match = m;
    } else if (UNSUPPORTED[m]) throw new DetectionError('E_MODIFIER', `modifier '${m}': ${UNSUPPORTED[m]}`, path);
    else throw new DetectionError('E_MODIFIER', `unknown modifier '${m}' on '${key}'`, path);
  }
  if (transform === 'base64offset' && match !== 'contains') {
    throw new DetectionError('E_MODIFIER', 'base64offset needs contains (the encoded text sits inside a longer string)', path);
  }

  let values: Scalar[] = Array.isArray(raw) ? (raw as Scalar[]) : [raw as Scalar];
  if (values.length === 0) throw new DetectionError('E_VALUE', `'${key}' has an empty value list`, path);
  for (const v of values) {
    if (v !== null && typeof v === 'object') throw new DetectionError('E_VALUE', `'${key}' has a nested map or list as a value`, path);
  }
  if (mapValue) {
    const mapped = values.map(mapValue);
    if (mapped.some((v) => v === undefined)) {
      throw new DetectionError('E_VALUE', `'${key}' value(s) ${JSON.stringify(values)} cannot be translated for ${ecs}`, path);
    }
    values = mapped as Scalar[];
  }

  const combine = (tests: ViewPredicate[]): ViewPredicate => {
    if (tests.length === 1) return tests[0];
    return all
      ? (v) => { for (const t of tests) if (!t(v)) return false; return true; }
      : (v) => { for (const t of tests) if (t(v)) return true; return false; };
  };

  // exists: true/false
  if (match === 'exists') {
    if (values.length !== 1 || typeof values[0] !== 'boolean') throw new DetectionError('E_VALUE', `'${key}' needs true or false`, path);
    const want = values[0];
    return { ecs, test: (v) => (v.text(slot) !== undefined) === want };
  }

  // numeric comparisons
  if (match === 'gt' || match === 'gte' || match === 'lt' || match === 'lte') {
    const tests = values.map((x): ViewPredicate => {
      const n = typeof x === 'number' ? x : Number(x);
      if (x === null || typeof x === 'boolean' || String(x).trim() === '' || Number.isNaN(n)) {
        throw new DetectionError('E_VALUE', `'${key}' needs a number, got ${JSON.stringify(x)}`, path);
      }
      const cmp = match === 'gt' ? (a: number) => a > n : match === 'gte' ? (a: number) => a >= n : match === 'lt' ? (a: number) => a < n : (a: number) => a <= n;
      const one = (s: string): boolean => {
        const a = Number(s);
        return !Number.isNaN(a) && cmp(a);
      };
      return (v) => {
        const t = v.text(slot);
        return t !== undefined && anyOf(t, one);
      };
    });
    return { ecs, test: combine(tests) };
  }

  if (match === 'cidr') {
    const inList = cidrList(values, path);
    if (all) throw new DetectionError('E_MODIFIER', 'cidr with all makes no sense: an address is in one block', path);
    return { ecs, test: (v) => { const t = v.text(slot); return t !== undefined && anyOf(t, inList); } };
  }

  if (match === 're') {
    const pieces: (string | undefined)[] = [];
    const tests = values.map((x): ViewPredicate => {
      if (typeof x !== 'string') throw new DetectionError('E_VALUE', `'${key}' needs a regular expression string`, path);
      const flags = new Set(reFlags);
      const src = inlineFlags(x, flags);
      let re: RegExp;
      try {
        re = new RegExp(src, [...flags].join(''));
      } catch (cause) {
        throw new DetectionError('E_VALUE', `bad regular expression ${JSON.stringify(x)}: ${(cause as Error).message}`, path, { cause });
      }
      pieces.push(regexRequiredPiece(src));
      const min = regexMinLength(src);
      const one = min > 0 ? (s: string): boolean => s.length >= min && re.test(s) : (s: string): boolean => re.test(s);
      return (v) => { const t = v.text(slot); return t !== undefined && anyOf(t, one); };
    });
    // for OR every pattern needs its piece; with all, one pattern's piece suffices
    const found = pieces.filter((p): p is string => p !== undefined);
    const chosen = all ? found.slice(0, 1) : found.length === pieces.length ? found : [];
    const requirement = chosen.length > 0 ? chosen.map((lit) => ({ slot, lit })) : undefined;
    return { ecs, test: combine(tests), requirement };
  }
  if (reFlags.size > 0) throw new DetectionError('E_MODIFIER', `modifiers i/m/s only apply to re (on '${key}')`, path);

  // string matches: equals, contains, startswith, endswith (+ wildcards, windash, base64)
  const position: Position = (match as Position | undefined) ?? 'equals';
  const lower = !cased && !transform;
  let imageNames: Set<string> | undefined = ecs === 'process.executable' && !all ? new Set() : undefined;
  let wantsAbsent = false;
  // per value: its encoded/dash variants (several for windash, base64offset)
  const perValueVariants: string[][] = [];
  for (const x of values) {
    if (x === null || (x === '' && !match && !transform)) {
      if (match) throw new DetectionError('E_VALUE', `'${key}' cannot apply ${match} to null`, path);
      wantsAbsent = true;
      imageNames = undefined;
      continue;
    }
    const s = String(x);
    let variants = windash ? windashVariants(s) : [s];
    if (transform === 'base64') variants = variants.map((w) => Buffer.from(w, 'utf8').toString('base64'));
    else if (transform === 'base64offset') variants = variants.flatMap(base64OffsetVariants);
    if (imageNames) {
      const lit = literalOf(s);
      const slash = lit?.lastIndexOf('/') ?? -1;
      if (lit && slash >= 0 && (position === 'endswith' || position === 'equals') && !windash && !transform && slash < lit.length - 1) {
        imageNames.add(lit.slice(slash + 1).toLowerCase());
      } else {
        imageNames = undefined;
      }
    }
    perValueVariants.push(variants);
  }
  const literal = transform !== undefined;
  // necessary literals: for OR every value's pieces; for all, one value's pieces suffice
  let requirement: Requirement | undefined;
  if (!wantsAbsent && perValueVariants.length > 0) {
    const pieces = perValueVariants.map((vs) => vs.map((w) => requiredPiece(w, position, literal)));
    if (pieces.every((ps) => ps.every((x) => x !== undefined))) {
      const chosen = all ? [pieces.reduce((a, b) => (Math.min(...b.map((x) => x!.length)) > Math.min(...a.map((x) => x!.length)) ? b : a))] : pieces;
      requirement = chosen.flat().map((lit) => ({ slot, lit: lit! }));
    }
  }
  const perValue = all ? perValueVariants.map((vs) => compileSigmaStrings(vs, position, lower, literal)) : [];
  if (all && wantsAbsent) throw new DetectionError('E_VALUE', `'${key}' mixes null with all`, path);
  const get = lower ? (v: EventView) => v.lower(slot) : (v: EventView) => v.text(slot);
  let test: ViewPredicate;
  if (all) {
    // every value must match (each may match a different element of an array field)
    test = (v) => {
      const t = get(v);
      if (t === undefined) return false;
      for (const f of perValue) if (!anyOf(t, f)) return false;
      return true;
    };
  } else {
    // one field read and one combined test for the whole OR list
    const anyValue = compileSigmaStrings(perValueVariants.flat(), position, lower, literal);
    test = (v) => { const t = get(v); return t === undefined ? wantsAbsent : anyOf(t, anyValue); };
  }
  return { ecs, test, imageNames: imageNames && imageNames.size > 0 ? imageNames : undefined, requirement };
}

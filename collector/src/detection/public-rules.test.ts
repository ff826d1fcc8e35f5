// The public SigmaHQ Linux rules (test data in ../shared/sigma, never copied here): all rules of
// the categories the agent serves must compile (>= 98%), and rule by rule, an event built from
// the rule's own selections fires while a near-miss (one literal broken) does not.
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EcsEvent } from '../pipeline/ecs.js';
import { parseCondition, expandPattern, type Cond } from './condition.js';
import { resolveField } from './field-map.js';
import { buildDetection } from './loader.js';
import { readRuleFiles, type RawDocument } from './sigma-reader.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SIGMA_DIR = resolve(ROOT, '../shared/sigma');
const CATEGORIES = new Set(['process_creation', 'file_event', 'network_connection']);

interface Rule { id: string; title: string; logsource: { category: string }; detection: Record<string, unknown> }

function inScope(): RawDocument[] {
  return readRuleFiles([SIGMA_DIR]).docs.filter((d) => {
    const r = d.value as Rule;
    return CATEGORIES.has(r.logsource?.category) && String((r.logsource as Record<string, unknown>).product) === 'linux';
  });
}

// --- building events from a rule's own selections ---------------------------------------

interface Want { eq?: string | number; starts?: string; ends?: string; contains: string[]; absent?: boolean }
type Plan = Map<string, Want>;
class CannotBuild extends Error {}

/** A plain Sigma value with wildcards filled in and escapes removed. */
const plain = (v: string): string => v.replace(/\\([*?\\])|\*|\?/g, (m, esc: string | undefined) => (esc ?? (m === '?' ? 'x' : '')));

function addEntry(plan: Plan, key: string, raw: unknown): void {
  const [name, ...mods] = key.split('|');
  if (name === '') throw new CannotBuild('keyword modifiers');
  const r = resolveField(name);
  if (!r.ok) throw new CannotBuild(r.reason);
  const ecs = r.mapping.ecs;
  const list = (Array.isArray(raw) ? raw : [raw]).map((v) => (r.mapping.value ? r.mapping.value(v as string) : v));
  const w = plan.get(ecs) ?? { contains: [] };
  plan.set(ecs, w);
  const values = mods.includes('all') ? list : [list.find((v) => v !== null) ?? null];
  for (const v of values) {
    if (v === null) { w.absent = true; continue; }
    if (mods.some((m) => ['re', 'base64', 'base64offset', 'windash', 'gt', 'gte', 'lt', 'lte', 'exists'].includes(m))) throw new CannotBuild(`modifier ${mods.join('|')}`);
    if (mods.includes('cidr')) {
      const [net] = String(v).split('/');
      w.eq = net.replace(/\.0$/, '.7');
    } else if (mods.includes('contains')) w.contains.push(plain(String(v)));
    else if (mods.includes('startswith')) w.starts = plain(String(v));
    else if (mods.includes('endswith')) w.ends = plain(String(v));
    else w.eq = typeof v === 'number' ? v : plain(String(v));
  }
}

function addSelection(plan: Plan, sel: unknown): void {
  if (Array.isArray(sel)) {
    const first = sel[0];
    if (first && typeof first === 'object') return addSelection(plan, first);
    const w = plan.get('process.command_line') ?? { contains: [] };
    w.contains.push(plain(String(first)));
    plan.set('process.command_line', w);
    return;
  }
  if (sel && typeof sel === 'object') for (const [k, v] of Object.entries(sel)) addEntry(plan, k, v);
  else throw new CannotBuild('keyword selection');
}

/** Selections to satisfy so that the condition holds (filters under `not` are left unsatisfied). */
function positives(c: Cond, names: string[]): string[] {
  switch (c.op) {
    case 'ref': return [c.name];
    case 'and': return c.args.flatMap((a) => positives(a, names));
    case 'or': return positives(c.args.find((a) => a.op !== 'not') ?? c.args[0], names);
    case 'not': return [];
    case 'of': {
      const m = expandPattern(c.pattern, names);
      return c.count === 'all' ? m : m.slice(0, c.count);
    }
  }
}

function fieldsOf(sel: unknown): string[] {
  if (Array.isArray(sel)) return sel.flatMap(fieldsOf);
  if (sel && typeof sel === 'object') return Object.keys(sel).map((k) => k.split('|')[0]);
  return [];
}

const BASE: Record<string, Record<string, unknown>> = {
  process_creation: { 'event.category': 'process', 'event.type': 'start', 'event.action': 'process_started' },
  file_event: { 'event.category': 'file', 'event.type': 'creation', 'event.action': 'file_created' },
  network_connection: { 'event.category': 'network', 'event.type': 'connection', 'event.action': 'connection_attempted' },
};

function render(w: Want): string | number | undefined {
  if (w.eq !== undefined) return w.eq;
  if (w.absent && !w.starts && !w.ends && w.contains.length === 0) return undefined;
  // a prefix before an endswith value keeps it from equalling an exact-path filter
  return (w.starts ?? (w.ends ? '/zz' : '')) + (w.contains.length ? ` ${w.contains.join(' ')} ` : '') + (w.ends ?? '');
}

/** Returns [matching event, near-miss event] for a rule, or throws CannotBuild. */
function build(rule: Rule): [EcsEvent, EcsEvent, string] {
  const det = rule.detection;
  const names = Object.keys(det).filter((k) => k !== 'condition');
  const pos = positives(parseCondition(String(det.condition)), names);
  const plan: Plan = new Map();
  for (const n of pos) addSelection(plan, det[n]);
  const ev: Record<string, unknown> = { '@timestamp': 1_700_000_000_000, 'event.id': `${rule.id}:hit`, ...BASE[rule.logsource.category] };
  // Fields the rule mentions but the match does not set get a neutral value, so `Field: null` filters stay false.
  for (const n of names) for (const f of fieldsOf(det[n])) {
    const r = resolveField(f);
    if (r.ok && !plan.has(r.mapping.ecs)) ev[r.mapping.ecs] = 'zzfill';
  }
  for (const [f, w] of plan) {
    const v = render(w);
    if (v !== undefined) ev[f] = v;
  }
  // near-miss: break the first literal of the first field the match needs
  const miss: Record<string, unknown> = { ...ev, 'event.id': `${rule.id}:miss` };
  const [field, w] = [...plan].find(([, x]) => render(x) !== undefined) ?? [];
  if (!field || !w) throw new CannotBuild('no field to break');
  const broken: Want = { ...w, contains: [...w.contains] };
  const bump = (s: string) => (s.length > 1 ? s[0] + '#' + s.slice(1) : s + '#');
  if (w.eq !== undefined) broken.eq = typeof w.eq === 'number' ? w.eq + 100_000 : bump(w.eq);
  else if (w.contains.length) broken.contains[0] = bump(w.contains[0]);
  else if (w.starts) broken.starts = '#' + bump(w.starts);
  else if (w.ends) broken.ends = bump(w.ends) + '#';
  (miss as Record<string, unknown>)[field] = render(broken);
  return [ev as EcsEvent, miss as EcsEvent, field];
}

// ---------------------------------------------------------------------------------------------

describe(`public Sigma rules (${relative(ROOT, SIGMA_DIR)})`, () => {
  const available = existsSync(SIGMA_DIR);
  it.runIf(available)('>= 98% of the 167 in-scope rules compile; the rest are listed with reasons', () => {
    const docs = inScope();
    expect(docs.length).toBe(167);
    const { report } = buildDetection(docs, [], docs.length);
    const n = report.loaded.filter;
    console.log(`public rules compiled: ${n}/${docs.length} (${((100 * n) / docs.length).toFixed(1)}%)`);
    for (const u of report.unsupported) console.log(`  unsupported: ${relative(SIGMA_DIR, u.file)}:${u.line}:${u.col} ${u.id} "${u.title}" [${u.code}] ${u.reason}`);
    expect(n + report.unsupported.length).toBe(docs.length);
    expect(n / docs.length).toBeGreaterThanOrEqual(0.98);
  });

  it.runIf(available)('rule by rule: a matching event fires, a near-miss does not', () => {
    const docs = inScope();
    const { engine, report } = buildDetection(docs, [], docs.length);
    const unsupported = new Set(report.unsupported.map((u) => u.id));
    let checked = 0;
    const skipped: string[] = [];
    const failures: string[] = [];
    for (const d of docs) {
      const rule = d.value as Rule;
      if (unsupported.has(rule.id)) continue;
      let hit: EcsEvent, miss: EcsEvent, field: string;
      try {
        [hit, miss, field] = build(rule);
      } catch (e) {
        if (!(e instanceof CannotBuild)) throw e;
        skipped.push(`${rule.title}: ${e.message}`);
        continue;
      }
      checked++;
      const fires = engine.process(hit).some((h) => h.id === rule.id);
      const missFires = engine.process(miss).some((h) => h.id === rule.id);
      if (!fires) failures.push(`${rule.title} did not fire on ${JSON.stringify(hit)}`);
      if (missFires) failures.push(`${rule.title} fired on a near-miss (${field}=${JSON.stringify((miss as Record<string, unknown>)[field])})`);
    }
    console.log(`rule-by-rule: ${checked} rules checked (fire + near-miss); ${skipped.length} need hand-made events (see hand-made test):\n  ${skipped.join('\n  ')}`);
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  // Rules whose selections use `re`: events written by hand, [id, hit fields, near-miss fields].
  const P = 'process_creation', F = 'file_event';
  const long = 'a'.repeat(120);
  const hand: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
    ['bed26dea-4525-47f4-b24a-76e30e44ffb0', P, { 'process.executable': '/sbin/auditctl', 'process.command_line': 'auditctl -D' }, { 'process.executable': '/sbin/auditctl', 'process.command_line': 'auditctl -d always,exit' }],
    ['d3feb4ee-ff1d-4d3d-bd10-5b28a238cc72', P, { 'process.executable': '/usr/bin/file', 'process.command_line': `file ${'x/'.repeat(110)}` }, { 'process.executable': '/usr/bin/file', 'process.command_line': 'file /etc/passwd' }],
    ['97de11cd-4b67-4abf-9a8b-1020e670aa9e', P, { 'process.command_line': 'pnscan -W "aa bb cc" 10.0.0.0/24 80' }, { 'process.command_line': 'pnscan -w "aa bb cc" 10.0.0.0/24 80' }],
    ['43e26eb5-cd58-48d1-8ce9-a273f5d298d8', P, { 'process.executable': '/bin/ls', 'process.command_line': 'ls -i -d /' }, { 'process.executable': '/bin/ls', 'process.command_line': 'ls -i /' }],
    ['cf610c15-ed71-46e1-bdf8-2bd1a99de6c4', P, { 'process.executable': '/usr/bin/wget', 'process.command_line': 'wget http://x/a -O /tmp/a' }, { 'process.executable': '/usr/bin/wget', 'process.command_line': 'wget http://x/a -o /tmp/a.log' }],
    ['0785f462-60b0-4031-9ff4-b4f3a0ba589a', F, { 'file.path': '/mail/tmp/abc123.tar.gz' }, { 'file.path': '/mail/tmp/abcd12.tar.gz' }],
    ['60911c07-f989-4362-84af-c609828ef829', P, { 'process.executable': '/usr/bin/openssl', 'process.command_line': 'openssl s_client -quiet -connect 203.0.113.9:443' }, { 'process.executable': '/usr/bin/openssl', 'process.command_line': 'openssl s_client -quiet -connect example.com:443' }],
    ['23835beb-ec38-4e74-a5d4-b99af6684e91', P, { 'process.executable': '/usr/bin/wget', 'process.command_line': 'wget --no-check-certificate https://203.0.113.9/x.tar' }, { 'process.executable': '/usr/bin/wget', 'process.command_line': 'wget --no-check-certificate https://10.0.0.9/x.tar' }],
    ['fb96c26c-9f85-4ae7-af0d-ed1ed1f1f5ce', F, { 'file.path': '/usr/lib/Python3.11/site-packages/evil.pth' }, { 'file.path': '/usr/lib/python2.7/site-packages/evil.pth' }],
    ['11629c4d-0fe6-465b-be62-b39a1c442aad', F, { 'file.path': `/tmp/${long}` }, { 'file.path': `/var/log/journal/${long}` }],
  ];
  it.runIf(available)('hand-made events for the rules using re', () => {
    const docs = inScope();
    const { engine } = buildDetection(docs, [], docs.length);
    for (const [id, cat, hit, miss] of hand) {
      const fire = (f: Record<string, unknown>) => engine.process({ '@timestamp': 1, 'event.id': 'x', ...BASE[cat], ...f } as EcsEvent).some((h) => h.id === id);
      expect(fire(hit), `${id} should fire on ${JSON.stringify(hit)}`).toBe(true);
      expect(fire(miss), `${id} should not fire on ${JSON.stringify(miss)}`).toBe(false);
    }
  });
});

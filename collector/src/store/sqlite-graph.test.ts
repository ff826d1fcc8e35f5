// Store.alertGraphEvents on a real SQLite store: evidence by event id, processes by entity id
// (never pid), parents' starts whenever they started, activity only around the alert, the bound.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EcsEvent } from '../pipeline/ecs.js';
import { openStore, type Store } from './index.js';

const T0 = 1_700_000_000_000;
const H = 3_600_000;
let dir: string;
let store: Store;

const ev = (id: string, t: number, entity: string, pid: number, extra: Record<string, unknown> = {}): EcsEvent =>
  ({ '@timestamp': T0 + t, 'event.id': id, 'host.id': 'h', 'process.entity_id': entity, 'process.pid': pid, 'event.category': 'file', 'file.path': `/tmp/${id}`, ...extra }) as EcsEvent;
const start = (id: string, t: number, entity: string, pid: number, parent?: string): EcsEvent =>
  ev(id, t, entity, pid, { 'event.category': 'process', 'event.type': 'start', 'file.path': undefined, ...(parent ? { 'process.parent.entity_id': parent } : {}) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-graph-'));
  store = openStore(dir);
  await store.commitBatches([{ agentId: 'a', seq: 1, events: [
    start('s-init', -10 * H, 'h:1:0', 1),
    start('s-shell', -5 * H, 'h:50:1', 50, 'h:1:0'), // the parent, started long before the alert
    start('s-evil', 0, 'h:99:2', 99, 'h:50:1'),
    ev('e-old', -2 * H, 'h:99:2', 99), // the evil process's activity long before: outside the window
    ev('e-1', 1000, 'h:99:2', 99), // evidence
    ev('e-2', 2000, 'h:99:2', 99), // activity in the window
    start('s-child', 3000, 'h:120:3', 120, 'h:99:2'),
    ev('e-child', 3500, 'h:120:3', 120), // a child's activity: not the evidence process's, not fetched
    start('s-reuse', 4000, 'h:99:4', 99, 'h:1:0'), // pid 99 reused by another process
    ev('e-reuse', 5000, 'h:99:4', 99),
    ev('e-late', 3 * H, 'h:99:2', 99), // after the window
  ] }]);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (evs: EcsEvent[]) => evs.map((e) => e['event.id']);

describe('alertGraphEvents', () => {
  it('takes evidence, the starts of the processes and their parents, activity in the window and children\'s starts', async () => {
    const r = await store.alertGraphEvents({ eventIds: ['e-1'], from: T0 + 1000, to: T0 + 1000, windowMs: H, maxEvents: 100 });
    expect(r.truncated).toBe(false);
    // evidence, its processes' starts, their parents' starts, activity, children's starts; each once; pid reuse never joins
    expect(ids(r.events)).toEqual(['e-1', 's-evil', 's-shell', 'e-2', 's-child']);
  });

  it('looks evidence up only within the alert span, and answers nothing for unknown ids', async () => {
    expect((await store.alertGraphEvents({ eventIds: ['e-1'], from: T0 + 5000, to: T0 + 6000, windowMs: H, maxEvents: 100 })).events).toEqual([]);
    expect((await store.alertGraphEvents({ eventIds: ['nope', "x') OR 1=1 --"], from: T0 - 100 * H, to: T0 + 100 * H, windowMs: H, maxEvents: 100 })).events).toEqual([]);
    expect((await store.alertGraphEvents({ eventIds: [], from: T0, to: T0, windowMs: H, maxEvents: 100 })).events).toEqual([]);
    // on the alert's hosts only, when they are given
    const onHosts = (hostIds: string[]) => store.alertGraphEvents({ eventIds: ['e-1'], hostIds, from: T0, to: T0 + 2000, windowMs: 0, maxEvents: 100 });
    expect(ids((await onHosts(['other'])).events)).toEqual([]);
    expect(ids((await onHosts(['other', 'h'])).events)[0]).toBe('e-1');
  });

  it('flags the bound exactly: at the bound is complete, one fewer is truncated', async () => {
    const req = { eventIds: ['e-1'], from: T0 + 1000, to: T0 + 1000, windowMs: H };
    expect(await store.alertGraphEvents({ ...req, maxEvents: 5 })).toMatchObject({ truncated: false });
    const cut = await store.alertGraphEvents({ ...req, maxEvents: 4 });
    expect(cut.truncated).toBe(true);
    expect(ids(cut.events)).toEqual(['e-1', 's-evil', 's-shell', 'e-2']);
    const one = await store.alertGraphEvents({ ...req, maxEvents: 1 });
    expect(one).toMatchObject({ truncated: true });
    expect(ids(one.events)).toEqual(['e-1']);
  });

  it('handles more evidence ids than one SQL statement may bind', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => `missing-${i}`).concat('e-2');
    const r = await store.alertGraphEvents({ eventIds: many, from: T0, to: T0 + 10_000, windowMs: 0, maxEvents: 100 });
    expect(ids(r.events)).toEqual(['e-2', 's-evil', 's-shell', 'e-1', 's-child']);
  });
});

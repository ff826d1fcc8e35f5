// Detection inside the running collector. It subscribes to the pipeline (events arrive after
// their group commit and ack), so it never delays an agent's ack: the subscriber only appends
// to a bounded queue, and whatever does not fit is shed and counted. A drain loop runs the
// events through the engine in chunks, yielding between chunks. OATs and alert updates are
// written together in one store transaction (each one an fsync): at once when the queue has run
// dry and a model fired (alerts are what analysts wait for), else when the oldest result is
// `flushMs` old or `maxPending` OATs wait, so a busy stage makes a few large transactions, not
// one per chunk. Then new and updated alerts go to the outbound sinks. A failure (a rule that throws, a write that fails) is logged, counted, and
// the stage goes on. Tuning (tuning.ts) and asset criticality change here, live.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CollectorMetrics } from '../metrics.js';
import type { EcsEvent } from '../pipeline/ecs.js';
import type {
  AlertRecord, AlertUpsert, AssetCriticality, OatRecord, Store,
} from '../store/store.js';
import { buildAlertFields, hostsOf, sameAttack, type Evidence, type EvidenceFilter } from './alerts/alert-builder.js';
import { renderAlert } from './alerts/render.js';
import type { DetectionEngine, EngineOptions, EngineStats } from './engine.js';
import type { LoadReport } from './loader.js';
import type { Outbound } from './outbound/outbound.js';
import { rescore, scoreOf, topCriticality } from './scoring.js';
import { buildTunable, readContent, type ContentSources } from './tunable-loader.js';
import { Tuning } from './tuning.js';
import type { CorrelationHit, FilterHit, RuleMeta } from './types.js';

export interface DetectionStageOptions {
  /** Sigma folders, in load order (built-in content first) */
  dirs: readonly string[];
  store: Store;
  log: Logger;
  metrics?: CollectorMetrics;
  outbound?: Outbound;
  /** events waiting for detection before new ones are shed (default 200,000) */
  maxQueue?: number;
  /** events per drain step between yields to the event loop (default 2,000) */
  chunk?: number;
  /** longest time OATs (and, while the queue stays busy, alert updates) wait for their store write (default 500 ms) */
  flushMs?: number;
  /** OATs held before a write regardless of time (default 10,000) */
  maxPending?: number;
  /** events remembered for building alerts (those that matched a filter; default 50,000) */
  evidenceCache?: number;
  engine?: EngineOptions;
}

export interface StageStats {
  queued: number;
  shed: number;
  processed: number;
  oats: number;
  alertsCreated: number;
  alertsUpdated: number;
  /** store transactions that recorded OATs and alerts, and the time spent in them */
  writes: number;
  writeMs: number;
  /** writes that failed (their OATs and alert updates are lost, and logged) */
  writeErrors: number;
  /** events the engine threw on */
  eventErrors: number;
  engine: EngineStats;
  tuning: { disabledDrops: number; suppressed: Record<string, number> };
}

function str(ev: EcsEvent, field: string): string | null {
  const v = (ev as Record<string, unknown>)[field];
  return typeof v === 'string' && v !== '' ? v : null;
}

export function filterOf(h: RuleMeta): EvidenceFilter {
  return { id: h.id, title: h.title, level: h.level, techniques: h.techniques, tactics: h.tactics };
}

export function oatOf(h: FilterHit): OatRecord {
  const ev = h.event;
  return {
    ts: h.timestamp, ruleId: h.id, ruleTitle: h.title, level: h.level, techniques: h.techniques, tactics: h.tactics,
    hostId: str(ev, 'host.id'), hostName: str(ev, 'host.name'), processEntityId: str(ev, 'process.entity_id'),
    userName: str(ev, 'process.user.name') ?? str(ev, 'user.name'), eventId: h.eventId, event: ev,
  };
}

export class DetectionStage {
  readonly tuning = new Tuning();
  readonly sources: ContentSources;
  readonly engine: DetectionEngine;
  readonly report: LoadReport;
  private readonly byId = new Map<string, RuleMeta>();
  private readonly queue: EcsEvent[][] = [];
  private queued = 0;
  private draining: Promise<void> | undefined;
  private closed = false;
  private readonly evidence = new Map<string, Evidence>();
  private criticality = new Map<string, AssetCriticality>();
  private readonly ruleHits = new Map<string, number>();
  private lastRuleErrors = 0;
  private readonly counts = { shed: 0, processed: 0, oats: 0, alertsCreated: 0, alertsUpdated: 0, writes: 0, writeMs: 0, writeErrors: 0, eventErrors: 0 };
  private readonly maxQueue: number;
  private readonly chunk: number;
  private readonly flushMs: number;
  private readonly maxPending: number;
  /** Results not yet written; `since` is when the oldest of them was made. */
  private pendingOats: OatRecord[] = [];
  private pendingFirings: CorrelationHit[] = [];
  private pendingSince = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly maxEvidence: number;
  /** who hears about alerts written here (the API's live alert stream) */
  private readonly alertListeners = new Set<(alerts: readonly AlertRecord[]) => void>();

  constructor(private readonly o: DetectionStageOptions) {
    this.maxQueue = o.maxQueue ?? 200_000;
    this.chunk = o.chunk ?? 2_000;
    this.flushMs = o.flushMs ?? 500;
    this.maxPending = o.maxPending ?? 10_000;
    this.maxEvidence = o.evidenceCache ?? 50_000;
    this.sources = readContent(o.dirs);
    const built = buildTunable(this.sources, (id, ev) => this.tuning.allowsFilter(id, ev), o.engine);
    this.engine = built.engine;
    this.report = built.report;
    for (const r of this.engine.rules()) this.byId.set(r.id, r);
  }

  /** Reads tuning and host criticality from the store; call before the first event and after every change. */
  async reloadTuning(): Promise<void> {
    const [states, exceptions, crit] = await Promise.all([
      this.o.store.listDetectionStates(), this.o.store.listExceptions(), this.o.store.listHostCriticality(),
    ]);
    this.tuning.set(states.filter((s) => !s.enabled).map((s) => s.ruleId), exceptions);
    this.criticality = new Map(crit.map((c) => [c.hostId, c.criticality]));
  }

  rule(id: string): RuleMeta | undefined {
    return this.byId.get(id);
  }

  rules(): readonly RuleMeta[] {
    return this.engine.rules();
  }

  /** Calls `listener` with the alerts created, updated or re-scored here, after their write; returns the unsubscribe. */
  onAlerts(listener: (alerts: readonly AlertRecord[]) => void): () => void {
    this.alertListeners.add(listener);
    return () => { this.alertListeners.delete(listener); };
  }

  private emitAlerts(alerts: readonly AlertRecord[]): void {
    if (alerts.length === 0) return;
    for (const l of this.alertListeners) {
      try { l(alerts); } catch (err) { this.o.log.error({ err }, 'alert listener failed'); }
    }
  }

  hitsOf(id: string): number {
    return this.ruleHits.get(id) ?? 0;
  }

  criticalityOf = (hostId: string): AssetCriticality | undefined => this.criticality.get(hostId);

  /**
   * After an admin changed a host's criticality: reload it and re-score that host's open alerts.
   * Returns the alerts whose score changed.
   */
  async rescoreHost(hostId: string): Promise<AlertRecord[]> {
    await this.reloadTuning();
    const changed: Array<{ id: string; score: number; scoreParts: AlertRecord['scoreParts'] }> = [];
    for (const a of await this.o.store.openAlertsOfHost(hostId)) {
      const parts = rescore(a.scoreParts, topCriticality(a.scope.hosts.map((h) => this.criticality.get(h.id) ?? 'medium')));
      const score = scoreOf(parts);
      if (score !== a.score || parts.criticality !== a.scoreParts.criticality) changed.push({ id: a.id, score, scoreParts: parts });
    }
    if (changed.length) await this.o.store.setAlertScores(changed, Date.now());
    const out: AlertRecord[] = [];
    for (const c of changed) {
      const a = await this.o.store.getAlert(c.id);
      if (a) out.push(a);
    }
    this.emitAlerts(out);
    return out;
  }

  /** The pipeline's subscriber: O(1), never blocks. Events beyond the bound are shed and counted. */
  readonly enqueue = (events: EcsEvent[]): void => {
    if (this.closed || events.length === 0) return;
    const room = this.maxQueue - this.queued;
    let batch = events;
    if (room < events.length) {
      const shed = events.length - Math.max(0, room);
      this.counts.shed += shed;
      this.o.metrics?.detectionShed.inc(shed);
      if (this.counts.shed === shed || this.counts.shed % 10_000 < shed) {
        this.o.log.warn({ shed, totalShed: this.counts.shed, maxQueue: this.maxQueue }, 'detection queue full: committed events skipped by detection');
      }
      if (room <= 0) return;
      batch = events.slice(0, room);
    }
    this.queue.push(batch);
    this.queued += batch.length;
    this.o.metrics?.detectionQueue.set(this.queued);
    this.draining ??= this.drain().finally(() => { this.draining = undefined; });
  };

  /** Resolves when every event queued so far has been processed (tests, benchmarks, shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      while (this.draining) await this.draining;
      if (this.pendingOats.length === 0 && this.pendingFirings.length === 0) return;
      this.startFlush();
    }
  }

  /** Writes what is pending unless the drain loop is running (it writes by itself), then drains what came meanwhile. */
  private startFlush(): void {
    this.draining ??= (async () => {
      await this.flushLogged();
      await this.drain();
    })().finally(() => { this.draining = undefined; });
  }

  /** Up to `chunk` queued events, as the batches they came in (not copied into one array). */
  private take(): EcsEvent[][] {
    const out: EcsEvent[][] = [];
    let n = 0;
    while (this.queue.length > 0 && n < this.chunk) {
      const head = this.queue[0];
      const room = this.chunk - n;
      if (head.length <= room) {
        this.queue.shift();
        out.push(head);
        n += head.length;
      } else {
        out.push(head.slice(0, room));
        this.queue[0] = head.slice(room);
        n += room;
      }
    }
    this.queued -= n;
    return out;
  }

  private async drain(): Promise<void> {
    while (this.queued > 0) {
      await new Promise<void>((r) => setImmediate(r));
      const batches = this.take();
      this.o.metrics?.detectionQueue.set(this.queued);
      for (const events of batches) {
        try {
          this.detect(events);
        } catch (err) {
          this.counts.eventErrors++;
          this.o.metrics?.detectionErrors.inc();
          this.o.log.error({ err, events: events.length }, 'detection failed on a batch of events; skipped');
        }
      }
      this.noteRuleErrors();
      const dry = this.queued === 0;
      if ((dry && this.pendingFirings.length > 0) || this.pendingOats.length >= this.maxPending || Date.now() - this.pendingSince >= this.flushMs) {
        await this.flushLogged();
      } else if (dry && this.pendingOats.length > 0 && !this.flushTimer) {
        // unref: shutdown writes what is pending through close()
        this.flushTimer = setTimeout(() => { this.flushTimer = undefined; this.startFlush(); }, Math.max(0, this.pendingSince + this.flushMs - Date.now())).unref();
      }
    }
  }

  private async flushLogged(): Promise<void> {
    try {
      await this.flush();
    } catch (err) {
      this.counts.writeErrors++;
      this.o.metrics?.detectionErrors.inc();
      this.o.log.error({ err }, 'detection results could not be written; the stage goes on');
    }
  }

  /** Runs events through the engine; their OATs and model firings wait in `pending*` for flush(). */
  private detect(events: readonly EcsEvent[]): void {
    const oats = this.pendingOats;
    const firings = this.pendingFirings;
    const before = oats.length + firings.length;
    for (const ev of events) {
      let hits;
      try {
        hits = this.engine.process(ev);
      } catch (err) {
        this.counts.eventErrors++;
        this.o.metrics?.detectionErrors.inc();
        this.o.log.error({ err, eventId: ev['event.id'] }, 'detection failed on an event; skipped');
        continue;
      }
      if (hits.length === 0) continue;
      let ev0: Evidence | undefined;
      for (const h of hits) {
        if (h.kind === 'filter') {
          oats.push(oatOf(h));
          if (!ev0) ev0 = { event: ev, filters: [] };
          (ev0.filters as EvidenceFilter[]).push(filterOf(h));
        } else {
          if (!this.tuning.allowsCorrelation(h)) continue;
          if (h.layer === 'model') firings.push(h);
        }
        this.ruleHits.set(h.id, (this.ruleHits.get(h.id) ?? 0) + 1);
      }
      if (ev0 && h0(ev)) this.remember(h0(ev)!, ev0);
    }
    if (before === 0 && oats.length + firings.length > 0) this.pendingSince = Date.now();
    this.counts.processed += events.length;
    this.o.metrics?.detectionEvents.inc(events.length);
  }

  /** Writes the pending OATs and alert updates in one transaction, then notifies the outbound sinks. */
  private async flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const oats = this.pendingOats;
    const firings = this.pendingFirings;
    if (oats.length === 0 && firings.length === 0) return;
    this.pendingOats = [];
    this.pendingFirings = [];

    const evidence = await this.evidenceFor(firings);
    const now = Date.now();
    const alerts: AlertUpsert[] = firings.map((hit) => {
      const behind = hit.eventIds.flatMap((id) => evidence.get(id) ?? []);
      return {
        modelId: hit.id,
        groupKey: hit.groupKey,
        newId: randomUUID(),
        hostIds: hostsOf(hit, behind),
        sameAttack: (open) => sameAttack(hit, behind, open),
        build: (existing) => buildAlertFields(hit, behind, this.criticalityOf, existing),
      };
    });
    const started = performance.now();
    const result = await this.o.store.recordDetections({ oats, alerts, at: now });
    this.counts.writeMs += performance.now() - started;
    this.counts.writes++;
    this.counts.oats += oats.length;
    this.counts.alertsCreated += result.created.length;
    this.counts.alertsUpdated += result.updated.length;
    this.o.metrics?.oatsRecorded.inc(oats.length);
    this.o.metrics?.alertsCreated.inc(result.created.length);
    this.o.metrics?.alertsUpdated.inc(result.updated.length);
    for (const a of result.created) this.o.log.info({ alert: a.id, model: a.modelId, score: a.score, hosts: a.scope.hosts.map((h) => h.name ?? h.id) }, 'alert created');
    this.emitAlerts([...result.created, ...result.updated]);
    if (this.o.outbound) {
      for (const a of result.created) this.o.outbound.notify({ type: 'alert.created', deliveryId: randomUUID(), alert: renderAlert(a) });
      for (const a of result.updated) this.o.outbound.notify({ type: 'alert.updated', deliveryId: randomUUID(), alert: renderAlert(a) });
    }
  }

  private remember(id: string, e: Evidence): void {
    const prev = this.evidence.get(id);
    if (prev) {
      (prev.filters as EvidenceFilter[]).push(...e.filters);
      return;
    }
    if (this.evidence.size >= this.maxEvidence) this.evidence.delete(this.evidence.keys().next().value!);
    this.evidence.set(id, e);
  }

  /** Evidence of the firings' events: from memory, else from the OATs the store kept. */
  private async evidenceFor(firings: readonly CorrelationHit[]): Promise<Map<string, Evidence>> {
    const out = new Map<string, Evidence>();
    const missing: string[] = [];
    for (const f of firings) {
      for (const id of f.eventIds) {
        if (out.has(id)) continue;
        const e = this.evidence.get(id);
        if (e) out.set(id, e);
        else missing.push(id);
      }
    }
    if (missing.length > 0) {
      for (const o of await this.o.store.oatsForEvents([...new Set(missing)], 5_000)) {
        const e = out.get(o.eventId);
        const f: EvidenceFilter = { id: o.ruleId, title: o.ruleTitle, level: o.level, techniques: o.techniques, tactics: o.tactics };
        if (e) (e.filters as EvidenceFilter[]).push(f);
        else out.set(o.eventId, { event: o.event, filters: [f] });
      }
    }
    return out;
  }

  private noteRuleErrors(): void {
    const n = this.engine.stats().ruleErrors;
    if (n > this.lastRuleErrors) {
      const delta = n - this.lastRuleErrors;
      this.lastRuleErrors = n;
      this.o.metrics?.detectionErrors.inc(delta);
      this.o.log.warn({ ruleErrors: delta, total: n }, 'detection rules threw while testing events (each skipped for that event)');
    }
  }

  stats(): StageStats {
    return {
      ...this.counts,
      queued: this.queued,
      engine: this.engine.stats(),
      tuning: { disabledDrops: this.tuning.counters.disabledDrops, suppressed: Object.fromEntries(this.tuning.counters.suppressed) },
    };
  }

  /** Stops taking events; processes what is queued (bounded by `graceMs`). */
  async close(graceMs = 5_000): Promise<void> {
    this.closed = true;
    await Promise.race([this.idle(), new Promise((r) => setTimeout(r, graceMs).unref())]);
  }
}

function h0(ev: EcsEvent): string | undefined {
  const id = ev['event.id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

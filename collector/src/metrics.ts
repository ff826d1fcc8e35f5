// The collector's counters and gauges, exposed at GET /metrics in Prometheus text format.
// One registry per collector instance, so tests can run several collectors in one process.
import { Counter, Gauge, Registry } from 'prom-client';

export class CollectorMetrics {
  readonly registry = new Registry();
  readonly eventsReceived = this.counter('xdr_events_received_total', 'Events received in batches from agents');
  readonly eventsCommitted = this.counter('xdr_events_committed_total', 'Events durably committed to the store');
  readonly eventsInvalid = this.counter('xdr_events_invalid_total', 'Events skipped because they could not be normalised');
  readonly batchesCommitted = this.counter('xdr_batches_committed_total', 'Batches committed and acked');
  readonly duplicatesIgnored = this.counter('xdr_batches_duplicate_total', 'Batches ignored because they had been committed before (acked again)');
  readonly framesRefused = new Counter({
    name: 'xdr_frames_refused_total', help: 'Frames or connections refused, by reason', labelNames: ['reason'], registers: [this.registry],
  });
  readonly agentsOnline = this.gauge('xdr_agents_online', 'Agents with an authenticated connection');
  readonly pipelineDepth = this.gauge('xdr_pipeline_queue_batches', 'Batches waiting in the pipeline to be committed');
  readonly pipelinePaused = this.counter('xdr_pipeline_backpressure_total', 'Times an agent socket was paused because the pipeline was full');
  readonly eventsDeleted = this.counter('xdr_events_retention_deleted_total', 'Events deleted by the retention policy');
  readonly spoolDropped = this.counter('xdr_agent_spool_dropped_events_total', 'Events agents report they dropped from a full spool');

  private counter(name: string, help: string): Counter {
    return new Counter({ name, help, registers: [this.registry] });
  }

  private gauge(name: string, help: string): Gauge {
    return new Gauge({ name, help, registers: [this.registry] });
  }
}

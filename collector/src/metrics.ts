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

  // detection (collector/src/detection/detection-stage.ts, outbound/)
  readonly detectionQueue = this.gauge('xdr_detection_queue_events', 'Committed events waiting for the detection stage');
  readonly detectionShed = this.counter('xdr_detection_shed_events_total', 'Committed events detection skipped because its queue was full (stored, never matched)');
  readonly detectionEvents = this.counter('xdr_detection_events_total', 'Events run through detection');
  readonly detectionErrors = this.counter('xdr_detection_errors_total', 'Failures inside the detection stage (a rule or a write failed; counted, logged, the stage goes on)');
  readonly oatsRecorded = this.counter('xdr_detection_oats_total', 'Observed Attack Techniques recorded');
  readonly alertsCreated = this.counter('xdr_alerts_created_total', 'Workbench alerts created');
  readonly alertsUpdated = this.counter('xdr_alerts_updated_total', 'Workbench alerts updated by a later firing of their attack');
  readonly alertStreamDropped = this.counter('xdr_api_stream_dropped_total', 'Live alert stream subscribers dropped because they fell too far behind (GET /api/v1/alerts/stream)');
  readonly outboundDelivered = this.labelled('xdr_outbound_delivered_total', 'Alert notifications delivered, by sink', ['sink']);
  readonly outboundRetries = this.labelled('xdr_outbound_retries_total', 'Alert notification attempts that failed and were retried, by sink', ['sink']);
  readonly outboundFailed = this.labelled('xdr_outbound_failed_total', 'Alert notifications given up after the last retry, by sink', ['sink']);
  readonly outboundDropped = this.labelled('xdr_outbound_dropped_total', 'Alert notifications dropped because the sink queue was full, by sink', ['sink']);

  // response (collector/src/response)
  readonly responseActions = this.labelled('xdr_response_actions_total', 'Response actions that reached a final status, by action and status', ['action', 'status']);
  readonly responseCommandsSent = this.labelled('xdr_response_commands_sent_total', 'Signed commands sent to agents, by action', ['action']);
  readonly responseFramesDropped = this.labelled('xdr_response_frames_dropped_total', 'CommandResult / ShellData frames from agents dropped, by reason', ['reason']);
  readonly responseEvidenceBytes = this.counter('xdr_response_evidence_bytes_total', 'Bytes of collected files written to the evidence store');
  readonly responseTranscriptTruncated = this.counter('xdr_response_transcript_truncated_total', 'Shell transcripts that reached their size bound (the rest of the session was not recorded)');
  readonly responseShellsOpen = this.gauge('xdr_response_shells_attached', 'Remote shells with a responder attached');

  private labelled(name: string, help: string, labelNames: string[]): Counter {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** The substring search index's backlog, read from the store at each scrape. */
  observeSearchIndexLag(read: () => Promise<number>): void {
    new Gauge({
      name: 'xdr_search_index_lag_rows', help: 'Event rows the substring search index has not reached yet (searched by scanning)',
      registers: [this.registry],
      async collect() { this.set(await read()); },
    });
  }

  private counter(name: string, help: string): Counter {
    return new Counter({ name, help, registers: [this.registry] });
  }

  private gauge(name: string, help: string): Gauge {
    return new Gauge({ name, help, registers: [this.registry] });
  }
}

// Composition of a running collector: store, TLS identity, pipeline, agent gateway, API and
// retention. Settings arrive validated from the CLI; nothing here reads the environment.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { buildApi } from './api/index.js';
import { createApiToken } from './api/tokens.js';
import { builtinContentDir } from './detection/builtin-content.js';
import { DetectionStage } from './detection/detection-stage.js';
import { createOutbound, type OutboundConfig } from './detection/outbound/config.js';
import { AgentGateway } from './gateway/agent-gateway.js';
import { CollectorMetrics } from './metrics.js';
import { BatchQueue } from './pipeline/batch-queue.js';
import { Pipeline } from './pipeline/pipeline.js';
import { ResponseService } from './response/index.js';
import { openStore, type Store } from './store/index.js';
import { loadTlsIdentity, type TlsIdentity } from './trust/certificate.js';
import { loadCommandKey } from './trust/command-key.js';
import { VERSION } from './version.js';

export interface CollectorSettings {
  dataDir: string;
  agentHost: string;
  agentPort: number;
  apiHost: string;
  apiPort: number;
  /** plain HTTP for the API; only allowed on loopback (checked by the CLI) */
  apiHttp: boolean;
  tlsCertFile?: string;
  tlsKeyFile?: string;
  retentionDays: number;
  heartbeatMs: number;
  maxFrameBytes: number;
  /** events the pipeline holds before the gateway pauses agents' sockets */
  pipelineEvents: number;
  /** events one batch may carry */
  maxBatchEvents: number;
  maxGroupEvents: number;
  maxConnections: number;
  /** user Sigma folders (`serve --rules DIR`), loaded after the built-in content */
  rulesDirs: string[];
  /** webhooks and syslog for alerts */
  outbound: OutboundConfig;
  /** committed events waiting for detection before new ones are shed */
  detectionQueueEvents: number;
}

export const DEFAULT_SETTINGS: Omit<CollectorSettings, 'dataDir'> = {
  agentHost: '0.0.0.0',
  agentPort: 8443,
  apiHost: '127.0.0.1',
  apiPort: 8444,
  apiHttp: false,
  retentionDays: 30,
  heartbeatMs: 10_000,
  maxFrameBytes: 4 * 1024 * 1024,
  pipelineEvents: 50_000,
  maxBatchEvents: 10_000,
  maxGroupEvents: 20_000,
  maxConnections: 10_000,
  rulesDirs: [],
  outbound: { webhooks: [], syslog: [], delivery: {} },
  detectionQueueEvents: 200_000,
};

export interface RunningCollector {
  agentAddress: AddressInfo;
  apiAddress: AddressInfo;
  apiUrl: string;
  tls: TlsIdentity;
  /** set on the first start only: the admin API token, shown once */
  bootstrapAdminToken?: string;
  close(): Promise<void>;
}

const RETENTION_INTERVAL_MS = 3_600_000;

/**
 * Opens the data directory's store. The server passes the commit worker script (bundled next
 * to this file as store-writer.mjs); one-shot CLI commands (tokens, revoke) need none.
 */
export function openDataStore(dataDir: string, commitWorker?: URL): Store {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return openStore(dataDir, commitWorker);
}

async function collectorId(store: Store): Promise<string> {
  const existing = await store.getSetting('collector_id');
  if (existing) return existing;
  const id = randomUUID();
  await store.setSetting('collector_id', id);
  return id;
}

export async function startCollector(settings: CollectorSettings, log: Logger): Promise<RunningCollector> {
  const store = openDataStore(settings.dataDir, new URL('./store-writer.mjs', import.meta.url));
  const tls = await loadTlsIdentity(settings.dataDir, settings.tlsCertFile && settings.tlsKeyFile
    ? { certFile: settings.tlsCertFile, keyFile: settings.tlsKeyFile } : undefined);
  const commandKey = loadCommandKey(settings.dataDir);
  const metrics = new CollectorMetrics();
  metrics.observeSearchIndexLag(() => store.searchIndexLag());
  const queue = new BatchQueue(settings.pipelineEvents);
  const pipeline = new Pipeline(queue, store, metrics, log.child({ component: 'pipeline' }), { maxGroupEvents: settings.maxGroupEvents });

  // Detection runs after the commit (a subscriber): acks never wait for it.
  const builtin = builtinContentDir();
  if (!builtin) log.warn('built-in detection content (collector/content) not found; only --rules folders are loaded');
  const outbound = createOutbound(settings.outbound, VERSION, metrics, log.child({ component: 'outbound' }));
  const detection = new DetectionStage({
    dirs: [...(builtin ? [builtin] : []), ...settings.rulesDirs],
    store, metrics, outbound,
    log: log.child({ component: 'detection' }),
    maxQueue: settings.detectionQueueEvents,
  });
  await detection.reloadTuning();
  const { report } = detection;
  log.info({ files: report.files, loaded: report.loaded, unsupported: report.unsupported.length, rulesDirs: settings.rulesDirs, builtin, outbound: outbound.sinks }, 'detection content loaded');
  for (const u of report.unsupported.slice(0, 50)) log.debug({ file: u.file, line: u.line, id: u.id, code: u.code, reason: u.reason }, 'detection rule not loaded');
  pipeline.subscribe(detection.enqueue);

  let bootstrapAdminToken: string | undefined;
  if ((await store.listApiTokens()).length === 0) {
    bootstrapAdminToken = (await createApiToken(store, { user: 'admin', role: 'admin', actor: 'system' })).token;
  }

  const gateway = new AgentGateway({
    store, queue, metrics, tls,
    log,
    collectorId: await collectorId(store),
    commandPublicKey: commandKey.publicKeyRaw,
    heartbeatMs: settings.heartbeatMs,
    maxFrameBytes: settings.maxFrameBytes,
    maxBatchEvents: settings.maxBatchEvents,
    handshakeTimeoutMs: 10_000,
    maxConnections: settings.maxConnections,
  });
  // Response: commands go out through the gateway; agents' results come back through its hooks.
  const responses = new ResponseService({
    store, channel: gateway, commandKey, dataDir: settings.dataDir, metrics,
    log: log.child({ component: 'response' }),
  });
  gateway.setResponseHooks(responses);
  let agentAddress: AddressInfo | undefined;
  const api = await buildApi({
    store, metrics, log, version: VERSION,
    presence: gateway,
    detection,
    responses,
    https: settings.apiHttp ? undefined : { key: tls.keyPem, cert: tls.certPem },
    agentPort: () => agentAddress?.port,
  });

  pipeline.start();
  const listening = await gateway.listen(settings.agentPort, settings.agentHost);
  agentAddress = listening;
  await api.listen({ port: settings.apiPort, host: settings.apiHost });
  const apiAddress = api.server.address() as AddressInfo;
  const apiHost = apiAddress.family === 'IPv6' ? `[${apiAddress.address}]` : apiAddress.address;
  const apiUrl = `${settings.apiHttp ? 'http' : 'https'}://${apiHost}:${apiAddress.port}`;

  const retentionMs = settings.retentionDays * 86_400_000;
  const runRetention = async () => {
    try {
      const deleted = await store.deleteEventsBefore(Date.now() - retentionMs);
      metrics.eventsDeleted.inc(deleted);
      await store.deleteOatsBefore(Date.now() - retentionMs);
      if (deleted > 0) log.info({ deleted, retentionDays: settings.retentionDays }, 'retention deleted old activity');
    } catch (err) {
      log.error({ err }, 'retention failed; it runs again in an hour');
    }
  };
  const retentionTimer = setInterval(runRetention, RETENTION_INTERVAL_MS);
  retentionTimer.unref();
  void runRetention();

  log.info({ agents: `wss://${settings.agentHost}:${listening.port}`, api: apiUrl, fingerprint: tls.fingerprint, version: VERSION }, 'collector started');

  return {
    agentAddress: listening, apiAddress, apiUrl, tls, bootstrapAdminToken,
    async close() {
      clearInterval(retentionTimer);
      await gateway.close();
      await api.close();
      await responses.close();
      await pipeline.stop();
      await detection.close();
      await outbound.close();
      await store.close();
    },
  };
}

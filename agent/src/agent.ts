// A running agent: event sources feed the batcher, the batcher's batches go to the spool, the
// connection delivers the spool; commands from the collector go to the responder, whose results
// return on the same connection. Built from a validated config by `xdr-agent run` (and by tests).
import type { Logger } from 'pino';
import type { Emit, EventSource } from './event-source.js';
import { DEFAULT_CONFIG_FILE } from './config-file.js';
import { Inventory } from './inventory.js';
import { Isolation } from './response/isolation/index.js';
import { defaultResponseConfig, Responder, type ResponseConfig } from './response/index.js';
import { StateDir } from './state-dir.js';
import { startSensors, type SensorsConfig } from './sensors/index.js';
import { SyntheticSource } from './synthetic-source.js';
import { Batcher, BATCH_DEFAULTS, type BatchLimits } from './transport/batcher.js';
import { Connection, type ConnectionOptions } from './transport/connection.js';
import { Spool, SPOOL_DEFAULT_MAX_BYTES } from './transport/spool.js';
import { AGENT_VERSION } from './version.js';

export interface AgentConfig {
  stateDir: string;
  log: Logger;
  spoolMaxBytes?: number;
  synthetic?: { rate: number; count?: number };
  /** the sensors to run; none when absent (a synthetic-only agent) */
  sensors?: SensorsConfig;
  /** batch bounds; the defaults are 2,000 events, 512 KiB, 1 s */
  batch?: Partial<BatchLimits>;
  /** connection tuning (tests shorten timers) */
  connection?: Partial<Pick<ConnectionOptions, 'window' | 'handshakeTimeoutMs' | 'ackTimeoutMs' | 'inventoryIntervalMs' | 'healthyAfterMs' | 'backoff' | 'refusedBackoff'>>;
  /** fsync spooled batches (default true) */
  durable?: boolean;
  /** the response policy (agent.yaml `response:`); every action allowed with the contract's bounds when absent */
  response?: ResponseConfig;
  /** the file the response policy came from, named in policy refusals */
  responsePolicySource?: string;
  /** the nft binary isolation runs (tests point it elsewhere) */
  nft?: string;
}

export class Agent {
  readonly spool: Spool;
  readonly batcher: Batcher;
  readonly connection: Connection;
  readonly sources: EventSource[] = [];
  readonly responder: Responder;
  readonly isolation: Isolation;
  private eventsGenerated = 0;
  private lossTimer: NodeJS.Timeout | null = null;
  private readonly hostId: string;

  /** Loads the identity, takes the state directory's lock and starts streaming. */
  static async start(config: AgentConfig): Promise<Agent> {
    const state = new StateDir(config.stateDir);
    const loaded = state.loadIdentity();
    const release = state.lock();
    let agent: Agent | undefined;
    try {
      agent = new Agent(config, state, loaded, release);
      // A host isolated before a restart or reboot is isolated again before it talks to anyone.
      await agent.isolation.reapply().catch((err: Error) => config.log.error({ err }, 'cannot re-apply the persisted network isolation'));
      agent.connection.start();
      agent.sources.push(...(await startSources(config, agent.hostId, agent.emit, config.log)));
      return agent;
    } catch (err) {
      if (agent) await agent.stop();
      else release();
      throw err;
    }
  }

  private constructor(
    config: AgentConfig,
    readonly state: StateDir,
    { identity, privateKey }: ReturnType<StateDir['loadIdentity']>,
    private readonly release: () => void,
  ) {
    const log = config.log;
    const inventory = new Inventory(state.hostIdFile);
    const batchAgeMs = config.batch?.maxAgeMs ?? BATCH_DEFAULTS.maxAgeMs;
    this.batcher = new Batcher({
      ...BATCH_DEFAULTS,
      ...config.batch,
      onFlush: (events) => {
        this.spool.append(events);
        this.connection.kick();
      },
      onOversize: (bytes) => {
        log.error({ bytes }, 'event larger than a batch may be: dropped');
        this.batcher.push({ timeMs: Date.now(), notice: { code: 'event_too_large', count: 1, message: `an event of ${bytes} encoded bytes exceeds the batch bound and was dropped` } });
      },
    });
    this.spool = new Spool({
      dir: state.spoolDir,
      maxBytes: config.spoolMaxBytes ?? SPOOL_DEFAULT_MAX_BYTES,
      durable: config.durable,
      log: log.child({ component: 'spool' }),
      // A loss rides on the next spooled batch; when none comes soon, it gets a batch of its own.
      onDrop: () => {
        this.lossTimer ??= setTimeout(() => {
          this.lossTimer = null;
          if (this.spool.reportLosses() !== undefined) this.connection.kick();
        }, batchAgeMs);
      },
    });
    log.info({ agentId: identity.agentId, spooled: this.spool.batches, spoolBytes: this.spool.bytes }, 'agent starting');
    this.isolation = new Isolation({ stateDir: state.path, collectorUrl: identity.collectorUrl, log, nft: config.nft });
    this.connection = new Connection({
      ...config.connection,
      url: identity.collectorUrl,
      agentId: identity.agentId,
      privateKey,
      certPem: identity.collectorCertPem,
      fingerprint: identity.fingerprint,
      agentVersion: AGENT_VERSION,
      bootTimeMs: Date.now(),
      spool: this.spool,
      log,
      inventory: (refresh) => inventory.get(refresh),
      stats: () => ({
        spoolBytes: this.spool.bytes,
        spoolBatches: this.spool.batches,
        spoolDroppedBatches: this.spool.droppedBatches,
        spoolDroppedEvents: this.spool.droppedEvents,
        eventsGenerated: this.eventsGenerated,
        sensorEventsLost: this.sources.reduce((n, s) => n + (s.stats?.().lost ?? 0), 0),
      }),
      onSession: ({ maxFrameBytes }) => this.batcher.setMaxBytes(maxFrameBytes),
      onCommand: (cmd) => this.responder.onCommand(cmd),
      onShellData: (data) => this.responder.onShellData(data),
      lookup: this.isolation.lookup,
    });
    this.hostId = inventory.hostId();
    const connection = this.connection;
    this.responder = new Responder({
      agentId: identity.agentId,
      hostId: this.hostId,
      commandPublicKey: identity.commandPublicKey,
      stateDir: state.path,
      config: config.response ?? defaultResponseConfig(),
      policySource: config.responsePolicySource ?? DEFAULT_CONFIG_FILE,
      log,
      link: {
        get online() {
          return connection.status.state === 'online';
        },
        get maxFrameBytes() {
          return connection.maxFrameBytes;
        },
        send: (frame) => connection.send(frame),
      },
      isolation: this.isolation,
    });
    let wasOnline = false;
    this.connection.onStatus((s) => {
      if (s.state === 'online') this.responder.online();
      else if (wasOnline) this.responder.offline();
      wasOnline = s.state === 'online';
    });
  }

  /** Where every event source hands its events. */
  private readonly emit: Emit = (ev) => {
    this.eventsGenerated++;
    this.batcher.push(ev);
  };

  get generated(): number {
    return this.eventsGenerated;
  }

  /** Stops the sources, spools what is batched, closes the connection. Unacked batches stay spooled. */
  async stop(): Promise<void> {
    await Promise.all([this.responder.stop(), ...this.sources.map((s) => s.stop())]);
    if (this.lossTimer) clearTimeout(this.lossTimer);
    this.batcher.close();
    if (this.spool.reportLosses() !== undefined) this.connection.kick();
    await this.connection.stop();
    this.release();
  }
}

/** Every event source of the agent starts here: the synthetic load generator and the sensors. */
async function startSources(config: AgentConfig, hostId: string, emit: Emit, log: Logger): Promise<EventSource[]> {
  const sources: EventSource[] = [];
  if (config.synthetic) {
    const s = new SyntheticSource({ ...config.synthetic, hostId }, emit);
    log.info({ rate: config.synthetic.rate, count: config.synthetic.count, bootId: s.bootId }, 'synthetic event source started');
    sources.push(s);
  }
  if (config.sensors) {
    try {
      sources.push(await startSensors(config.sensors, emit, log, { hostId, stateDir: config.stateDir }));
    } catch (err) {
      for (const s of sources) await s.stop();
      throw err;
    }
  }
  return sources;
}

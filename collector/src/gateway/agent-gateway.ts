// The agents' endpoint: a TLS WebSocket server. It bounds frame size, hands each connection to
// an AgentSession and knows which agents are online (one session per agent; the newest wins).
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { TlsIdentity } from '../trust/certificate.js';
import type { xdr } from '../../../proto/index.js';
import { AgentSession, type ResponseHooks, type SessionContext } from './agent-session.js';

/** What every session shares, plus the server's own settings. */
export interface GatewayOptions extends Omit<SessionContext, 'register' | 'unregister' | 'responses'> {
  tls: TlsIdentity;
  /** bound on simultaneous connections, authenticated or not */
  maxConnections: number;
}

export class AgentGateway {
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly online = new Map<string, AgentSession>();
  private readonly ctx: SessionContext;

  constructor(private readonly options: GatewayOptions) {
    const { log, metrics } = options;
    this.server = createServer({ cert: options.tls.certPem, key: options.tls.keyPem });
    this.server.maxConnections = options.maxConnections;
    this.server.on('tlsClientError', (err) => {
      metrics.framesRefused.inc({ reason: 'tls' });
      log.debug({ err: err.message }, 'TLS handshake with a client failed');
    });
    this.wss = new WebSocketServer({ server: this.server, maxPayload: options.maxFrameBytes, perMessageDeflate: false });
    this.ctx = {
      ...options,
      log: log.child({ component: 'gateway' }),
      register: (session) => {
        const previous = this.online.get(session.agentId);
        this.online.set(session.agentId, session);
        if (previous && previous !== session) previous.refuse('superseded');
        metrics.agentsOnline.set(this.online.size);
        this.ctx.responses?.agentOnline(session.agentId);
      },
      unregister: (session) => {
        if (this.online.get(session.agentId) === session) {
          this.online.delete(session.agentId);
          this.ctx.responses?.agentOffline(session.agentId);
        }
        metrics.agentsOnline.set(this.online.size);
      },
    };
    this.wss.on('connection', (ws, req) => new AgentSession(ws, this.ctx, `${req.socket.remoteAddress}:${req.socket.remotePort}`));
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  /** Routes agents' response frames to the response service and tells it who comes online. */
  setResponseHooks(hooks: ResponseHooks): void {
    this.ctx.responses = hooks;
  }

  /** Sends a signed command over the agent's connection; false when it has none. */
  sendCommand(agentId: string, command: xdr.v1.ICommand): boolean {
    return this.online.get(agentId)?.sendCommand(command) ?? false;
  }

  sendShellData(agentId: string, data: xdr.v1.IShellData): boolean {
    return this.online.get(agentId)?.sendShellData(data) ?? false;
  }

  isOnline(agentId: string): boolean {
    return this.online.get(agentId)?.online ?? false;
  }

  /** Refuses a connected agent now (e.g. just revoked). */
  disconnect(agentId: string, code: 'revoked_agent' | 'shutting_down'): void {
    this.online.get(agentId)?.refuse(code);
  }

  async close(): Promise<void> {
    for (const session of this.online.values()) session.refuse('shutting_down');
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

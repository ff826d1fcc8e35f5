// Syslog sink, RFC 5424 messages over UDP (RFC 5426, one datagram each) or TCP (RFC 6587
// octet counting: "<length> <message>"). The message:
//   <PRI>1 TIMESTAMP HOSTNAME xdr-collector PROCID alert.created [xdr@32473 id=".." score=".." ...] {alert JSON}
// PRI = facility × 8 + severity; severity follows the alert level (critical 2, high 3, medium 4,
// low 5, informational 6). Over UDP a message larger than `maxUdpBytes` carries a short summary.
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { hostname as osHostname } from 'node:os';
import { connect, type Socket } from 'node:net';
import type { AlertNotification, Sink } from './outbound.js';

export interface SyslogConfig {
  host: string;
  port: number;
  transport: 'udp' | 'tcp';
  /** 0-23, default 16 (local0) */
  facility?: number;
  appName?: string;
  /** default 8192 */
  maxUdpBytes?: number;
  timeoutMs?: number;
}

const SEVERITY: Record<string, number> = { critical: 2, high: 3, medium: 4, low: 5, informational: 6 };
/** The SD-ID uses the documentation enterprise number (RFC 5612). */
const SD_ID = 'xdr@32473';

function sdValue(v: unknown): string {
  return String(v).replace(/["\\\]]/g, (c) => `\\${c}`);
}

function headerField(v: string, max: number): string {
  const s = v.replace(/[^\x21-\x7e]/g, '');
  return s === '' ? '-' : s.slice(0, max);
}

export function formatSyslog(n: AlertNotification, o: { facility: number; appName: string; hostname: string; pid: number }, compact = false): string {
  const a = n.alert;
  const pri = o.facility * 8 + (SEVERITY[a.level] ?? 5);
  const sd = `[${SD_ID} id="${sdValue(a.id)}" score="${a.score}" level="${sdValue(a.level)}" status="${sdValue(a.status)}" model="${sdValue(a.model_id)}" hosts="${sdValue(a.scope.hosts.map((h) => h.name ?? h.id).join(','))}"]`;
  const msg = compact
    ? `${a.title} (score ${a.score}, ${a.highlights.commands.length} commands, ${a.event_ids.length} events)`
    : JSON.stringify({ type: n.type, delivery_id: n.deliveryId, alert: a });
  return `<${pri}>1 ${new Date().toISOString()} ${headerField(o.hostname, 255)} ${headerField(o.appName, 48)} ${o.pid} ${n.type} ${sd} ${msg}`;
}

export class SyslogSink implements Sink {
  readonly name: string;
  private udp: UdpSocket | undefined;
  private tcp: Socket | undefined;
  private readonly opts: { facility: number; appName: string; hostname: string; pid: number };

  constructor(private readonly c: SyslogConfig) {
    this.name = `syslog:${c.transport}://${c.host}:${c.port}`;
    this.opts = { facility: c.facility ?? 16, appName: c.appName ?? 'xdr-collector', hostname: osHostname(), pid: process.pid };
  }

  async send(n: AlertNotification): Promise<void> {
    if (this.c.transport === 'udp') {
      let msg = Buffer.from(formatSyslog(n, this.opts));
      if (msg.length > (this.c.maxUdpBytes ?? 8192)) msg = Buffer.from(formatSyslog(n, this.opts, true));
      this.udp ??= createSocket(this.c.host.includes(':') ? 'udp6' : 'udp4');
      this.udp.unref();
      await new Promise<void>((ok, fail) => this.udp!.send(msg, this.c.port, this.c.host, (err) => (err ? fail(err) : ok())));
      return;
    }
    const msg = Buffer.from(formatSyslog(n, this.opts));
    const frame = Buffer.concat([Buffer.from(`${msg.length} `), msg]);
    const sock = await this.connection();
    await new Promise<void>((ok, fail) => {
      sock.write(frame, (err) => {
        if (!err) return ok();
        this.dropConnection();
        fail(err);
      });
    });
  }

  private connection(): Promise<Socket> {
    if (this.tcp && !this.tcp.destroyed) return Promise.resolve(this.tcp);
    return new Promise((ok, fail) => {
      const s = connect({ host: this.c.host, port: this.c.port });
      const timer = setTimeout(() => { s.destroy(); fail(new Error(`syslog ${this.c.host}:${this.c.port}: connect timed out`)); }, this.c.timeoutMs ?? 10_000);
      s.once('connect', () => {
        clearTimeout(timer);
        s.setKeepAlive(true);
        s.on('error', () => this.dropConnection());
        s.on('close', () => { if (this.tcp === s) this.tcp = undefined; });
        this.tcp = s;
        ok(s);
      });
      s.once('error', (err) => { clearTimeout(timer); fail(err); });
    });
  }

  private dropConnection(): void {
    this.tcp?.destroy();
    this.tcp = undefined;
  }

  async close(): Promise<void> {
    this.udp?.close();
    this.udp = undefined;
    this.tcp?.end();
    this.dropConnection();
  }
}

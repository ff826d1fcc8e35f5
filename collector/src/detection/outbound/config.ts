// Outbound configuration: from `serve --outbound-config FILE` (YAML or JSON) and the flags
// `--webhook URL`, `--webhook-secret-file FILE`, `--syslog udp://host:514`. Validated once here;
// the error says which entry and what to write instead.
//
//   webhooks:
//     - url: https://siem.example/xdr
//       secret_file: /etc/xdr/webhook.secret     # or secret: "..." (the file keeps it out of ps)
//       headers: { X-Team: soc }
//   syslog:
//     - url: tcp://10.0.0.9:601                   # udp://host[:514] | tcp://host[:601]
//       facility: 16
//   delivery: { max_queue: 1000, max_attempts: 6, base_delay_ms: 500, max_delay_ms: 30000 }
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Outbound, type DeliveryOptions, type Sink } from './outbound.js';
import { SyslogSink, type SyslogConfig } from './syslog-sink.js';
import { WebhookSink, type WebhookConfig } from './webhook-sink.js';
import type { Logger } from 'pino';
import type { CollectorMetrics } from '../../metrics.js';

export interface OutboundConfig {
  webhooks: WebhookConfig[];
  syslog: SyslogConfig[];
  delivery: Partial<DeliveryOptions>;
}

export class OutboundConfigError extends Error {
  override readonly name = 'OutboundConfigError';
}

function fail(where: string, what: string): never {
  throw new OutboundConfigError(`${where}: ${what}`);
}

function readSecret(file: string, where: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (err) {
    fail(where, `cannot read the secret file ${file}: ${(err as Error).message}`);
  }
  if (text.length < 16) fail(where, `the secret in ${file} is shorter than 16 characters`);
  return text;
}

export function parseWebhookUrl(url: string, where: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    fail(where, `"${url}" is not a URL`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') fail(where, `"${url}" must be http:// or https://`);
  return u.toString();
}

export function parseSyslogUrl(url: string, where: string): Pick<SyslogConfig, 'host' | 'port' | 'transport'> {
  const m = /^(udp|tcp):\/\/(\[[0-9a-fA-F:.]+\]|[^:/\s]+)(?::(\d{1,5}))?\/?$/.exec(url);
  if (!m) fail(where, `"${url}" is not udp://HOST[:PORT] or tcp://HOST[:PORT]`);
  const transport = m[1] as 'udp' | 'tcp';
  const port = m[3] ? Number(m[3]) : transport === 'udp' ? 514 : 601;
  if (port < 1 || port > 65535) fail(where, `port ${port} is out of range`);
  return { transport, host: m[2].replace(/^\[|\]$/g, ''), port };
}

function positive(v: unknown, where: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(where, `must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  return v;
}

/** Validates a parsed config document. `source` names it in errors. */
export function parseOutboundConfig(doc: unknown, source: string): OutboundConfig {
  const out: OutboundConfig = { webhooks: [], syslog: [], delivery: {} };
  if (doc === null || doc === undefined) return out;
  if (typeof doc !== 'object' || Array.isArray(doc)) fail(source, 'must be a map with webhooks, syslog and delivery');
  const d = doc as Record<string, unknown>;
  for (const k of Object.keys(d)) if (!['webhooks', 'syslog', 'delivery'].includes(k)) fail(source, `unknown key "${k}" (expected webhooks, syslog, delivery)`);
  const list = (k: string): Record<string, unknown>[] => {
    const v = d[k];
    if (v === undefined) return [];
    if (!Array.isArray(v)) fail(`${source} ${k}`, 'must be a list');
    return v.map((x, i) => {
      if (x === null || typeof x !== 'object' || Array.isArray(x)) fail(`${source} ${k}[${i}]`, 'must be a map');
      return x as Record<string, unknown>;
    });
  };
  list('webhooks').forEach((w, i) => {
    const where = `${source} webhooks[${i}]`;
    for (const k of Object.keys(w)) if (!['url', 'secret', 'secret_file', 'headers', 'timeout_ms'].includes(k)) fail(where, `unknown key "${k}"`);
    if (typeof w.url !== 'string') fail(where, 'url is missing');
    if (w.secret !== undefined && w.secret_file !== undefined) fail(where, 'give secret or secret_file, not both');
    let secret: string | undefined;
    if (w.secret !== undefined) {
      if (typeof w.secret !== 'string' || w.secret.length < 16) fail(where, 'secret must be a string of at least 16 characters');
      secret = w.secret;
    }
    if (w.secret_file !== undefined) {
      if (typeof w.secret_file !== 'string') fail(where, 'secret_file must be a path');
      secret = readSecret(w.secret_file, where);
    }
    let headers: Record<string, string> | undefined;
    if (w.headers !== undefined) {
      if (w.headers === null || typeof w.headers !== 'object' || Object.values(w.headers).some((v) => typeof v !== 'string')) fail(where, 'headers must map names to strings');
      headers = w.headers as Record<string, string>;
    }
    out.webhooks.push({
      url: parseWebhookUrl(w.url, where), secret, headers,
      timeoutMs: w.timeout_ms === undefined ? undefined : positive(w.timeout_ms, `${where} timeout_ms`, 100, 120_000),
    });
  });
  list('syslog').forEach((s, i) => {
    const where = `${source} syslog[${i}]`;
    for (const k of Object.keys(s)) if (!['url', 'facility', 'app_name'].includes(k)) fail(where, `unknown key "${k}"`);
    if (typeof s.url !== 'string') fail(where, 'url is missing (udp://host:514 or tcp://host:601)');
    out.syslog.push({
      ...parseSyslogUrl(s.url, where),
      facility: s.facility === undefined ? undefined : positive(s.facility, `${where} facility`, 0, 23),
      appName: typeof s.app_name === 'string' ? s.app_name : undefined,
    });
  });
  if (d.delivery !== undefined) {
    const x = d.delivery as Record<string, unknown>;
    if (x === null || typeof x !== 'object') fail(`${source} delivery`, 'must be a map');
    const names: Record<string, keyof DeliveryOptions> = { max_queue: 'maxQueue', max_attempts: 'maxAttempts', base_delay_ms: 'baseDelayMs', max_delay_ms: 'maxDelayMs' };
    for (const [k, v] of Object.entries(x)) {
      const key = names[k];
      if (!key) fail(`${source} delivery`, `unknown key "${k}" (expected ${Object.keys(names).join(', ')})`);
      out.delivery[key] = positive(v, `${source} delivery.${k}`, 1, 10_000_000);
    }
  }
  return out;
}

export function loadOutboundConfigFile(file: string): OutboundConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new OutboundConfigError(`cannot read ${file}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new OutboundConfigError(`${file} is not valid YAML/JSON: ${(err as Error).message}`);
  }
  return parseOutboundConfig(doc, file);
}

/** Adds the sinks given by command-line flags. */
export function withFlagSinks(c: OutboundConfig, flags: { webhooks: string[]; webhookSecretFile?: string; syslog: string[] }): OutboundConfig {
  const secret = flags.webhookSecretFile ? readSecret(flags.webhookSecretFile, '--webhook-secret-file') : undefined;
  return {
    ...c,
    webhooks: [...c.webhooks, ...flags.webhooks.map((u) => ({ url: parseWebhookUrl(u, '--webhook'), secret }))],
    syslog: [...c.syslog, ...flags.syslog.map((u) => parseSyslogUrl(u, '--syslog'))],
  };
}

export function createOutbound(c: OutboundConfig, version: string, metrics: CollectorMetrics | undefined, log: Logger): Outbound {
  const sinks: Sink[] = [
    ...c.webhooks.map((w) => new WebhookSink(w, `xdr-collector/${version}`)),
    ...c.syslog.map((s) => new SyslogSink(s)),
  ];
  return new Outbound(sinks, c.delivery, metrics, log);
}

// Webhook sink: POSTs each notification as JSON. With a secret, the body is signed:
//   X-XDR-Timestamp: <unix seconds>
//   X-XDR-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>
// Receivers recompute the HMAC over the raw body and reject stale timestamps (replays).
// 2xx is delivered; 408, 429 and 5xx are retried; any other status is a permanent failure.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { PermanentDeliveryError, type AlertNotification, type Sink } from './outbound.js';

export interface WebhookConfig {
  url: string;
  secret?: string;
  /** per request (default 10 s) */
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers and tests: true when `signature` is the HMAC of this timestamp and body. */
export function verifyWebhook(secret: string, timestamp: string, body: string, signature: string): boolean {
  const want = Buffer.from(signWebhook(secret, timestamp, body));
  const got = Buffer.from(signature);
  return want.length === got.length && timingSafeEqual(want, got);
}

export class WebhookSink implements Sink {
  readonly name: string;

  constructor(private readonly c: WebhookConfig, private readonly userAgent: string) {
    const u = new URL(c.url);
    this.name = `webhook:${u.origin}${u.pathname}`;
  }

  async send(n: AlertNotification): Promise<void> {
    const body = JSON.stringify({ type: n.type, delivery_id: n.deliveryId, alert: n.alert });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = {
      ...this.c.headers,
      'content-type': 'application/json',
      'user-agent': this.userAgent,
      'x-xdr-event': n.type,
      'x-xdr-delivery': n.deliveryId,
      'x-xdr-timestamp': timestamp,
    };
    if (this.c.secret) headers['x-xdr-signature'] = signWebhook(this.c.secret, timestamp, body);
    const res = await fetch(this.c.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.c.timeoutMs ?? 10_000) });
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok) return;
    const msg = `${this.c.url} answered HTTP ${res.status}`;
    if (res.status === 408 || res.status === 429 || res.status >= 500) throw new Error(msg);
    throw new PermanentDeliveryError(msg);
  }

  async close(): Promise<void> {}
}

// The HTTP client xdrctl uses to talk to the collector's REST API, with certificate pinning.
// Pinning never sends the token to an unpinned server: a pre-flight TLS handshake (no
// application data) fetches the server's certificate and compares its SHA-256 fingerprint; only
// then do requests go out, trusting exactly that certificate (`ca`) and checking the fingerprint
// again on every connection (`checkServerIdentity`; the hostname is deliberately ignored).
import { createHash, X509Certificate } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import tls, { type PeerCertificate } from 'node:tls';
import type { ClientConfig } from './config.js';

export type ClientErrorCode =
  /** the server's certificate is not the pinned one; nothing was sent */
  | 'XDRCTL_FINGERPRINT_MISMATCH'
  /** the collector could not be reached or the connection failed */
  | 'XDRCTL_CONNECT'
  /** no answer within the timeout */
  | 'XDRCTL_TIMEOUT'
  /** the answer is not the API's JSON */
  | 'XDRCTL_BAD_RESPONSE';

/** A failure before or outside the API: connection, pinning, a response that is not JSON. */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  constructor(readonly code: ClientErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The API answered with an error body `{ error: { code, message } }`. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export type Query = Record<string, string | number | undefined>;

const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

export function derFingerprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}

const colons = (hex: string) => hex.toUpperCase().match(/../g)!.join(':');

export class XdrClient {
  private pinnedPem: Promise<string> | undefined;
  private readonly host: string;
  private readonly port: number;
  private readonly basePath: string;

  constructor(private readonly config: ClientConfig) {
    const { url } = config;
    this.host = url.hostname.replace(/^\[|\]$/g, '');
    this.port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    this.basePath = url.pathname.replace(/\/+$/, '');
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', path, { query });
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, { body });
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path, {});
  }

  async request<T>(method: string, path: string, opts: { query?: Query; body?: unknown }): Promise<T> {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) search.append(k, String(v));
    const qs = search.toString();
    const fullPath = `${this.basePath}${path}${qs ? `?${qs}` : ''}`;
    const headers: Record<string, string> = { authorization: `Bearer ${this.config.token}`, accept: 'application/json' };
    let payload: Buffer | undefined;
    if (opts.body !== undefined) {
      payload = Buffer.from(JSON.stringify(opts.body), 'utf8');
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }

    let req: http.ClientRequest;
    if (this.config.url.protocol === 'https:') {
      // The probe comes first: the token goes out only on a connection to the pinned certificate.
      const pem = await this.pinnedCertificate();
      const expected = this.config.fingerprint!;
      req = https.request({
        host: this.host,
        port: this.port,
        method,
        path: fullPath,
        headers,
        ...(isIP(this.host) ? {} : { servername: this.host }),
        ca: [pem],
        rejectUnauthorized: true,
        checkServerIdentity: (_hostname: string, cert: PeerCertificate) => {
          const got = derFingerprint(cert.raw);
          return got === expected ? undefined : this.mismatch(got);
        },
        // A fresh connection per request: no TLS session resumption, which would skip the check above.
        agent: false,
        timeout: this.config.timeoutMs,
      });
    } else {
      req = http.request({ host: this.host, port: this.port, method, path: fullPath, headers, agent: false, timeout: this.config.timeoutMs });
    }
    return this.exchange<T>(req, method, fullPath, payload);
  }

  /** The server's certificate (PEM), fetched once by a TLS handshake that sends no data, and compared with the pin. */
  pinnedCertificate(): Promise<string> {
    this.pinnedPem ??= this.probe();
    return this.pinnedPem;
  }

  private probe(): Promise<string> {
    const expected = this.config.fingerprint;
    if (!expected) return Promise.reject(new ClientError('XDRCTL_CONNECT', 'https needs XDR_FINGERPRINT to pin the collector\'s certificate'));
    return new Promise<string>((resolve, reject) => {
      const socket = tls.connect({
        host: this.host,
        port: this.port,
        ...(isIP(this.host) ? {} : { servername: this.host }),
        // Nothing is trusted yet: the fingerprint below is the trust decision.
        rejectUnauthorized: false,
      });
      const fail = (err: Error) => { socket.destroy(); reject(err); };
      socket.setTimeout(this.config.timeoutMs, () => fail(new ClientError('XDRCTL_TIMEOUT', `no TLS handshake from ${this.config.url.host} within ${this.config.timeoutMs} ms`)));
      socket.once('error', (err) => fail(this.connectError(err)));
      socket.once('secureConnect', () => {
        const cert = socket.getPeerX509Certificate();
        socket.destroy();
        if (!cert) return reject(new ClientError('XDRCTL_BAD_RESPONSE', `${this.config.url.host} presented no certificate`));
        const got = derFingerprint(cert.raw);
        if (got !== expected) return reject(this.mismatch(got));
        resolve(cert.toString());
      });
    });
  }

  private mismatch(got: string): ClientError {
    return new ClientError('XDRCTL_FINGERPRINT_MISMATCH',
      `the server at ${this.config.url.host} presented a certificate with SHA-256 ${colons(got)}, `
      + `not the pinned XDR_FINGERPRINT ${colons(this.config.fingerprint!)}; the token was not sent. `
      + 'If the collector\'s certificate was replaced on purpose, set XDR_FINGERPRINT to the fingerprint it prints at start');
  }

  private connectError(err: Error & { code?: string }): ClientError {
    if (err instanceof ClientError) return err;
    return new ClientError('XDRCTL_CONNECT', `cannot reach the collector at ${this.config.url.origin}: ${err.message} (is it running, and is XDR_URL right?)`, { cause: err });
  }

  private exchange<T>(req: http.ClientRequest, method: string, path: string, payload: Buffer | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      req.once('timeout', () => req.destroy(new ClientError('XDRCTL_TIMEOUT', `${method} ${path}: no answer within ${this.config.timeoutMs} ms`)));
      req.once('error', (err) => reject(this.connectError(err)));
      req.once('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_RESPONSE_BYTES) req.destroy(new ClientError('XDRCTL_BAD_RESPONSE', `${method} ${path}: response over ${MAX_RESPONSE_BYTES} bytes`));
          else chunks.push(c);
        });
        res.once('error', (err) => reject(this.connectError(err)));
        res.once('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          const type = String(res.headers['content-type'] ?? '');
          if (!type.includes('json')) {
            if (status < 400) return resolve(text as T);
            return reject(new ClientError('XDRCTL_BAD_RESPONSE', `${method} ${path}: HTTP ${status}: ${text.slice(0, 200)}`));
          }
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            return reject(new ClientError('XDRCTL_BAD_RESPONSE', `${method} ${path}: HTTP ${status} with a body that is not JSON: ${text.slice(0, 200)}`));
          }
          if (status >= 400) {
            const e = (body as { error?: { code?: string; message?: string } }).error;
            return reject(new ApiRequestError(status, e?.code ?? `HTTP_${status}`, e?.message ?? text.slice(0, 200)));
          }
          resolve(body as T);
        });
      });
      req.end(payload);
    });
  }
}

/** The fingerprint of a PEM certificate, as XDR_FINGERPRINT expects it. */
export function pemFingerprint(pem: string): string {
  return derFingerprint(new X509Certificate(pem).raw);
}

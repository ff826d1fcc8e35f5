// Certificate pinning for the collector connection. The collector usually runs with a
// self-signed certificate, so trust comes from its SHA-256 fingerprint, learned at enrollment
// (or given by the operator), never from hostnames or public CAs.
import { createHash, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import tls, { type PeerCertificate } from 'node:tls';
import { AgentError } from '../errors.js';

const HEX64 = /^[0-9a-f]{64}$/;

/** `AB:CD:...`, `sha256:abcd...` or plain hex, any case -> 64 lowercase hex; throws bad_fingerprint. */
export function normaliseFingerprint(input: string): string {
  const hex = input.trim().replace(/^sha-?256[:=]?/i, '').replace(/[:\s]/g, '').toLowerCase();
  if (!HEX64.test(hex)) {
    throw new AgentError('bad_fingerprint', `fingerprint "${input}" is not 64 hex digits (SHA-256 of the DER certificate, colons allowed)`);
  }
  return hex;
}

export function fingerprintOf(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

export function fingerprintOfPem(pem: string): string {
  return fingerprintOf(new X509Certificate(pem).raw);
}

export interface CollectorAddress {
  host: string;
  port: number;
}

export interface CollectorUrl extends CollectorAddress {
  /** normalised URL, e.g. wss://10.0.0.5:8443/ */
  href: string;
}

/** Parses and checks a `wss://HOST:PORT[/path]` collector URL. */
export function parseCollectorUrl(url: string): CollectorUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AgentError('usage', `--collector "${url}" is not a URL; expected wss://HOST:PORT`);
  }
  if (parsed.protocol !== 'wss:') throw new AgentError('usage', `--collector "${url}" must use wss:// (the agent only speaks TLS)`);
  if (!parsed.hostname) throw new AgentError('usage', `--collector "${url}" has no host`);
  if (parsed.username || parsed.password) throw new AgentError('usage', `--collector "${url}" must not carry credentials`);
  return {
    href: parsed.href,
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : 443,
  };
}

export interface ProbedCertificate {
  pem: string;
  fingerprint: string;
}

/**
 * Fetches the collector's leaf certificate with a bare TLS handshake. Nothing is trusted and no
 * application data is sent on this socket: it is closed as soon as the certificate is read.
 */
export function probeCertificate(addr: CollectorAddress, timeoutMs = 10_000): Promise<ProbedCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: addr.host,
      port: addr.port,
      servername: isIP(addr.host) ? undefined : addr.host,
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    const fail = (err: Error) => {
      socket.destroy();
      reject(new AgentError('collector_unreachable', `cannot fetch the TLS certificate of ${addr.host}:${addr.port}: ${err.message}`, { cause: err }));
    };
    socket.once('timeout', () => fail(new Error(`no TLS handshake within ${timeoutMs} ms`)));
    socket.once('error', fail);
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(false);
      socket.destroy();
      if (!cert?.raw) return fail(new Error('the server sent no certificate'));
      resolve({ pem: new X509Certificate(cert.raw).toString(), fingerprint: fingerprintOf(cert.raw) });
    });
  });
}

export interface PinnedTlsOptions {
  ca: string[];
  allowPartialTrustChain: boolean;
  checkServerIdentity: (host: string, cert: PeerCertificate) => Error | undefined;
}

/**
 * TLS options for a connection that carries data: the pinned certificate is the only trust
 * anchor and its fingerprint must match; the hostname is not checked (agents often reach the
 * collector by IP).
 */
export function pinnedTlsOptions(certPem: string, fingerprint: string): PinnedTlsOptions {
  const pin = normaliseFingerprint(fingerprint);
  return {
    ca: [certPem],
    // lets a pinned leaf issued by a private CA verify without the whole chain
    allowPartialTrustChain: true,
    checkServerIdentity: (_host, cert) => {
      const got = cert.raw ? fingerprintOf(cert.raw) : '';
      if (got === pin) return undefined;
      return new AgentError('fingerprint_mismatch', `collector certificate fingerprint ${got || 'missing'} does not match the pinned ${pin}`);
    },
  };
}

const CERT_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/** Names a certificate failure for what it is: the collector is not the one this agent pinned. */
export function describeTlsError(err: Error & { code?: string }, fingerprint: string): string {
  if (err.name === 'AgentError') return err.message;
  if (err.code && CERT_ERRORS.test(err.code)) {
    return `the collector's TLS certificate is not the pinned one (fingerprint ${fingerprint}): ${err.message}; if the collector's certificate was replaced on purpose, enroll again`;
  }
  return err.message;
}

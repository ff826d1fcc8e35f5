// xdrctl's connection settings, read from the environment once at the entry point and
// validated there, so the client receives a typed object and never reads process.env.
export interface ClientConfig {
  /** the collector's API base, e.g. https://127.0.0.1:8443 */
  url: URL;
  token: string;
  /** SHA-256 of the collector's DER certificate, 64 lowercase hex; required for https */
  fingerprint?: string;
  /** bound on one request, connection included */
  timeoutMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const TOKEN = /^xdr_[A-Za-z0-9_-]{43}$/;

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\./.test(h);
}

/** "AB:CD:..." or "sha256:abcd..." -> 64 lowercase hex, or undefined when it is not a SHA-256. */
export function normaliseFingerprint(text: string): string | undefined {
  const hex = text.trim().replace(/^sha-?256[:=/ ]?/i, '').replace(/[:\s]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

export function parseClientConfig(env: Record<string, string | undefined>): ClientConfig {
  const rawUrl = env.XDR_URL?.trim();
  if (!rawUrl) {
    throw new ConfigError('XDR_URL is not set: export XDR_URL=https://127.0.0.1:8443 (the collector logs its API address when it starts)');
  }
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ConfigError(`XDR_URL "${rawUrl}" is not a URL: expected e.g. https://127.0.0.1:8443`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`XDR_URL "${rawUrl}" must start with https:// (or http:// for a collector on this machine's loopback)`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError(`XDR_URL "${rawUrl}" must be only scheme, host, port and optional path: put the token in XDR_TOKEN`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(`XDR_URL "${rawUrl}" is plain http:// to a host that is not loopback: the token would cross the network in clear. Use https:// and XDR_FINGERPRINT`);
  }

  const token = env.XDR_TOKEN?.trim();
  if (!token) throw new ConfigError('XDR_TOKEN is not set: export XDR_TOKEN=xdr_... (xdr-collector token create --role viewer --user NAME makes one)');
  if (!TOKEN.test(token)) throw new ConfigError('XDR_TOKEN does not look like an API token: expected "xdr_" followed by 43 base64url characters');

  let fingerprint: string | undefined;
  if (url.protocol === 'https:') {
    const raw = env.XDR_FINGERPRINT?.trim();
    if (!raw) {
      throw new ConfigError('XDR_FINGERPRINT is not set: export the SHA-256 fingerprint of the collector\'s certificate, which the collector prints when it starts (64 hex digits; colons allowed)');
    }
    fingerprint = normaliseFingerprint(raw);
    if (!fingerprint) {
      throw new ConfigError(`XDR_FINGERPRINT "${raw}" is not a SHA-256 fingerprint: expected 64 hex digits, optionally separated by colons`);
    }
  }

  const timeoutText = env.XDR_TIMEOUT_MS?.trim();
  const timeoutMs = timeoutText ? Number(timeoutText) : 60_000;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new ConfigError(`XDR_TIMEOUT_MS "${timeoutText}" must be a positive number of milliseconds`);

  return { url, token, ...(fingerprint ? { fingerprint } : {}), timeoutMs };
}

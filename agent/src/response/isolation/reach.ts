// Resolving the collector's host before an isolation, and checking after it that a new TCP
// connection to the collector still opens.
import { lookup } from 'node:dns/promises';
import { connect, isIP } from 'node:net';

export interface CollectorTarget {
  url: string;
  host: string;
  port: number;
}

/** Host and port of the collector URL (wss://HOST:PORT/..., port 443 when absent). */
export function collectorTarget(url: string): CollectorTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`the collector URL "${url}" is not a URL`);
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new Error(`the collector URL "${url}" has no host`);
  const port = u.port ? Number(u.port) : u.protocol === 'ws:' || u.protocol === 'http:' ? 80 : 443;
  return { url, host, port };
}

/** Every IPv4 and IPv6 address of host (the address itself when it is one). */
export async function resolveAll(host: string): Promise<string[]> {
  if (isIP(host)) return [host];
  const found = await lookup(host, { all: true, verbatim: true });
  const addresses = [...new Set(found.map((a) => a.address))];
  if (addresses.length === 0) throw new Error(`${host} resolved to no address`);
  return addresses;
}

export function hostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

function tryConnect(address: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((ok, fail) => {
    const s = connect({ host: address, port, timeout: timeoutMs });
    const done = (err?: Error) => {
      s.destroy();
      if (err) fail(err);
      else ok();
    };
    s.once('connect', () => done());
    s.once('timeout', () => done(new Error(`no answer within ${timeoutMs} ms`)));
    s.once('error', (e) => done(e));
  });
}

/**
 * Opens new TCP connections to the addresses (all at once, again every attempt) until one
 * succeeds or totalMs passes. Returns the address that answered; throws with each address's last error.
 */
export async function verifyReachable(addresses: string[], port: number, totalMs: number, attemptMs = 1_000): Promise<string> {
  const deadline = Date.now() + totalMs;
  const last = new Map<string, string>();
  while (true) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const timeout = Math.max(50, Math.min(attemptMs, left));
    try {
      return await Promise.any(addresses.map((a) => tryConnect(a, port, timeout).then(
        () => a,
        (err: Error) => {
          last.set(a, (err as NodeJS.ErrnoException).code ?? err.message);
          throw err;
        },
      )));
    } catch {
      // every address failed this round: wait a little (a refused connect returns at once) and retry
      await new Promise((r) => setTimeout(r, Math.min(200, Math.max(0, deadline - Date.now()))));
    }
  }
  const why = addresses.map((a) => `${hostPort(a, port)} ${last.get(a) ?? 'not tried'}`).join(', ');
  throw new Error(`no new TCP connection to the collector opened within ${totalMs} ms (${why})`);
}

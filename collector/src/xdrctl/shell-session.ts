// The terminal side of `xdrctl shell`: a WebSocket to /api/v1/responses/:id/shell, pinned to the
// collector's certificate as XdrClient pins it, with the local terminal in raw mode. Bytes go both
// ways untouched; a resize of the local terminal becomes a text message; Ctrl-] ends the session.
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type https from 'node:https';
import { isIP } from 'node:net';
import type { PeerCertificate } from 'node:tls';
import WebSocket from 'ws';
import { ApiRequestError, ClientError, derFingerprint, type XdrClient } from './client.js';
import type { ClientConfig } from './config.js';

/** The local terminal: the process's stdin and stdout in the program, streams in tests. */
export interface TerminalIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(raw: boolean): unknown };
  output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number; on(event: 'resize', listener: () => void): unknown; off(event: 'resize', listener: () => void): unknown };
}

/** Ctrl-]: the escape telnet and ssh users know; everything else, Ctrl-C included, goes to the remote shell. */
export const ESCAPE_BYTE = 0x1d;

/**
 * Opens the shell WebSocket of action `id`. The token travels in the Authorization header of the
 * upgrade request (never the URL); over https the connection must present the pinned certificate.
 */
export async function openShellSocket(config: ClientConfig, client: XdrClient, id: string, handshakeTimeoutMs = config.timeoutMs): Promise<WebSocket> {
  const base = new URL(config.url.href);
  base.protocol = config.url.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${base.origin}${base.pathname.replace(/\/+$/, '')}/api/v1/responses/${encodeURIComponent(id)}/shell`;
  const host = config.url.hostname.replace(/^\[|\]$/g, '');
  const headers = { authorization: `Bearer ${config.token}` };
  let ws: WebSocket;
  if (config.url.protocol === 'https:') {
    const pem = await client.pinnedCertificate();
    const expected = config.fingerprint!;
    // ws hands these to https.request, whose checkServerIdentity returns an Error or undefined
    // (@types/ws declares a boolean); the fingerprint is checked again on this very connection.
    const tlsOptions: https.RequestOptions = {
      ca: [pem],
      rejectUnauthorized: true,
      ...(isIP(host) ? {} : { servername: host }),
      checkServerIdentity: (_hostname: string, cert: PeerCertificate) => (derFingerprint(cert.raw) === expected
        ? undefined
        : new ClientError('XDRCTL_FINGERPRINT_MISMATCH', `the server at ${config.url.host} no longer presents the pinned certificate; the token was not sent`)),
    };
    ws = new WebSocket(url, { headers, handshakeTimeout: handshakeTimeoutMs, perMessageDeflate: false, ...(tlsOptions as WebSocket.ClientOptions) });
  } else {
    ws = new WebSocket(url, { headers, handshakeTimeout: handshakeTimeoutMs, perMessageDeflate: false });
  }
  return new Promise<WebSocket>((resolve, reject) => {
    ws.once('open', () => { ws.removeAllListeners('error'); resolve(ws); });
    ws.once('unexpected-response', (_req, res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let code = `HTTP_${res.statusCode}`;
        let message = text.slice(0, 200) || `the collector refused the shell WebSocket with HTTP ${res.statusCode}`;
        try {
          const e = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
          if (e?.code) code = e.code;
          if (e?.message) message = e.message;
        } catch { /* not the API's JSON: keep the text */ }
        ws.terminate();
        reject(new ApiRequestError(res.statusCode ?? 0, code, message));
      });
    });
    ws.once('error', (err) => {
      reject(err instanceof ClientError ? err : new ClientError('XDRCTL_CONNECT', `shell WebSocket to ${config.url.origin} failed: ${err.message}`, { cause: err }));
    });
  });
}

export interface ShellOutcome {
  /** who ended it: the local user (Ctrl-]) or the collector (the remote shell exited, or the session was closed) */
  endedBy: 'escape' | 'remote';
  closeCode: number;
  closeReason: string;
}

/**
 * Connects `ws` to the local terminal until one side ends it. The terminal is put in raw mode for
 * the session and restored however it ends (remote exit, Ctrl-], a socket error, SIGTERM/SIGHUP).
 */
export async function runShellSession(ws: WebSocket, term: TerminalIo): Promise<ShellOutcome> {
  const { input, output } = term;
  const raw = !!input.isTTY && typeof input.setRawMode === 'function';
  let endedBy: ShellOutcome['endedBy'] = 'remote';

  const sendResize = () => {
    if (output.columns && output.rows && ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify({ type: 'resize', cols: output.columns, rows: output.rows }));
    }
  };
  const onInput = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const esc = bytes.indexOf(ESCAPE_BYTE);
    if (esc === -1) {
      ws.send(bytes, { binary: true });
      return;
    }
    if (esc > 0) ws.send(bytes.subarray(0, esc), { binary: true });
    endedBy = 'escape';
    ws.close(1000, 'closed by the user (Ctrl-])');
  };
  const onMessage = (data: WebSocket.RawData, isBinary: boolean) => {
    // Text messages are control messages from the collector (status, exit); only bytes reach the terminal.
    if (!isBinary) return;
    output.write(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));
  };
  const onSignal = () => { ws.close(1000, 'xdrctl was terminated'); };

  const restore = () => {
    input.off('data', onInput);
    output.off('resize', sendResize);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    if (raw) input.setRawMode!(false);
    input.pause();
  };

  try {
    if (raw) input.setRawMode!(true);
    input.on('data', onInput);
    input.resume();
    output.on('resize', sendResize);
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
    ws.on('message', onMessage);
    // input ending (a pipe, not a terminal) does not end the session: the remote shell decides.
    // events.once rejects if the socket emits 'error' first
    const [code, reason] = (await once(ws, 'close').catch((err: Error) => {
      ws.terminate();
      throw new ClientError('XDRCTL_CONNECT', `the shell WebSocket failed: ${err.message}`, { cause: err });
    })) as [number, Buffer];
    return { endedBy, closeCode: code, closeReason: reason.toString('utf8') };
  } finally {
    restore();
  }
}

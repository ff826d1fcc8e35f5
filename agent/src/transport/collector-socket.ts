// Opens the WebSocket to the collector with the pinned certificate, and encodes/decodes frames.
// Shared by enrollment and the long-running connection.
import type { LookupFunction } from 'node:net';
import { WebSocket, type ClientOptions, type RawData } from 'ws';
import { wire, type xdr } from '../../../proto/index.js';
import { AgentError } from '../errors.js';
import { pinnedTlsOptions } from './tls-pin.js';

/** Largest CollectorFrame the agent accepts (commands and shell data are small). */
const MAX_INBOUND_FRAME = 16 * 1024 * 1024;

/**
 * `lookup` replaces DNS for the collector's host name: an isolated host may not reach its resolver,
 * so the isolation answers with the addresses it allowed.
 */
export function openCollectorSocket(url: string, certPem: string, fingerprint: string, handshakeTimeoutMs: number, lookup?: LookupFunction): WebSocket {
  const options = {
    ...(lookup ? { lookup } : {}),
    ...pinnedTlsOptions(certPem, fingerprint),
    maxPayload: MAX_INBOUND_FRAME,
    perMessageDeflate: false,
    handshakeTimeout: handshakeTimeoutMs,
    followRedirects: false,
  } as unknown as ClientOptions; // ws types checkServerIdentity as boolean; Node's contract (Error | undefined) is what runs
  return new WebSocket(url, options);
}

export function encodeAgentFrame(frame: xdr.v1.IAgentFrame): Uint8Array {
  return wire.AgentFrame.encode(frame).finish();
}

export function decodeCollectorFrame(data: RawData, isBinary: boolean): xdr.v1.CollectorFrame {
  if (!isBinary) throw new AgentError('protocol_error', 'the collector sent a text frame; frames are binary protobuf');
  const buf = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  let frame: xdr.v1.CollectorFrame;
  try {
    frame = wire.CollectorFrame.decode(buf);
  } catch (err) {
    throw new AgentError('protocol_error', `the collector sent a frame that is not a CollectorFrame: ${(err as Error).message}`, { cause: err });
  }
  if (!frame.body) throw new AgentError('protocol_error', 'the collector sent an empty frame');
  return frame;
}

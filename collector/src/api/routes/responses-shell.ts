// The remote shell's WebSocket: GET /api/v1/responses/:id/shell upgraded. Binary messages carry
// terminal bytes both ways; a text message {"type":"resize","cols":N,"rows":N} resizes. Browsers
// cannot set headers on a WebSocket, so the token may come as the subprotocol
// `xdr-bearer.<token>` (bearerFromSubprotocol turns it into the Authorization header before
// authentication runs); it never travels in the URL. Offer `xdr-shell.v1` beside it and the
// server selects that, so the token is not echoed back.
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { ResponseService, ShellBridge, ShellViewer } from '../../response/index.js';
import { ResponseError } from '../../response/errors.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas.js';
import { callerOf, responseIdParams, viaService } from './responses-render.js';

export const SHELL_SUBPROTOCOL = 'xdr-shell.v1';
export const BEARER_SUBPROTOCOL_PREFIX = 'xdr-bearer.';
/** Largest message a viewer may send (keystrokes, a paste). */
export const SHELL_MAX_MESSAGE = 64 * 1024;

function offeredProtocols(request: FastifyRequest): string[] {
  const h = request.headers['sec-websocket-protocol'];
  return (Array.isArray(h) ? h.join(',') : h ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * onRequest hook, registered before authentication: a WebSocket upgrade without an
 * Authorization header but with an `xdr-bearer.<token>` subprotocol is authenticated by that token.
 */
export async function bearerFromSubprotocol(request: FastifyRequest): Promise<void> {
  if (request.headers.authorization || request.headers.upgrade?.toLowerCase() !== 'websocket') return;
  const offered = offeredProtocols(request).find((p) => p.startsWith(BEARER_SUBPROTOCOL_PREFIX));
  if (offered) request.headers.authorization = `Bearer ${offered.slice(BEARER_SUBPROTOCOL_PREFIX.length)}`;
}

/**
 * Registers @fastify/websocket. buildApi does it at the root before authentication, so that the
 * plugin's own hooks see every upgrade request, including those authentication refuses (their
 * sockets are then closed after the HTTP error instead of lingering).
 */
export async function registerWebsocket(app: FastifyInstance): Promise<void> {
  await app.register(websocket, {
    options: {
      maxPayload: SHELL_MAX_MESSAGE,
      perMessageDeflate: false,
      handleProtocols: (protocols: Set<string>) => {
        if (protocols.has(SHELL_SUBPROTOCOL)) return SHELL_SUBPROTOCOL;
        // a browser that offered only the bearer protocol must get one back, or it drops the connection
        return [...protocols].find((p) => p.startsWith(BEARER_SUBPROTOCOL_PREFIX)) ?? false;
      },
    },
  });
}

/** WebSocket close codes the bridge uses, besides 1000 (closed normally) and 1011 (agent gone). */
const CLOSE = { refused: 4403, busy: 4409, idle: 4408, badMessage: 4400 } as const;

interface ShellRouteOptions {
  responses?: ResponseService;
}

const responsesShellRoutes: FastifyPluginAsync<ShellRouteOptions> = async (app, { responses }) => {
  const service = (): ResponseService => {
    if (!responses) throw new ApiError('XDR_RESPONSE_UNAVAILABLE', 'this collector runs without the response service');
    return responses;
  };

  app.route<{ Params: { id: string } }>({
    method: 'GET',
    url: '/responses/:id/shell',
    config: { minRole: 'responder' },
    schema: {
      summary: 'The terminal of a shell action, as a WebSocket (upgrade required)',
      description: [
        'Upgrade to a WebSocket. Auth: `Authorization: Bearer` header, or (browsers) the subprotocols `xdr-shell.v1` and `xdr-bearer.<token>`; never the URL.',
        'Only the requester or an admin may attach, one viewer at a time, while the action is sent or running.',
        'Binary messages are terminal bytes both ways; a text message `{"type":"resize","cols":N,"rows":N}` resizes.',
        'Closing the socket closes the terminal on the host. Close codes: 1000 shell ended, 1011 agent disconnected, 4408 idle timeout, 4409 another viewer, 4400 bad message.',
        'A plain GET (no upgrade) answers 426.',
      ].join(' '),
      tags: ['response'],
      params: responseIdParams,
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: { 101: { description: 'Switching Protocols: the terminal', type: 'null' }, ...errorResponses },
    },
    // before the upgrade, so a refusal is a plain HTTP error the client can read
    preHandler: async (request) => {
      await viaService(service().checkShellAttach(request.params.id, callerOf(request)));
    },
    handler: async (_request: FastifyRequest, reply: FastifyReply) => {
      reply.code(426).header('upgrade', 'websocket');
      throw new ApiError('XDR_BAD_REQUEST', 'this route is a WebSocket: send an upgrade request (Connection: Upgrade, Upgrade: websocket)');
    },
    wsHandler: (socket: WebSocket, request: FastifyRequest<{ Params: { id: string } }>) => {
      const who = callerOf(request);
      const log = request.log.child({ actionId: request.params.id });
      const viewer: ShellViewer = {
        user: who.user,
        send: (data) => { if (socket.readyState === socket.OPEN) socket.send(data, { binary: true }); },
        close: (code, reason) => socket.close(code, reason),
      };
      let bridge: ShellBridge | null = null;
      const early: Array<[RawData, boolean]> = [];
      const onMessage = (data: RawData, isBinary: boolean) => {
        if (!bridge) return void early.push([data, isBinary]);
        const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        if (isBinary) return bridge.input(buf);
        let msg: { type?: unknown; cols?: unknown; rows?: unknown };
        try {
          msg = JSON.parse(buf.toString('utf8')) as typeof msg;
        } catch {
          return socket.close(CLOSE.badMessage, 'text messages must be JSON');
        }
        const ok = (v: unknown, min: number, max: number) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
        if (msg?.type !== 'resize' || !ok(msg.cols, 10, 1000) || !ok(msg.rows, 5, 1000)) {
          return socket.close(CLOSE.badMessage, 'text messages are {"type":"resize","cols":10-1000,"rows":5-1000}');
        }
        bridge.resize(msg.cols as number, msg.rows as number);
      };
      socket.on('message', onMessage);
      socket.on('close', () => {
        if (bridge) void service().detachShell(bridge, viewer, 'the responder closed the terminal').catch((err) => log.error({ err }, 'cannot record the shell detach'));
      });
      service().attachShell(request.params.id, who, viewer).then((b) => {
        bridge = b;
        log.info('responder attached to the shell');
        if (socket.readyState !== socket.OPEN) return void service().detachShell(b, viewer, 'the responder left before the shell was attached');
        for (const [d, bin] of early.splice(0)) onMessage(d, bin);
      }, (err: unknown) => {
        const busy = err instanceof ResponseError && err.code === 'XDR_SHELL_BUSY';
        log.info({ err: (err as Error).message }, 'shell attach refused');
        socket.close(busy ? CLOSE.busy : CLOSE.refused, (err as Error).message.slice(0, 120));
      });
    },
  });
};

export default responsesShellRoutes;

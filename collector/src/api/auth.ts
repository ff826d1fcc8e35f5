// Authentication and authorisation for every route. A route declares who may call it in its
// config (`minRole`: a role, or 'public'); a route that declares nothing fails at start-up, so a
// forgotten declaration can never become an open route. The token's user becomes the request's
// "who": `request.who`, and a child logger that carries the user.
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ROLES, type Role, type Store } from '../store/store.js';
import { ApiError } from './errors.js';
import { API_TOKEN_PATTERN, hashToken } from './tokens.js';

export type Access = Role | 'public';

export interface Principal {
  tokenId: string;
  user: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the least role that may call the route, or 'public' (no token needed) */
    minRole?: Access;
    /** no token needed when the caller is on a loopback address (GET /metrics) */
    openOnLoopback?: boolean;
  }
  interface FastifyRequest {
    /** the authenticated caller; null on public routes called without a token */
    who: Principal | null;
  }
}

const RANK: ReadonlyMap<Role, number> = new Map(ROLES.map((r, i) => [r, i]));

export function roleAtLeast(have: Role, need: Role): boolean {
  return (RANK.get(have) ?? -1) >= (RANK.get(need) ?? Infinity);
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** The principal's user name, for audit entries; only valid on routes that require a role. */
export function actorOf(request: FastifyRequest): string {
  if (!request.who) throw new Error(`route ${request.routeOptions.url} records an audit entry but has no authenticated caller`);
  return request.who.user;
}

async function authenticate(store: Store, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization;
  if (!header) {
    throw new ApiError('XDR_UNAUTHORIZED', 'missing Authorization header: send "Authorization: Bearer <token>" (xdr-collector token create makes one)');
  }
  const match = /^Bearer +(\S+)$/i.exec(header);
  if (!match) throw new ApiError('XDR_UNAUTHORIZED', 'Authorization header is not "Bearer <token>"');
  const token = match[1]!;
  if (!API_TOKEN_PATTERN.test(token)) {
    throw new ApiError('XDR_UNAUTHORIZED', 'bearer token is malformed: API tokens look like "xdr_" followed by 43 base64url characters');
  }
  const record = await store.findApiToken(hashToken(token));
  if (!record) throw new ApiError('XDR_UNAUTHORIZED', 'bearer token is not known to this collector');
  if (record.revokedAt !== null) {
    throw new ApiError('XDR_TOKEN_REVOKED', `bearer token ${record.id} of user "${record.user}" was revoked at ${new Date(record.revokedAt).toISOString()}`);
  }
  return { tokenId: record.id, user: record.user, role: record.role };
}

const authPlugin: FastifyPluginAsync<{ store: Store }> = async (app: FastifyInstance, { store }) => {
  app.decorateRequest('who', null);

  app.addHook('onRoute', (route) => {
    const access = route.config?.minRole;
    if (access === undefined) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no config.minRole: give it a role or 'public'`);
    }
    if (access !== 'public' && !RANK.has(access)) {
      throw new Error(`route ${String(route.method)} ${route.url} declares an unknown minRole "${String(access)}"`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const { minRole, openOnLoopback } = request.routeOptions.config;
    // undefined only for the not-found handler: every registered route declares its access.
    if (minRole === undefined || minRole === 'public') return;
    if (openOnLoopback && isLoopback(request.socket.remoteAddress) && !request.headers.authorization) return;
    const who = await authenticate(store, request);
    request.who = who;
    request.log = request.log.child({ user: who.user, role: who.role });
    if (!roleAtLeast(who.role, minRole)) {
      throw new ApiError('XDR_FORBIDDEN', `${request.method} ${request.routeOptions.url} needs role "${minRole}" or higher; user "${who.user}" has role "${who.role}"`);
    }
  });
};

// Hooks and the decorator must reach every route, so the plugin does not get its own scope
// (what fastify-plugin does, without taking a dependency for one symbol).
(authPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export default authPlugin;

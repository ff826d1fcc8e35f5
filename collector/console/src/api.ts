// The one way the console talks to the collector: the public REST API under /api/v1, with the
// bearer token kept in sessionStorage (never in a URL). Every failure becomes an ApiFailure that
// carries the API's stable error code and its message, so pages can say what went wrong.
const TOKEN_KEY = 'xdr.token';
const SESSION_KEY = 'xdr.session';

export type Role = 'viewer' | 'analyst' | 'responder' | 'admin';
const ROLES: Role[] = ['viewer', 'analyst', 'responder', 'admin'];

export interface Session {
  user: string;
  role: Role;
}

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function session(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw || !token()) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function can(s: Session | null, need: Role): boolean {
  return !!s && ROLES.indexOf(s.role) >= ROLES.indexOf(need);
}

const listeners = new Set<() => void>();
export function onSessionChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(SESSION_KEY);
  for (const fn of listeners) fn();
}

async function failure(res: Response): Promise<ApiFailure> {
  let code = `HTTP_${res.status}`;
  let message = `${res.status} ${res.statusText}`;
  try {
    const body = await res.json();
    if (body?.error?.code) {
      code = body.error.code;
      message = body.error.message || code;
    }
  } catch { /* not JSON: keep the status line */ }
  return new ApiFailure(res.status, code, message);
}

export async function request(path: string, init: RequestInit = {}, bearer = token()): Promise<Response> {
  const headers = new Headers(init.headers);
  if (bearer) headers.set('authorization', `Bearer ${bearer}`);
  if (init.body !== undefined && typeof init.body === 'string') headers.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { ...init, headers });
  } catch (err) {
    throw new ApiFailure(0, 'NETWORK', `the collector did not answer (${(err as Error).message}); is it running?`);
  }
  if (!res.ok) {
    const f = await failure(res);
    // a revoked or unknown token ends the session; the sign-in page says why
    if (res.status === 401 && bearer === token()) {
      sessionStorage.setItem('xdr.signout-reason', f.message);
      signOut();
    }
    throw f;
  }
  return res;
}

export async function get<T>(path: string): Promise<T> {
  return (await request(path)).json() as Promise<T>;
}

export async function send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** `?a=1&b=2` from the defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Signs in: checks the token and learns its user and role (GET /session). */
export async function signIn(candidate: string): Promise<Session> {
  const t = candidate.trim();
  const s = await (await request('/session', {}, t)).json() as Session;
  sessionStorage.setItem(TOKEN_KEY, t);
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
  for (const fn of listeners) fn();
  return s;
}

let openapi: Promise<Set<string>> | undefined;
/** Whether the collector has a route ("POST /api/v1/responses"), read from its OpenAPI document once. */
export async function hasRoute(method: string, path: string): Promise<boolean> {
  openapi ??= fetch('/api/v1/openapi.json').then(async (r) => {
    const doc = await r.json() as { paths: Record<string, Record<string, unknown>> };
    const out = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths ?? {})) for (const m of Object.keys(ops)) out.add(`${m.toUpperCase()} ${p}`);
    return out;
  }).catch(() => new Set<string>());
  return (await openapi).has(`${method.toUpperCase()} ${path}`);
}

/** Saves a response body (collected file, transcript, export) as a download, without a token in any URL. */
export async function download(path: string, init: RequestInit, fallbackName: string): Promise<void> {
  const res = await request(path, init);
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface AlertChange { type: 'alert'; id: string; status: string; score: number; updated_at: string }

/**
 * Reads GET /alerts/stream (server-sent events) with fetch, so that the token stays in the
 * Authorization header (EventSource cannot send one). Calls onReady once the collector confirms
 * the subscription and onChange for each alert change; resolves when the stream ends, rejects
 * when it fails. A stream silent for longer than `idleMs` (heartbeats come every 15 s) counts as failed.
 */
export async function streamAlerts(o: { signal: AbortSignal; onReady(): void; onChange(c: AlertChange): void; idleMs?: number }): Promise<void> {
  const idle = new AbortController();
  o.signal.addEventListener('abort', () => idle.abort(), { once: true });
  const res = await request('/alerts/stream', { signal: idle.signal, headers: { accept: 'text/event-stream' } });
  if (!res.body) throw new ApiFailure(0, 'NETWORK', 'the alert stream has no body');
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let timer = setTimeout(() => idle.abort(), o.idleMs ?? 45_000);
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(), o.idleMs ?? 45_000);
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
        if (!data) continue; // a comment (heartbeat) or retry hint
        const msg = JSON.parse(data) as { type: string };
        if (msg.type === 'ready') o.onReady();
        else if (msg.type === 'alert') o.onChange(msg as AlertChange);
      }
    }
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
  }
}

export interface AttackTechnique { id: string; name: string; full_name: string; tactics: string[] }
let attackNames: Promise<Map<string, AttackTechnique>> | undefined;
/** ATT&CK technique names (GET /attack/techniques), read once; an empty map when the collector has none. */
export function loadAttackNames(): Promise<Map<string, AttackTechnique>> {
  attackNames ??= get<{ techniques: AttackTechnique[] }>('/attack/techniques')
    .then((r) => new Map(r.techniques.map((t) => [t.id, t])))
    .catch(() => { attackNames = undefined; return new Map(); });
  return attackNames;
}

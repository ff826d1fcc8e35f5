// Serves the web console (collector/console, built by `npm run build` into build/console) at `/`:
// its files from memory with their content types, gzip when the browser takes it, long caching
// for the content-hashed assets and none for index.html, a Content-Security-Policy without
// inline scripts, and index.html for every other path outside the API (the console routes itself).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Scripts only from the collector itself (no inline script, no eval). Inline styles are allowed:
 * xterm.js and cytoscape set element styles at run time. Nothing may frame the console.
 */
export const CONSOLE_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

/** Paths that belong to the server, never to the console's fallback. */
const SERVER_PATHS = /^\/(api|healthz|metrics|install)(\/|$)/;

interface Asset { body: Buffer; gzip: Buffer | null; type: string; etag: string; immutable: boolean }

/** The built console: next to the bundled collector (build/console), or build/console of the checkout when run from source. */
export function findConsoleDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, 'console'), resolve(here, '../../../build/console')].find((d) => existsSync(join(d, 'index.html')));
}

function load(root: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) { walk(file); continue; }
      const body = readFileSync(file);
      const type = TYPES[extname(name)] ?? 'application/octet-stream';
      const compressible = /^(text\/|application\/json|image\/svg)/.test(type) && body.length > 1024;
      const url = `/${relative(root, file).split(sep).join('/')}`;
      assets.set(url, {
        body, type, gzip: compressible ? gzipSync(body, { level: 9 }) : null,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
        // Vite names everything under assets/ by its content hash
        immutable: url.startsWith('/assets/'),
      });
    }
  };
  walk(root);
  return assets;
}

const MISSING = `<!doctype html><meta charset="utf-8"><title>Open XDR</title>
<body style="font-family:sans-serif;background:#0b1118;color:#d8e1ec;padding:40px">
<h1>The web console is not built</h1><p>Run <code>npm run build</code> in the source tree; the API is at <a style="color:#4fb3ff" href="/api/v1/openapi.json">/api/v1</a>.</p>`;

const consoleStatic: FastifyPluginAsync<{ root?: string }> = async (app, opts) => {
  const root = opts.root ?? findConsoleDir();
  const assets = root && existsSync(join(root, 'index.html')) ? load(root) : new Map<string, Asset>();
  const index = assets.get('/index.html');
  if (!index) app.log.warn({ root }, 'web console not found: / answers with a page that says to build it');

  function send(request: FastifyRequest, reply: FastifyReply, a: Asset) {
    reply
      .header('content-type', a.type)
      .header('cache-control', a.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('etag', a.etag)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('vary', 'accept-encoding');
    if (a.type.startsWith('text/html')) reply.header('content-security-policy', CONSOLE_CSP).header('x-frame-options', 'DENY');
    if (request.headers['if-none-match'] === a.etag) return reply.code(304).send();
    if (a.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      return reply.header('content-encoding', 'gzip').send(a.gzip);
    }
    return reply.send(a.body);
  }

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    let path: string;
    try {
      path = decodeURIComponent(request.url.split('?')[0]!);
    } catch {
      throw new ApiError('XDR_BAD_REQUEST', `the path ${request.url.slice(0, 200)} is not valid percent-encoding`);
    }
    if (SERVER_PATHS.test(path)) throw new ApiError('XDR_NOT_FOUND', `no route ${request.method} ${path}; see /api/v1/openapi.json`);
    const asset = assets.get(path);
    if (asset) return send(request, reply, asset);
    // a missing hashed asset is a 404, not the app: a stale index.html must not get HTML as script
    if (path.startsWith('/assets/') || extname(path) !== '') {
      return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send(`not found: ${path}\n`);
    }
    if (!index) return reply.code(503).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(MISSING);
    return send(request, reply, index);
  };

  // Registered as HEAD-less GETs (fastify adds HEAD), public: the console's files hold no data;
  // everything it shows comes from the API with the user's token. Hidden from the OpenAPI document.
  const options = { config: { minRole: 'public' as const }, schema: { hide: true } };
  app.get('/', options, handler);
  app.get('/*', options, handler);
};

export default consoleStatic;

// The console's static server without a browser: content types, caching, gzip, the CSP, the SPA
// fallback, and that API paths keep their JSON 404s (fastify inject, a temporary build folder).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import consoleStatic, { CONSOLE_CSP } from '../../collector/src/api/console-static.js';
import errorHandlerPlugin from '../../collector/src/api/error-handler.js';

let app: FastifyInstance;
let missing: FastifyInstance;
const dir = mkdtempSync(join(tmpdir(), 'xdr-console-static-'));
const js = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;

beforeAll(async () => {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), js);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = fastify();
  await app.register(errorHandlerPlugin);
  await app.register(consoleStatic, { root: dir });
  missing = fastify();
  await missing.register(errorHandlerPlugin);
  await missing.register(consoleStatic, { root: join(dir, 'nothing-here') });
});

afterAll(async () => {
  await app.close();
  await missing.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('console static server', () => {
  it('serves index.html at / with the CSP and no caching', async () => {
    const r = await app.inject({ url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves hashed assets as immutable, gzipped when asked, and answers 304 to a matching etag', async () => {
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(js);
    const gz = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);
    const again = await app.inject({ url: '/assets/index-abc123.js', headers: { 'if-none-match': String(plain.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await app.inject({ url: '/favicon.svg' })).headers['content-type']).toBe('image/svg+xml');
  });

  it('answers console paths with index.html, missing files with 404, API paths with the JSON 404', async () => {
    const deep = await app.inject({ url: '/alerts/123?x=1' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('/assets/index-abc123.js');
    expect((await app.inject({ url: '/assets/gone.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/robots.txt' })).statusCode).toBe(404);
    for (const url of ['/api/v1/nope', '/api', '/healthz/x', '/metrics/x']) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code, url).toBe('XDR_NOT_FOUND');
    }
    expect((await app.inject({ url: '/%E0%A4%A' })).statusCode).toBe(400);
  });

  it('says how to build the console when it is missing', async () => {
    const r = await missing.inject({ url: '/' });
    expect(r.statusCode).toBe(503);
    expect(r.body).toContain('npm run build');
  });
});

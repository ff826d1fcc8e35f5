// Test fixtures for the API: a real SQLite store in a temporary directory, one token per role,
// enrolled agents and a known set of events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { CollectorMetrics } from '../../metrics.js';
import type { EcsEvent } from '../../pipeline/ecs.js';
import { openStore, type Role, type Store } from '../../store/index.js';
import { buildApi, type ApiDeps } from '../index.js';
import { createApiToken, hashToken } from '../tokens.js';

export interface Fixture {
  app: FastifyInstance;
  store: Store;
  tokens: Record<Role, string>;
  online: Set<string>;
  dir: string;
  close(): Promise<void>;
}

export async function makeFixture(extra: Partial<ApiDeps> = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'xdr-api-'));
  const store = openStore(dir);
  const online = new Set<string>();
  const tokens = {} as Record<Role, string>;
  for (const role of ['viewer', 'analyst', 'responder', 'admin'] as const) {
    tokens[role] = (await createApiToken(store, { user: `${role}-user`, role, actor: 'test' })).token;
  }
  const app = await buildApi({
    store,
    metrics: new CollectorMetrics(),
    presence: { isOnline: (id) => online.has(id) },
    log: pino({ level: 'silent' }),
    version: '0.0.0-test',
    ...extra,
  });
  return {
    app, store, tokens, online, dir,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const T0 = Date.parse('2024-05-01T12:00:00Z');

export async function enrollAgent(store: Store, id: string, hostname: string, withInventory = true): Promise<void> {
  const token = `enroll-${id}`;
  await store.createEnrollToken({ id: `et-${id}`, hash: hashToken(token), createdAt: T0, expiresAt: T0 + 86_400_000 * 3650, usesLeft: 1, createdBy: 'test' });
  const outcome = await store.enrollAgent(hashToken(token), {
    id, publicKey: Buffer.alloc(32, 7), hostname, inventory: null, version: '0.1.0', enrolledAt: T0,
  }, T0);
  if (!outcome.ok) throw new Error(`enroll failed: ${outcome.reason}`);
  if (withInventory) {
    await store.touchAgent(id, {
      at: T0 + 1000,
      version: '0.1.1',
      inventory: {
        hostId: `host-${id}`, hostname, osName: 'Debian GNU/Linux', osVersion: '12', osPlatform: 'linux',
        kernel: '6.1.0', arch: 'x64', ips: ['10.0.0.5', 'fe80::1'], macs: ['aa:bb:cc:dd:ee:ff'],
        cpuModel: 'Test CPU', cpuCores: 2, memoryBytes: 4_294_967_296, collectedAt: T0 + 1000,
      },
    });
  }
}

/** n events, one per second from T0: alternating curl/bash on web1/web2, pid 1000+i. */
export function syntheticEvents(n: number): EcsEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    '@timestamp': T0 + i * 1000,
    'event.kind': 'event',
    'event.category': 'process',
    'event.action': 'exec',
    'agent.id': 'agent-1',
    'host.name': i % 2 === 0 ? 'web1' : 'web2',
    'host.ip': ['10.0.0.5'],
    'process.pid': 1000 + i,
    'process.name': i % 2 === 0 ? 'curl' : 'bash',
    'process.args': i % 2 === 0 ? ['curl', '-s', `http://example.test/${i}`] : ['bash', '-c', 'id'],
    'process.command_line': i % 2 === 0 ? `curl -s http://example.test/${i}` : 'bash -c id',
  }));
}

export async function seedEvents(store: Store, events: EcsEvent[], batchSize = 50): Promise<void> {
  for (let seq = 0; seq * batchSize < events.length; seq++) {
    await store.commitBatches([{ agentId: 'agent-1', seq, events: events.slice(seq * batchSize, (seq + 1) * batchSize) }]);
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

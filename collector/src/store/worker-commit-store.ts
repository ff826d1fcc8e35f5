// A Store whose commitBatches runs in a worker thread (commit-worker.ts) on its own SQLite
// connection; every other method runs on the calling thread's connection (WAL lets readers and
// the one writer work side by side). The collector uses it; tests and one-shot CLI commands
// use SqliteStore directly.
import { Worker } from 'node:worker_threads';
import type { CommitReply } from './commit-worker.js';
import { StoreError, type StoreErrorCode } from './errors.js';
import { SqliteStore } from './sqlite-store.js';
import type { BatchToCommit, CommitOutcome, Store } from './store.js';

export function openWorkerCommitStore(file: string, workerScript: URL): Store {
  const store = SqliteStore.open(file); // migrates before the worker opens its connection
  const worker = new Worker(workerScript, { workerData: { file }, resourceLimits: { maxOldGenerationSizeMb: 256 } });
  const pending = new Map<number, { ok: (o: CommitOutcome[]) => void; fail: (e: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;

  const failAll = (err: Error) => {
    failure = err;
    for (const p of pending.values()) p.fail(err);
    pending.clear();
  };
  worker.on('message', (reply: CommitReply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if (!p) return;
    if ('outcomes' in reply) p.ok(reply.outcomes);
    else if (reply.error.code) p.fail(new StoreError(reply.error.code as StoreErrorCode, reply.error.message, reply.error.context));
    else p.fail(new Error(reply.error.message));
  });
  worker.on('error', (err) => failAll(new StoreError('STORE_WRITE_FAILED', `the store's commit worker failed: ${err.message}`, {}, { cause: err })));
  worker.on('exit', (code) => failAll(new StoreError('STORE_WRITE_FAILED', `the store's commit worker exited (code ${code})`)));

  const commitBatches = (batches: BatchToCommit[]): Promise<CommitOutcome[]> => {
    if (failure) return Promise.reject(failure);
    if (batches.length === 0) return Promise.resolve([]);
    const id = nextId++;
    return new Promise((ok, fail) => {
      pending.set(id, { ok, fail });
      worker.postMessage({ id, batches });
    });
  };
  const close = async (): Promise<void> => {
    worker.postMessage('close');
    await new Promise<void>((done) => worker.once('exit', () => done()));
    await store.close();
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'commitBatches') return commitBatches;
      if (prop === 'close') return close;
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

// Worker-thread entry (bundled as build/store-writer.mjs): owns the connection that commits
// agent batches, so the fsync of a group commit never blocks the thread that reads agents'
// sockets — while one group is being made durable, the next one accumulates.
import { parentPort, workerData } from 'node:worker_threads';
import { StoreError } from './errors.js';
import { SqliteStore } from './sqlite-store.js';
import type { BatchToCommit } from './store.js';

export interface CommitRequest {
  id: number;
  batches: BatchToCommit[];
}

export type CommitReply =
  | { id: number; outcomes: Awaited<ReturnType<SqliteStore['commitBatches']>> }
  | { id: number; error: { message: string; code?: string; context?: StoreError['context'] } };

const store = SqliteStore.open((workerData as { file: string }).file);
parentPort!.on('message', async (req: CommitRequest | 'close') => {
  if (req === 'close') {
    await store.close();
    parentPort!.close();
    return;
  }
  let reply: CommitReply;
  try {
    reply = { id: req.id, outcomes: await store.commitBatches(req.batches) };
  } catch (err) {
    reply = err instanceof StoreError
      ? { id: req.id, error: { message: err.message, code: err.code, context: err.context } }
      : { id: req.id, error: { message: (err as Error).message } };
  }
  parentPort!.postMessage(reply);
});

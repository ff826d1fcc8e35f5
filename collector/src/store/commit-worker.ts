// Worker-thread entry (bundled as build/store-writer.mjs): owns the connection that commits
// agent batches, so the fsync of a group commit never blocks the thread that reads agents'
// sockets — while one group is being made durable, the next one accumulates. When no commit
// has come for a moment it also catches up the substring search index: ingest has priority,
// and rows the index has not reached yet are still found by scanning.
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
const INDEX_CHUNK_ROWS = 2_000;
const INDEX_AFTER_IDLE_MS = 200;
let lastCommitAt = 0;
let indexing = false;
let closing = false;

async function catchUpSearchIndex(): Promise<void> {
  if (indexing || closing) return;
  indexing = true;
  try {
    while (!closing && Date.now() - lastCommitAt >= INDEX_AFTER_IDLE_MS) {
      if ((await store.indexSearchText(INDEX_CHUNK_ROWS)) === 0) break;
    }
  } catch (err) {
    process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), msg: 'search index catch-up failed; it retries', err: (err as Error).message })}\n`);
  } finally {
    indexing = false;
  }
}
const indexTimer = setInterval(catchUpSearchIndex, 1_000);

parentPort!.on('message', async (req: CommitRequest | 'close') => {
  if (req === 'close') {
    closing = true;
    clearInterval(indexTimer);
    while (indexing) await new Promise((r) => setTimeout(r, 10));
    await store.close();
    parentPort!.close();
    return;
  }
  lastCommitAt = Date.now();
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

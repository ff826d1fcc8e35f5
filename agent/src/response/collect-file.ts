// collect_file: streams one regular file to the collector in CommandResult chunks (RUNNING,
// chunk_offset, last_chunk on the final one) and returns its size, SHA-256 and metadata. At most
// a few chunks are in flight, so a 1 GiB file never sits in memory.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { wire } from '../../../proto/index.js';
import { LIMITS, type ActionParams, type ActionResults } from '../../../proto/command.js';
import { UserNames } from '../sensors/user-names.js';
import { ActionError, type ActionContext } from './context.js';

const IN_FLIGHT_CHUNKS = 4;
const users = new UserNames();

export async function collectFile(p: ActionParams['collect_file'], ctx: ActionContext): Promise<ActionResults['collect_file']> {
  const bound = Math.min(p.max_bytes ?? LIMITS.collectBytes.default, ctx.config.collect_max_bytes);
  let fh;
  try {
    // O_NONBLOCK: opening a FIFO must not hang the action; fstat below refuses it anyway.
    fh = await open(p.path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    throw new ActionError(`cannot open ${p.path}: ${(err as Error).message}`);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new ActionError(`${p.path} is not a regular file (${kind(st)}); only regular files are collected`);
    if (st.size > bound) {
      throw new ActionError(`${p.path} is ${st.size} bytes, over the bound of ${bound} bytes (params.max_bytes, at most response.collect_max_bytes ${ctx.config.collect_max_bytes} on this agent)`);
    }
    const hash = createHash('sha256');
    // Sends never reject here (an unawaited rejection would be unhandled); the first failure is kept.
    const inFlight: Promise<void>[] = [];
    let lost: string | undefined;
    let offset = 0;
    const send = (chunk: Buffer, last: boolean) => {
      const at = offset;
      inFlight.push(ctx.link.send({
        commandResult: { actionId: ctx.actionId, status: wire.CommandResult.Status.RUNNING, chunk, chunkOffset: at, lastChunk: last },
      }).catch((err: Error) => {
        lost ??= `the connection to the collector was lost while ${p.path} was streamed (at byte ${at} of ${st.size}): ${err.message}; collect it again`;
      }));
    };
    const check = () => {
      if (lost) throw new ActionError(lost);
    };
    // Read what stat saw, no more: a file that grows while it is read stays within the bound.
    for (;;) {
      if (ctx.signal.aborted) throw new ActionError('the agent stopped while the file was streamed');
      const want = Math.min(LIMITS.collectChunkBytes, st.size - offset);
      const buf = Buffer.allocUnsafe(Math.max(want, 0));
      const { bytesRead } = want > 0 ? await fh.read(buf, 0, want, offset) : { bytesRead: 0 };
      const chunk = buf.subarray(0, bytesRead);
      hash.update(chunk);
      const last = bytesRead === 0 || offset + bytesRead >= st.size;
      send(chunk, last);
      offset += bytesRead;
      if (inFlight.length >= IN_FLIGHT_CHUNKS) await inFlight.shift();
      check();
      if (last) break;
    }
    await Promise.all(inFlight);
    check();
    return {
      path: p.path, size: offset, sha256: hash.digest('hex'), mode: (st.mode & 0o7777).toString(8).padStart(4, '0'),
      uid: st.uid, gid: st.gid, owner: users.name(st.uid), mtime_ms: Math.round(st.mtimeMs),
    };
  } finally {
    await fh.close();
  }
}

function kind(st: { isDirectory(): boolean; isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

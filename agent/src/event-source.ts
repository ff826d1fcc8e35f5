// The seam between whatever produces events (the sensors, the synthetic load generator) and the
// transport that batches, spools and ships them. A source calls `emit` for each event and stops
// when asked; it never touches the network or the spool.
import type { xdr } from '../../proto/index.js';

export type Emit = (ev: xdr.v1.IEvent) => void;

/** A running source; what `startSensors` (agent/src/sensors) returns fits this shape. */
export interface EventSource {
  stop(): Promise<void>;
  /** what the source knows it missed (kernel overflow, full queues), reported in heartbeats */
  stats?(): { lost: number };
}

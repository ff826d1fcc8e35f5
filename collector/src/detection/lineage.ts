// Process lineage for correlation grouping (`group-by: [xdr.lineage]`). Remembers, in a bounded
// map, each process entity's parent and whether it is a boundary (init, sshd, cron, container
// shims: processes that start unrelated work). An event's lineage key is the entity id of the
// root-most known ancestor below the first boundary: one login session, one cron job, one
// service's tree. Bounded by two generations of half the cap each: when the young map fills,
// the old one is dropped whole (counted as evicted) — O(1), unlike deleting a Map's oldest key,
// which gets slower as deleted slots pile up at the front.
import type { EcsEvent } from '../pipeline/ecs.js';

export const DEFAULT_BOUNDARIES: readonly string[] = [
  'systemd', 'init', 'sshd', 'sshd-session', 'cron', 'crond', 'atd', 'anacron', 'containerd-shim',
  'containerd-shim-runc-v2', 'runc', 'conmon', 'dockerd', 'containerd', 'kthreadd', 'systemd-logind', 'login', 'agetty',
];

export interface LineageOptions {
  /** Entities remembered (default 100,000). */
  maxEntities?: number;
  /** Executable basenames that start unrelated work (default DEFAULT_BOUNDARIES). */
  boundaries?: readonly string[];
  /** Longest parent chain followed (default 64). */
  maxDepth?: number;
}

interface Entity {
  parent?: string;
  boundary: boolean;
  /** `rotations` when this entity's parent was last seen known: until the next rotation it stays known. */
  checked: number;
}

const basename = (p: unknown): string => {
  if (typeof p !== 'string' || p === '') return '';
  return p.slice(p.lastIndexOf('/') + 1);
};

export class LineageTracker {
  private young = new Map<string, Entity>();
  private old = new Map<string, Entity>();
  private readonly max: number;
  private readonly depth: number;
  private readonly boundaries: Set<string>;
  /** Times the old generation was dropped. */
  private rotations = 0;
  evicted = 0;

  constructor(opts: LineageOptions = {}) {
    this.max = opts.maxEntities ?? 100_000;
    this.depth = opts.maxDepth ?? 64;
    this.boundaries = new Set(opts.boundaries ?? DEFAULT_BOUNDARIES);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  private get(id: string): Entity | undefined {
    return this.young.get(id) ?? this.old.get(id);
  }

  private isBoundary(exe: unknown, name: unknown, pid: unknown): boolean {
    if (pid === 1) return true;
    const b = basename(exe) || (typeof name === 'string' ? name : '');
    return this.boundaries.has(b);
  }

  private put(id: string, e: Entity): void {
    if (this.young.size >= Math.max(1, this.max >> 1)) {
      this.evicted += this.old.size;
      this.rotations++;
      this.old = this.young;
      this.young = new Map();
    }
    this.old.delete(id);
    this.young.set(id, e);
  }

  /** Learns the event's process and parent. Called for every event before correlation. */
  observe(ev: EcsEvent): void {
    const id = ev['process.entity_id'];
    if (typeof id !== 'string') return;
    const parent = ev['process.parent.entity_id'];
    const parentId = typeof parent === 'string' ? parent : undefined;
    let known = this.get(id);
    // the common case, a process seen before with the same parent, costs one lookup: entities
    // leave only when a generation is dropped, so a parent known since the last rotation still is
    if (known && (!parentId || (known.parent === parentId && known.checked === this.rotations))) return;
    if (!known || (parentId && known.parent !== parentId)) {
      known = { parent: parentId ?? known?.parent, boundary: this.isBoundary(ev['process.executable'], ev['process.name'], ev['process.pid']), checked: -1 };
      this.put(id, known);
    }
    if (parentId && !this.get(parentId)) {
      this.put(parentId, { boundary: this.isBoundary(ev['process.parent.executable'], ev['process.parent.name'], ev['process.parent.pid']), checked: -1 });
    }
    known.checked = this.rotations;
  }

  /** The lineage key of an event's process ('' when the event names no process). */
  keyFor(ev: EcsEvent): string {
    const id = ev['process.entity_id'];
    return typeof id === 'string' ? this.rootOf(id) : '';
  }

  rootOf(id: string): string {
    let cur = id;
    for (let d = 0; d < this.depth; d++) {
      const e = this.get(cur);
      if (!e || e.boundary || !e.parent) return cur;
      const p = this.get(e.parent);
      if (!p || p.boundary) return cur;
      cur = e.parent;
    }
    return cur;
  }
}

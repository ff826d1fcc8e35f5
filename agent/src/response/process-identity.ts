// The entity id of a live process, computed exactly as the sensors compute it (ProcessTable:
// host id, pid, start time from /proc/PID/stat), so the collector's process.entity_id names the
// same process here; and the reverse search, from an entity id to its pid.
import { listPids, readBootTimeMs, readProcStat } from '../sensors/proc-fs.js';
import { ProcessTable } from '../sensors/process-table.js';

/** USER_HZ: 100 on every Linux architecture we ship (the sensors' default too). */
const CLOCK_TICKS = 100;

export class ProcessIdentity {
  private readonly table: ProcessTable;

  constructor(hostId: string, bootTimeMs = readBootTimeMs()) {
    this.table = new ProcessTable({ hostId, bootTimeMs, clockTicks: CLOCK_TICKS, agentPid: process.pid });
  }

  /** The entity id of the process that has `pid` now, or undefined when there is none. */
  entityIdOf(pid: number): string | undefined {
    const st = readProcStat(pid);
    if (!st || !Number.isFinite(st.startTicks)) return undefined;
    return this.table.entityId(pid, this.table.startTimeMs(st.startTicks));
  }

  /** The pid whose entity id is `entityId`, scanning /proc; the id's prefix (start time) narrows the search. */
  findPid(entityId: string): number | undefined {
    const startTimeMs = parseInt(entityId.slice(0, 9), 36);
    for (const pid of listPids()) {
      const st = readProcStat(pid);
      if (!st || this.table.startTimeMs(st.startTicks) !== startTimeMs) continue;
      if (this.table.entityId(pid, startTimeMs) === entityId) return pid;
    }
    return undefined;
  }
}

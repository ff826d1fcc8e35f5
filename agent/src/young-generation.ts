// Keeps V8's young generation at its initial size in the agent process. V8 doubles a semi-space
// whenever allocation is brisk, up to 16 MiB each (32-48 MiB resident with the from-space and
// the pages it does not give back), a large part of the agent's peak memory under an exec
// load. The agent's garbage is small and short-lived (one event's strings at a time), so a
// young generation that stays at its initial 1 MiB semi-space costs a few more scavenges (at
// 200 execs/s no CPU difference could be measured on the shared bench machine) and keeps the
// sensor process's peak RSS 6-13 MB lower there, more under bursts (the new space alone was
// 32 MiB after an exec burst, 2-4 MiB pinned).
// --max-semi-space-size is read only when V8 starts, which the agent does not control in every
// way it is run (node with the bundle, the single binary, systemd, the test harness); the growth
// factor is read each time new space would grow, so it takes effect when set from here.
import { setFlagsFromString } from 'node:v8';

const FLAGS_THAT_SIZE_IT = ['--max-semi-space-size', '--min-semi-space-size', '--semi-space-growth-factor'];

/**
 * Pins the young generation at its initial size, unless the process was started with a flag
 * that sizes it (an operator's choice wins). Returns whether it did.
 */
export function pinYoungGeneration(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((a) => FLAGS_THAT_SIZE_IT.some((f) => a.replace(/_/g, '-').startsWith(f)))) return false;
  setFlagsFromString('--semi-space-growth-factor=1');
  return true;
}

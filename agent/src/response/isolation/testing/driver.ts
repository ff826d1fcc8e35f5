// A test driver: one Isolation in a process of its own (started inside a network namespace by
// the end-to-end test and the benchmark), taking one JSON request per stdin line
// ({"op":"isolate","params":{...}} | {"op":"restore"} | {"op":"reapply"}) and answering one JSON
// line each ({"ok":true,"result":...,"ms":N} | {"ok":false,"error":"..."}).
// Usage: node driver.mjs STATE_DIR COLLECTOR_URL [VERIFY_TIMEOUT_MS]
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { Isolation } from '../index.js';

const [stateDir, collectorUrl, verifyMs] = process.argv.slice(2);
if (!stateDir || !collectorUrl) {
  process.stderr.write('usage: driver STATE_DIR COLLECTOR_URL [VERIFY_TIMEOUT_MS]\n');
  process.exit(2);
}
const isolation = new Isolation({
  stateDir, collectorUrl, log: pino({ level: 'info' }, pino.destination(2)),
  verifyTimeoutMs: verifyMs ? Number(verifyMs) : undefined,
});
const answer = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);
answer({ ready: true, isolated: isolation.isolated });
for await (const line of createInterface({ input: process.stdin })) {
  const req = JSON.parse(line) as { op: 'isolate' | 'restore' | 'reapply'; params?: object };
  const t0 = performance.now();
  try {
    const result = req.op === 'isolate' ? await isolation.isolate(req.params ?? {})
      : req.op === 'restore' ? await isolation.restore()
        : await isolation.reapply();
    answer({ ok: true, result: result ?? null, ms: performance.now() - t0, isolated: isolation.isolated });
  } catch (err) {
    answer({ ok: false, error: (err as Error).message, ms: performance.now() - t0, isolated: isolation.isolated });
  }
}

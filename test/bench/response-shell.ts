// Shell keystroke round trip, the part of bench:response that measures the remote terminal: a
// real collector and agent on loopback, a `shell` action, and its WebSocket the way xdrctl opens
// it. One byte goes in; the clock stops when the terminal's echo of it comes back, the whole way
// through API -> collector -> agent -> pty and back. Target: p50 under 50 ms.
import WebSocket from 'ws';
import { api, enrollAgent, pinnedCa, startAgent, startCollector, tempDir, waitFor, type CollectorProcess } from '../e2e/harness.js';

export interface ShellRoundTrip {
  samples: number;
  p50_ms: number;
  p99_ms: number;
  min_ms: number;
  max_ms: number;
  /** every sample, in the order taken */
  times_ms: number[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Opens a shell on `agentId` and times `samples` keystrokes. The shell first becomes
 * `cat >/dev/null`, so what comes back for a byte is the terminal's own echo of it and nothing
 * else (no prompt, no line editor redrawing the line).
 */
export async function benchShellKeystroke(c: CollectorProcess, agentId: string, samples = 200, token = c.adminToken!): Promise<ShellRoundTrip> {
  const created = await api(c, '/api/v1/responses', { method: 'POST', token, body: { agent_id: agentId, action: 'shell', reason: 'bench:response keystroke round trip' } });
  if (created.status !== 201) throw new Error(`POST /responses (shell) -> ${created.status} ${JSON.stringify(created.body)}`);
  const id: string = created.body.id;
  await waitFor(`shell ${id} running`, async () => {
    const a = (await api(c, `/api/v1/responses/${id}`, { token })).body;
    if (['failed', 'expired', 'cancelled', 'succeeded'].includes(a.status)) throw new Error(`the shell ended before it opened: ${a.status} ${a.error}`);
    return a.status === 'running';
  }, 30_000, 50);

  const url = `${c.apiUrl.replace(/^https:/, 'wss:').replace(/\/+$/, '')}/api/v1/responses/${id}/shell`;
  const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` }, ca: [pinnedCa(c)], checkServerIdentity: () => undefined, perMessageDeflate: false } as unknown as WebSocket.ClientOptions);
  await new Promise<void>((ok, fail) => { ws.once('open', () => ok()); ws.once('error', fail); ws.once('unexpected-response', (_q, r) => fail(new Error(`shell WebSocket refused: HTTP ${r.statusCode}`))); });

  let waiting: { byte: number; resolve: (t: number) => void } | undefined;
  let received = 0;
  ws.on('message', (data: Buffer, binary) => {
    if (!binary) return;
    received += data.length;
    if (waiting && data.includes(waiting.byte)) {
      const w = waiting;
      waiting = undefined;
      w.resolve(performance.now());
    }
  });
  const quiet = async (ms: number) => {
    // wait until the terminal has said nothing for `ms`
    let last = -1;
    while (last !== received) { last = received; await new Promise((r) => setTimeout(r, ms)); }
  };
  ws.send(Buffer.from('exec cat >/dev/null\r'), { binary: true });
  await quiet(300);

  const times: number[] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < samples; i++) {
    if (i > 0 && i % 50 === 0) { ws.send(Buffer.from('\r'), { binary: true }); await quiet(30); }
    const byte = letters.charCodeAt(i % letters.length);
    const echoed = new Promise<number>((resolve, reject) => {
      waiting = { byte, resolve };
      setTimeout(() => reject(new Error(`no echo of keystroke ${i} within 5 s`)), 5000).unref();
    });
    const t0 = performance.now();
    ws.send(Buffer.from([byte]), { binary: true });
    times.push((await echoed) - t0);
  }
  // Ctrl-D on an empty line ends cat, and with it the shell (exec'd): the session closes normally
  ws.send(Buffer.from('\r\u0004'), { binary: true });
  await Promise.race([new Promise((r) => ws.once('close', r)), new Promise((r) => setTimeout(r, 5000))]);
  ws.terminate();

  const sorted = [...times].sort((a, b) => a - b);
  return { samples: times.length, p50_ms: round(percentile(sorted, 0.5)), p99_ms: round(percentile(sorted, 0.99)), min_ms: round(sorted[0]!), max_ms: round(sorted.at(-1)!), times_ms: times };
}

/** A collector and a sensorless agent of its own on loopback, the measurement; everything stopped after. */
export async function runShellBench(samples = 200): Promise<ShellRoundTrip> {
  const c = await startCollector(tempDir('bench-shell'));
  let agent: ReturnType<typeof startAgent> | undefined;
  try {
    const state = tempDir('bench-shell-agent');
    const agentId = await enrollAgent(c, state);
    agent = startAgent(state, ['--no-sensors', '--log-level', 'warn']);
    await waitFor('the agent online', async () => (await api(c, '/api/v1/agents')).body.find((a: { id: string; online: boolean }) => a.id === agentId && a.online), 30_000);
    return await benchShellKeystroke(c, agentId, samples);
  } finally {
    await agent?.stop();
    await c.stop();
  }
}

// run on its own (node scripts/run-ts.mjs test/bench/response-shell.ts [SAMPLES]); bundled into
// response.ts, import.meta.url would be that bundle's, so the entry is recognised by its name
if (/response-shell\.(mjs|ts)$/.test(process.argv[1] ?? '')) {
  const n = Number(process.argv[2] ?? 200);
  const r = await runShellBench(Number.isSafeInteger(n) && n > 0 ? n : 200);
  console.log(`shell keystroke round trip (loopback, ${r.samples} samples): p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms (min ${r.min_ms}, max ${r.max_ms}); target p50 < 50 ms: ${r.p50_ms < 50 ? 'met' : 'NOT met'}`);
}

// npm run bench:ingest -- [--agents 100] [--seconds 30] [--batch 500] [--window 4]
// N protocol-level agents over real TLS WebSockets on loopback against one collector process
// (fresh SQLite store). Prints committed events/s (acked, i.e. fsynced), ack latency p50/p99
// and the collector's RSS over time. The load generator runs in this process and pre-encodes
// its batches so that it takes as little CPU from the collector as possible.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import protobuf from 'protobufjs/minimal.js';
import { wire } from '../../proto/index.js';
import { BIN, api, runOk, startCollector, tempDir } from '../e2e/harness.js';
import { enrollRaw, helloRaw, syntheticEvent, type RawAgent } from '../e2e/raw-agent.js';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '100' }, seconds: { type: 'string', default: '30' },
    batch: { type: 'string', default: '500' }, window: { type: 'string', default: '4' },
  },
});
const AGENTS = Number(values.agents), SECONDS = Number(values.seconds), BATCH = Number(values.batch), WINDOW = Number(values.window);

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** AgentFrame{batch{seq, events}} from events encoded once: only the seq varies per batch. */
function frameEncoder(eventsOnly: Uint8Array): (seq: number) => Uint8Array {
  return (seq) => {
    const batch = protobuf.Writer.create().uint32(8).uint64(seq).finish();
    const body = Buffer.concat([batch, eventsOnly]);
    return Buffer.concat([protobuf.Writer.create().uint32((3 << 3) | 2).uint32(body.length).finish(), body]);
  };
}

async function main(): Promise<void> {
  const c = await startCollector(tempDir('bench-ingest'), ['--log-level', 'warn']);
  const cert = readFileSync(join(c.dataDir, 'tls', 'collector.crt'), 'utf8');
  const token = JSON.parse(await runOk(BIN.collector, ['enroll-token', 'create', '--data', c.dataDir, '--uses', String(AGENTS), '--json'])).token;
  const agents: RawAgent[] = [];
  for (let i = 0; i < AGENTS; i++) {
    const id = await enrollRaw(c.agentUrl, cert, token, `bench-${i}`);
    agents.push(await helloRaw(c.agentUrl, cert, id, `bench-${i}`));
  }
  const events = wire.EventBatch.encode({ events: Array.from({ length: BATCH }, (_, n) => syntheticEvent(n, 'bench')) }).finish();
  const encode = frameEncoder(events);
  console.log(`${AGENTS} agents online; batch ${BATCH} events (${events.length} bytes); window ${WINDOW} batches per agent; ${SECONDS} s`);

  const latencies: number[] = [];
  let acked = 0;
  let stopping = false;
  const rss: number[] = [];
  const started = Date.now();
  await Promise.all(agents.map(async (agent) => {
    const sentAt = new Map<number, number>();
    let seq = 0;
    const pump = () => {
      while (!stopping && sentAt.size < WINDOW) {
        seq++;
        sentAt.set(seq, performance.now());
        agent.send(encode(seq));
      }
    };
    agent.ws.removeAllListeners('message');
    await new Promise<void>((done) => {
      agent.ws.on('message', (data: Buffer) => {
        const f = wire.CollectorFrame.decode(data);
        if (f.body !== 'ack') return;
        const t = sentAt.get(Number(f.ack!.seq));
        sentAt.delete(Number(f.ack!.seq));
        if (t !== undefined) { latencies.push(performance.now() - t); acked += BATCH; }
        if (stopping && sentAt.size === 0) done();
        else pump();
      });
      agent.ws.on('close', () => done());
      pump();
      const sampler = setInterval(() => rss.push(rssMb(c.proc.pid!)), 1000);
      setTimeout(() => { stopping = true; clearInterval(sampler); if (sentAt.size === 0) done(); }, SECONDS * 1000);
    });
  }));
  const elapsed = (Date.now() - started) / 1000;
  const metrics = (await api<string>(c, '/metrics')).body;
  const committed = Number(/xdr_events_committed_total (\d+)/.exec(metrics)?.[1] ?? 0);
  const paused = Number(/xdr_pipeline_backpressure_total (\d+)/.exec(metrics)?.[1] ?? 0);
  latencies.sort((a, b) => a - b);
  const rssSamples = rss.filter((_, i) => i % Math.max(1, Math.floor(rss.length / 6)) === 0).map((x) => x.toFixed(0));
  console.log('');
  console.log('| agents | batch | seconds | committed events | committed events/s | ack p50 ms | ack p99 ms | collector peak RSS MB | RSS over time MB | backpressure pauses |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  console.log(`| ${AGENTS} | ${BATCH} | ${elapsed.toFixed(1)} | ${committed} | ${Math.round(acked / elapsed)} | ${pct(latencies, 50).toFixed(1)} | ${pct(latencies, 99).toFixed(1)} | ${Math.max(...rss).toFixed(0)} | ${rssSamples.join(' → ')} | ${paused} |`);
  for (const a of agents) a.close();
  await c.stop();
}

main().catch((err) => { console.error(err); process.exit(1); });

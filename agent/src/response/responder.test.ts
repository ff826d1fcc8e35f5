// The response side inside a running agent: signed Command frames over the real TLS WebSocket
// (the collector stand-in), results and shell data coming back, refusals, the concurrency bound,
// and final results that survive a disconnect or a restart in the outbox.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wire, type xdr } from '../../../proto/index.js';
import type { ActionResults } from '../../../proto/command.js';
import { Agent, type AgentConfig } from '../agent.js';
import { FakeCollector } from '../testing/fake-collector.js';
import { defaultResponseConfig, parseResponseConfig } from './config.js';
import { ProcessIdentity } from './process-identity.js';
import { Responder } from './responder.js';
import { commandKeys, enrollWithTestCommandKey, RecordingLink, responseSocket, signedCommand, type CommandKeys } from './testing/commands.js';

const log = pino({ level: 'silent' });
const { RUNNING, SUCCEEDED, FAILED, REFUSED } = wire.CommandResult.Status;
let fc: FakeCollector;
let root: string;
let state: string;
let agentId: string;
let keys: CommandKeys;
const running: Agent[] = [];
/** what the agent sent back, across connections */
let received: xdr.v1.IAgentFrame[];
/** The stand-in's live agent socket, with the agent's response frames recorded. */
function agentSocket(): WebSocket {
  return responseSocket(fc, (f) => received.push(f));
}

function send(frame: xdr.v1.ICollectorFrame): void {
  agentSocket().send(wire.CollectorFrame.encode(frame).finish());
}

const results = (actionId: string) => received.filter((f) => f.commandResult?.actionId === actionId).map((f) => f.commandResult!);
const final = (actionId: string) => results(actionId).find((r) => r.status !== RUNNING);
const json = <T>(r: xdr.v1.ICommandResult | undefined) => JSON.parse(Buffer.from(r!.resultJson!).toString()) as T;

async function start(extra: Partial<AgentConfig> = {}): Promise<Agent> {
  const agent = await Agent.start({
    stateDir: state, log, durable: false,
    connection: { backoff: { baseMs: 20, capMs: 100, jitter: 'full' }, healthyAfterMs: 0 },
    ...extra,
  });
  running.push(agent);
  await fc.until(() => agent.connection.status.state === 'online', 5_000, 'online');
  agentSocket();
  return agent;
}

async function stop(agent: Agent): Promise<void> {
  running.splice(running.indexOf(agent), 1);
  await agent.stop();
}

async function finalOf(actionId: string, timeoutMs = 10_000): Promise<xdr.v1.ICommandResult> {
  await fc.until(() => final(actionId) !== undefined, timeoutMs, `the result of ${actionId}`);
  return final(actionId)!;
}

beforeEach(async () => {
  received = [];
  fc = await FakeCollector.start();
  root = mkdtempSync(join(tmpdir(), 'xdr-response-'));
  state = join(root, 'state');
  ({ agentId, keys } = await enrollWithTestCommandKey(fc, state));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.stop()));
  await fc.close();
  rmSync(root, { recursive: true, force: true });
});

describe('response in a running agent', () => {
  it('collects a file over the connection: RUNNING, chunks that reassemble to its SHA-256, SUCCEEDED', async () => {
    await start();
    const file = join(root, 'evidence.bin');
    const data = randomBytes(700_000);
    writeFileSync(file, data);
    const cmd = signedCommand(keys.privateKey, agentId, 'collect_file', { path: file });
    send({ command: cmd });
    const done = await finalOf(cmd.actionId!);
    const all = results(cmd.actionId!);
    expect(all[0]).toMatchObject({ status: RUNNING });
    expect(all[0].chunk?.length ?? 0).toBe(0);
    const chunks = all.filter((r) => r.chunk && r.chunk.length > 0);
    expect(chunks.at(-1)!.lastChunk).toBe(true);
    const whole = Buffer.concat(chunks.sort((a, b) => Number(a.chunkOffset) - Number(b.chunkOffset)).map((c) => Buffer.from(c.chunk!)));
    const sha = createHash('sha256').update(data).digest('hex');
    expect(createHash('sha256').update(whole).digest('hex')).toBe(sha);
    expect(done.status).toBe(SUCCEEDED);
    expect(json<ActionResults['collect_file']>(done)).toMatchObject({ path: file, size: data.length, sha256: sha });
    expect(all.at(-1)).toBe(done);
  });

  it('refuses unsigned, other-agent and replayed commands, the replay even after a restart', async () => {
    let agent = await start();
    const unsigned = { ...signedCommand(keys.privateKey, agentId, 'restore'), signature: undefined };
    send({ command: unsigned });
    expect(await finalOf(unsigned.actionId!)).toMatchObject({ status: REFUSED, error: 'refused: the command is not signed' });
    const other = signedCommand(keys.privateKey, 'another-agent', 'restore');
    send({ command: other });
    expect((await finalOf(other.actionId!)).error).toMatch(/^refused: the command is meant for agent "another-agent"/);

    const cmd = signedCommand(keys.privateKey, agentId, 'run_script', { interpreter: 'sh', script: 'echo once' });
    send({ command: cmd });
    expect(json<ActionResults['run_script']>(await finalOf(cmd.actionId!)).stdout).toBe('once\n');
    expect(agent.responder.refused).toBe(2);

    await stop(agent);
    received = [];
    agent = await start();
    send({ command: cmd });
    expect(await finalOf(cmd.actionId!)).toMatchObject({ status: REFUSED, error: `refused: replay: action ${cmd.actionId} was already received by this agent` });
    expect(results(cmd.actionId!)).toHaveLength(1); // no RUNNING: it never ran
  });

  it("refuses what the agent's policy refuses, naming the file", async () => {
    await start({ response: parseResponseConfig({ refuse: ['shell'] }), responsePolicySource: '/etc/xdr-agent/agent.yaml' });
    const cmd = signedCommand(keys.privateKey, agentId, 'shell', {});
    send({ command: cmd });
    expect(await finalOf(cmd.actionId!)).toMatchObject({
      status: REFUSED, error: "refused: shell is refused by this agent's policy (response.refuse in /etc/xdr-agent/agent.yaml)",
    });
  });

  it('kills a process by the entity id the sensors report for it (same host id)', async () => {
    await start();
    const hostId = fc.hellos[0].hello.inventory!.hostId!;
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    await new Promise((r) => child.once('spawn', r));
    const exited = new Promise((r) => child.once('exit', (_c, s) => r(s)));
    const entityId = new ProcessIdentity(hostId).entityIdOf(child.pid!)!;
    const wrong = signedCommand(keys.privateKey, agentId, 'kill_process', { entity_id: new ProcessIdentity('x').entityIdOf(child.pid!)!, pid: child.pid });
    send({ command: wrong });
    expect(await finalOf(wrong.actionId!)).toMatchObject({ status: FAILED, error: expect.stringMatching(/now belongs to another process.*nothing was signalled/) });
    const cmd = signedCommand(keys.privateKey, agentId, 'kill_process', { entity_id: entityId });
    send({ command: cmd });
    expect(json(await finalOf(cmd.actionId!))).toEqual({ pid: child.pid, entity_id: entityId, signal: 'SIGKILL' });
    expect(await exited).toBe('SIGKILL');
  });

  it('opens a shell multiplexed over the connection: input, output, resize, close', async () => {
    await start();
    const cmd = signedCommand(keys.privateKey, agentId, 'shell', { cols: 90, rows: 20 });
    send({ command: cmd });
    await fc.until(() => results(cmd.actionId!).some((r) => r.status === RUNNING), 5_000, 'RUNNING');
    const out = () => Buffer.concat(received.filter((f) => f.shellData?.actionId === cmd.actionId && f.shellData?.data).map((f) => Buffer.from(f.shellData!.data!))).toString();
    send({ shellData: { actionId: cmd.actionId, data: Buffer.from('id; stty size\n') } });
    await fc.until(() => /uid=\d+/.test(out()) && out().includes('20 90'), 10_000, 'id output');
    send({ shellData: { actionId: cmd.actionId, closed: true } });
    const done = await finalOf(cmd.actionId!);
    expect(done.status).toBe(SUCCEEDED);
    expect(json<ActionResults['shell']>(done)).toMatchObject({ reason: 'closed by the responder' });
    const closedAt = received.findIndex((f) => f.shellData?.actionId === cmd.actionId && f.shellData?.closed);
    expect(closedAt).toBeGreaterThan(-1);
    expect(closedAt).toBeLessThan(received.findIndex((f) => f.commandResult === done));
    // input for a terminal that no longer exists is answered with closed=true
    const before = received.length;
    send({ shellData: { actionId: cmd.actionId, data: Buffer.from('ls\n') } });
    await fc.until(() => received.slice(before).some((f) => f.shellData?.closed), 5_000, 'closed reply');
  });

  it('refuses beyond max_concurrent actions, without consuming the action id', async () => {
    const agent = await start({ response: parseResponseConfig({ max_concurrent: 2 }) });
    const slow = () => signedCommand(keys.privateKey, agentId, 'run_script', { interpreter: 'sh', script: 'sleep 1' });
    const [a, b, c] = [slow(), slow(), slow()];
    for (const cmd of [a, b, c]) send({ command: cmd });
    expect(await finalOf(c.actionId!)).toMatchObject({ status: REFUSED, error: expect.stringMatching(/^refused: 2 actions already run on this agent \(response.max_concurrent 2\)/) });
    expect(agent.responder.refusals.busy).toBe(1);
    expect((await finalOf(a.actionId!)).status).toBe(SUCCEEDED);
    await finalOf(b.actionId!);
    received = [];
    send({ command: c }); // the same signed command, now that there is room
    expect((await finalOf(c.actionId!)).status).toBe(SUCCEEDED);
  });

  it('delivers the result of an action that finished while disconnected on the next session', async () => {
    const agent = await start();
    const cmd = signedCommand(keys.privateKey, agentId, 'run_script', { interpreter: 'sh', script: 'sleep 1; echo finished' });
    send({ command: cmd });
    await fc.until(() => results(cmd.actionId!).length > 0, 5_000, 'RUNNING');
    // the agent may be offline for less than a poll of its state: record the transitions instead
    let wentOffline = false;
    const off = agent.connection.onStatus((st) => { if (st.state !== 'online') wentOffline = true; });
    fc.dropAll();
    await fc.until(() => wentOffline, 5_000, 'offline');
    off();
    await fc.until(() => agent.connection.status.state === 'online' && fc.online > 0, 10_000, 'online again');
    agentSocket();
    const done = await finalOf(cmd.actionId!);
    expect(json<ActionResults['run_script']>(done).stdout).toBe('finished\n');
    await fc.until(() => agent.responder.outbox.size === 0, 2_000, 'empty outbox');
  });
});

describe('outbox across a restart', () => {
  it('keeps a final result produced offline and sends it after the agent restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xdr-outbox-'));
    try {
      const keys2 = commandKeys();
      const make = (link: RecordingLink) => new Responder({
        agentId: 'agent-1', hostId: 'h', commandPublicKey: keys2.publicBase64, stateDir: dir, config: defaultResponseConfig(), policySource: 'x', log, link,
      });
      const offline = new RecordingLink();
      offline.online = false;
      const first = make(offline);
      const cmd = signedCommand(keys2.privateKey, 'agent-1', 'run_script', { interpreter: 'sh', script: 'echo kept' });
      first.onCommand(cmd);
      await offline.until(() => first.running === 0 && first.outbox.size === 1, 5_000, 'result in the outbox');
      await first.stop();

      const link = new RecordingLink();
      const second = make(link); // a restarted agent
      expect(second.outbox.size).toBe(1);
      second.online();
      await link.until(() => link.results(cmd.actionId!).length === 1, 5_000, 'delivery');
      const r = link.results(cmd.actionId!)[0];
      expect(r.status).toBe(SUCCEEDED);
      expect(json<ActionResults['run_script']>(r).stdout).toBe('kept\n');
      await link.until(() => second.outbox.size === 0, 2_000, 'empty outbox');
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

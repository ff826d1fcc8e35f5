// The built agent (build/xdr-agent.mjs, a real process) answering signed commands: its agent.yaml
// `response:` policy reaches the dispatcher through the command line, node-pty loads from the
// bundle, and a shell still open at SIGTERM is reported after the restart.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wire, type xdr } from '../../proto/index.js';
import { enrollWithTestCommandKey, responseSocket, signedCommand, type CommandKeys } from '../../agent/src/response/testing/commands.js';
import { FakeCollector } from '../../agent/src/testing/fake-collector.js';
import { sensorlessAgentConfig, startAgent, type AgentProcess } from './harness.js';

const { RUNNING, SUCCEEDED, FAILED, REFUSED } = wire.CommandResult.Status;
let fc: FakeCollector;
let root: string;
let state: string;
let config: string;
let agentId: string;
let keys: CommandKeys;
let agent: AgentProcess | undefined;
let received: xdr.v1.IAgentFrame[];
function socket(): WebSocket {
  return responseSocket(fc, (f) => received.push(f));
}

const send = (frame: xdr.v1.ICollectorFrame) => socket().send(wire.CollectorFrame.encode(frame).finish());
const final = (id: string) => received.find((f) => f.commandResult?.actionId === id && f.commandResult.status !== RUNNING)?.commandResult;

/** Waits for the agent's next Hello (one more than `before`). */
async function online(before = 0): Promise<void> {
  await fc.until(() => fc.online > 0 && fc.hellos.length > before, 20_000, 'the agent online');
  await new Promise((r) => setTimeout(r, 100)); // Welcome sent; let the agent process it
  socket();
}

async function finalOf(id: string): Promise<xdr.v1.ICommandResult> {
  await fc.until(() => final(id) !== undefined, 15_000, `the result of ${id}`);
  return final(id)!;
}

beforeEach(async () => {
  received = [];
  fc = await FakeCollector.start();
  root = mkdtempSync(join(tmpdir(), 'xdr-e2e-response-'));
  state = join(root, 'state');
  ({ agentId, keys } = await enrollWithTestCommandKey(fc, state));
  config = join(root, 'agent.yaml');
  writeFileSync(config, sensorlessAgentConfig(['refuse: [run_script]', 'shell: /bin/sh']));
});

afterEach(async () => {
  await agent?.stop();
  agent = undefined;
  await fc.close();
  rmSync(root, { recursive: true, force: true });
});

describe('xdr-agent run: response', () => {
  it("applies agent.yaml's response policy and opens a shell through the bundled node-pty", async () => {
    agent = startAgent(state, ['--config', config]);
    await online();
    const script = signedCommand(keys.privateKey, agentId, 'run_script', { interpreter: 'sh', script: 'id' });
    send({ command: script });
    expect(await finalOf(script.actionId!)).toMatchObject({ status: REFUSED, error: `refused: run_script is refused by this agent's policy (response.refuse in ${config})` });

    const shell = signedCommand(keys.privateKey, agentId, 'shell', {});
    send({ command: shell });
    const out = () => Buffer.concat(received.filter((f) => f.shellData?.actionId === shell.actionId && f.shellData?.data).map((f) => Buffer.from(f.shellData!.data!))).toString();
    send({ shellData: { actionId: shell.actionId, data: Buffer.from('echo "shell=$0"; id\n') } });
    await fc.until(() => /uid=\d+/.test(out()), 15_000, 'id output');
    expect(out()).toMatch(/shell=(-?\/bin\/)?sh/);
    send({ shellData: { actionId: shell.actionId, data: Buffer.from('exit\n') } });
    const done = await finalOf(shell.actionId!);
    expect(done.status).toBe(SUCCEEDED);
    expect(JSON.parse(Buffer.from(done.resultJson!).toString())).toMatchObject({ exit_code: 0, reason: 'the shell exited with code 0' });
  });

  it('ends an open shell at SIGTERM and reports it (from the outbox when needed) after the restart', async () => {
    agent = startAgent(state, ['--config', config]);
    await online();
    const shell = signedCommand(keys.privateKey, agentId, 'shell', {});
    send({ command: shell });
    await fc.until(() => received.some((f) => f.commandResult?.actionId === shell.actionId), 10_000, 'RUNNING');
    await agent.stop();
    const hellos = fc.hellos.length;
    agent = startAgent(state, ['--config', config]);
    await online(hellos);
    const done = await finalOf(shell.actionId!);
    expect(done).toMatchObject({ status: FAILED, error: 'shell closed: the agent stopped' });
    await fc.until(() => received.filter((f) => f.commandResult?.actionId === shell.actionId && f.commandResult?.status === FAILED).length >= 1, 1_000, 'one final result');
  });
});

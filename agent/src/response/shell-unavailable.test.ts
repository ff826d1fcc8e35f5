// Without a loadable node-pty the shell action fails with a clear message and everything else
// goes on. A file of its own: the addon loader caches a successful load per process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { wire } from '../../../proto/index.js';
import { NATIVE_DIR_ENV } from '../native-addons.js';
import { defaultResponseConfig } from './config.js';
import { Responder } from './responder.js';
import { commandKeys, RecordingLink, signedCommand } from './testing/commands.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-nopty-'));
  // a native directory whose node-pty is broken, as a damaged install would be
  const pkg = join(dir, 'native', 'node_modules', 'node-pty');
  mkdirSync(join(pkg, 'lib'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'node-pty', main: 'lib/index.js' }));
  writeFileSync(join(pkg, 'lib', 'index.js'), "throw new Error('pty.node: cannot open shared object file');");
  process.env[NATIVE_DIR_ENV] = join(dir, 'native');
});

afterAll(() => {
  delete process.env[NATIVE_DIR_ENV];
  rmSync(dir, { recursive: true, force: true });
});

it('fails the shell action with a clear message when node-pty cannot load, and keeps running', async () => {
  const keys = commandKeys();
  const link = new RecordingLink();
  const r = new Responder({
    agentId: 'a', hostId: 'h', commandPublicKey: keys.publicBase64, stateDir: join(dir, 'state'), config: defaultResponseConfig(), policySource: 'x',
    log: pino({ level: 'silent' }), link,
  });
  const shell = signedCommand(keys.privateKey, 'a', 'shell', {});
  r.onCommand(shell);
  await link.until(() => link.results(shell.actionId!).some((x) => x.status === wire.CommandResult.Status.FAILED), 5_000, 'shell failure');
  const failed = link.results(shell.actionId!).at(-1)!;
  expect(failed.error).toMatch(/^the remote shell needs node-pty, which cannot be loaded on this agent: .*cannot open shared object file/);
  const script = signedCommand(keys.privateKey, 'a', 'run_script', { interpreter: 'sh', script: 'echo still here' });
  r.onCommand(script);
  await link.until(() => link.results(script.actionId!).some((x) => x.status === wire.CommandResult.Status.SUCCEEDED), 5_000, 'script result');
  await r.stop();
});

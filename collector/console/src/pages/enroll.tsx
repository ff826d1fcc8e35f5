// Enrollment: the command that installs and enrolls an agent with a fresh one-time token
// (GET /api/v1/install/command, admins). Every "New token" makes and audits another token.
// Without that route or the admin role, the page shows the enroll command and how to make a
// token on the collector's machine.
import { useState } from 'preact/hooks';
import { can, get, hasRoute, qs, session } from '../api';
import { Copy, ErrorBox, Loading, Page, Panel, Time, useAsync } from '../components/ui';

interface InstallCommand {
  command: string; token: string; token_id: string; expires_at: string; uses: number;
  fingerprint: string; collector: string; install_url: string; packages: string[];
}

export function Enroll() {
  const s = session();
  const [host, setHost] = useState(location.hostname);
  const [port, setPort] = useState('8443');
  const [uses, setUses] = useState('1');
  const [asked, setAsked] = useState(0);
  const info = useAsync(async () => {
    if (!can(s, 'admin') || !(await hasRoute('GET', '/api/v1/install/command'))) return null;
    return get<InstallCommand>(`/install/command${qs({ host, agent_port: port, uses })}`);
  }, [asked]);
  const d = info.data;
  const enroll = d
    ? `xdr-agent enroll --collector ${d.collector} --token ${d.token} --fingerprint ${d.fingerprint}`
    : `xdr-agent enroll --collector wss://${host}:${port} --token TOKEN --fingerprint FINGERPRINT`;

  return (
    <Page title="Enroll an agent" subtitle="Run this as root on the Linux server to protect." actions={<a class="btn btn-small" href="/endpoints">← Endpoints</a>}>
      {can(s, 'admin') && (
        <form class="toolbar" onSubmit={(e) => { e.preventDefault(); setAsked(asked + 1); }}>
          <label>Collector name the server reaches<input value={host} onInput={(e) => setHost(e.currentTarget.value)} /></label>
          <label>Agent port<input value={port} inputMode="numeric" onInput={(e) => setPort(e.currentTarget.value)} style={{ width: '90px' }} /></label>
          <label>Hosts that may use the token<input value={uses} inputMode="numeric" onInput={(e) => setUses(e.currentTarget.value)} style={{ width: '90px' }} /></label>
          <button class="btn" type="submit">New token</button>
        </form>
      )}
      <ErrorBox error={info.error} what="make an enrollment token" onRetry={info.reload} />
      {info.loading && !d && <Loading what="a fresh enrollment token" />}
      {d && (
        <Panel title="Install and enroll (one line)" testid="install">
          <pre class="cmd" data-testid="install-command">{d.command}</pre>
          <div class="row-gap">
            <Copy text={d.command} />
            <span class="muted small">The token works for {d.uses} host{d.uses === 1 ? '' : 's'} and expires <Time at={d.expires_at} />.
              {d.packages.length === 0 && ' This collector offers no agent package yet (npm run package on the collector).'}</span>
          </div>
        </Panel>
      )}
      {!info.loading && (
        <Panel title={d ? 'Or enroll an agent that is already installed' : 'Enroll an installed agent'} testid="enroll">
          <pre class="cmd" data-testid="enroll-command">{enroll}</pre>
          <div class="row-gap"><Copy text={enroll} /></div>
          {d && <p class="muted small">Collector certificate fingerprint (SHA-256), pinned by the agent so it never talks to another collector: <code data-testid="fingerprint">{d.fingerprint}</code></p>}
          {!d && (
            <div class="steps">
              <p>{can(s, 'admin') ? 'This collector does not hand out enrollment tokens through its API.' : 'Only admins make enrollment tokens here.'} On the collector's machine, make a one-time token and read the certificate fingerprint:</p>
              <pre class="cmd">{'xdr-collector enroll-token create --ttl 24h\nxdr-collector fingerprint'}</pre>
              <p class="muted small">Put what they print in place of <code>TOKEN</code> and <code>FINGERPRINT</code> above. The agent pins the fingerprint, so it never talks to another collector.</p>
            </div>
          )}
        </Panel>
      )}
    </Page>
  );
}

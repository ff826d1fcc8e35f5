// Endpoints: every enrolled agent with presence, isolation, version, OS, last seen and asset
// criticality, and the response actions for its host.
import { can, get, send, session } from '../api';
import { ResponseButtons } from '../components/response-actions';
import { Dot, Empty, ErrorBox, Loading, Page, searchHref, Time, toast, useAsync, useInterval } from '../components/ui';
import type { Agent, HostCriticality } from '../types';

interface AgentDetail extends Agent { inventory: { host_id: string; kernel?: string; arch?: string } | null }

const CRITICALITIES = ['low', 'medium', 'high', 'critical'];

export function Endpoints() {
  const s = session();
  const agents = useAsync(() => get<Agent[]>('/agents'), []);
  // asset criticality is per host.id, which the agent's inventory carries
  const hostIds = useAsync(async () => {
    const list = agents.data ?? [];
    const details = await Promise.all(list.slice(0, 200).map((a) => get<AgentDetail>(`/agents/${a.id}`).catch(() => undefined)));
    return new Map(details.filter((d): d is AgentDetail => !!d).map((d) => [d.id, d]));
  }, [agents.data]);
  const crit = useAsync(() => get<HostCriticality[]>('/hosts/criticality'), []);
  useInterval(() => agents.reload(), 10_000);

  const critOf = (hostId: string | undefined) => (hostId ? crit.data?.find((c) => c.host_id === hostId)?.criticality : undefined) ?? 'medium';
  const list = agents.data ?? [];
  const online = list.filter((a) => a.online).length;

  async function setCriticality(hostId: string, value: string, name: string) {
    try {
      const r = await send<{ rescored_alerts: number }>('PUT', `/hosts/${encodeURIComponent(hostId)}/criticality`, { criticality: value });
      toast(`${name} is now ${value}; ${r.rescored_alerts} open alert${r.rescored_alerts === 1 ? '' : 's'} re-scored`);
      crit.reload();
    } catch (err) { toast((err as Error).message, 'error'); }
  }

  async function revoke(a: Agent) {
    if (!confirm(`Revoke the agent on ${a.hostname}? Its connections are refused from now on; it must enroll again.`)) return;
    try { await send('POST', `/agents/${a.id}/revoke`); toast(`${a.hostname} revoked`); agents.reload(); } catch (err) { toast((err as Error).message, 'error'); }
  }

  return (
    <Page
      title="Endpoints"
      subtitle={agents.data ? `${list.length} agent${list.length === 1 ? '' : 's'} · ${online} online · ${list.filter((a) => a.isolated).length} isolated` : undefined}
      actions={<a class="btn btn-primary" href="/endpoints/enroll">Enroll an agent</a>}
      wide
    >
      <ErrorBox error={agents.error} what="load the agents" onRetry={agents.reload} />
      {agents.loading && !agents.data && <Loading what="agents" />}
      {agents.data && list.length === 0 && (
        <Empty title="No agent enrolled yet">
          Install the agent on a Linux server and enroll it with a one-time token: <a href="/endpoints/enroll">show the enrollment command</a>.
        </Empty>
      )}
      {list.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="agents">
            <thead><tr><th>Host</th><th>Status</th><th>Version</th><th>OS</th><th>IPs</th><th>Last seen</th><th>Criticality</th><th>Actions</th></tr></thead>
            <tbody>
              {list.map((a) => {
                const hostId = hostIds.data?.get(a.id)?.inventory?.host_id;
                return (
                  <tr key={a.id} data-agent={a.hostname} data-agent-id={a.id} class={a.revoked ? 'row-dim' : ''}>
                    <td>
                      <strong>{a.hostname}</strong>
                      <div class="mono muted tiny" title={a.id}>{a.id.slice(0, 8)}</div>
                      {hostId && <a class="tiny" href={searchHref(`host.id:"${hostId}"`)}>activity</a>}
                    </td>
                    <td class="nowrap">
                      {a.revoked ? <span class="badge status-closed">revoked</span> : <Dot on={a.online} />}
                      {a.isolated && <div><span class="badge level-critical" data-testid="isolated">isolated</span></div>}
                    </td>
                    <td class="mono small">{a.version}</td>
                    <td class="small">{a.os ?? <span class="muted">no inventory yet</span>}</td>
                    <td class="mono small"><div class="ellipsis ellipsis-ips" title={a.ips.join(', ')}>{a.ips.join(', ') || '—'}</div></td>
                    <td><Time at={a.last_seen} relative /></td>
                    <td>
                      {hostId && can(s, 'admin') ? (
                        <select class="select-small" value={critOf(hostId)} onChange={(e) => setCriticality(hostId, e.currentTarget.value, a.hostname)} aria-label={`Criticality of ${a.hostname}`}>
                          {CRITICALITIES.map((c) => <option key={c} value={c}>{c}</option>)}
                        </select>
                      ) : <span class={`crit crit-${critOf(hostId)}`}>{critOf(hostId)}</span>}
                    </td>
                    <td>
                      <div class="row-gap nowrap">
                        {!a.revoked && <ResponseButtons compact target={{ agent: a.id, hostname: a.hostname, isolated: a.isolated }} only={['isolate', 'collect_file', 'run_script', 'shell']} />}
                        {can(s, 'admin') && !a.revoked && <button class="btn btn-small btn-ghost" onClick={() => revoke(a)}>Revoke</button>}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

// Remote shell: xterm.js over the WebSocket /api/v1/responses/:id/shell. The token goes in the
// subprotocol (`xdr-bearer.<token>`), never in the URL. Terminal bytes travel as binary
// messages both ways; a text message {"type":"resize"} follows the window size. The collector
// records the session; its transcript is in Response Management.
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, token } from '../api';
import { ErrorBox, Page, Status, useAsync, useInterval } from '../components/ui';
import type { ResponseAction } from '../types';

type Phase = 'connecting' | 'open' | 'closed' | 'error';

export function ShellPage(props: { id: string }) {
  const action = useAsync(() => get<ResponseAction>(`/responses/${props.id}`), [props.id]);
  const box = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>('connecting');
  const [why, setWhy] = useState('');
  useInterval(() => action.reload(), 3000);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    // xterm.js is loaded with the first terminal, not with the console
    void Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')]).then(([{ Terminal }, { FitAddon }]) => {
      if (!gone && box.current) stop = connect(Terminal, FitAddon, box.current);
    });
    return () => { gone = true; stop?.(); };
  }, [props.id]);

  function connect(Terminal: typeof import('@xterm/xterm').Terminal, FitAddon: typeof import('@xterm/addon-fit').FitAddon, container: HTMLElement): () => void {
    const term = new Terminal({
      cursorBlink: true, fontSize: 13, scrollback: 5000, convertEol: false,
      fontFamily: 'ui-monospace, "JetBrains Mono", "DejaVu Sans Mono", Menlo, monospace',
      theme: { background: '#0a0f16', foreground: '#d8e1ec', cursor: '#4fb3ff', selectionBackground: '#264f78' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(container);
    fit.fit();
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/responses/${encodeURIComponent(props.id)}/shell`;
    // offering xdr-shell.v1 too makes the server select it, so the token is never echoed back
    const ws = new WebSocket(url, ['xdr-shell.v1', `xdr-bearer.${token() ?? ''}`]);
    ws.binaryType = 'arraybuffer';
    const enc = new TextEncoder();
    const resize = () => {
      fit.fit();
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'resize', cols: term.cols, rows: term.rows }));
    };
    ws.onopen = () => { setPhase('open'); resize(); term.focus(); };
    ws.onmessage = (e) => {
      if (typeof e.data === 'string') {
        // control messages from the collector (e.g. {"type":"exit"}) are not terminal bytes
        try { const m = JSON.parse(e.data) as { type?: string; reason?: string; message?: string }; if (m.reason || m.message) setWhy(m.reason ?? m.message ?? ''); } catch { term.write(e.data); }
        return;
      }
      term.write(new Uint8Array(e.data as ArrayBuffer));
    };
    ws.onerror = () => setPhase('error');
    ws.onclose = (e) => {
      setPhase((p) => (p === 'error' && !e.reason ? 'error' : 'closed'));
      if (e.reason) setWhy(e.reason);
      term.write(`\r\n\x1b[90m[session closed${e.reason ? `: ${e.reason}` : ''} (code ${e.code})]\x1b[0m\r\n`);
    };
    const input = term.onData((d) => { if (ws.readyState === WebSocket.OPEN) ws.send(enc.encode(d)); });
    const binput = term.onBinary((d) => { if (ws.readyState === WebSocket.OPEN) ws.send(Uint8Array.from(d, (c) => c.charCodeAt(0))); });
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      input.dispose();
      binput.dispose();
      ws.close();
      term.dispose();
    };
  }

  const a = action.data;
  return (
    <Page
      title={<>Shell on {a?.hostname ?? '…'}</>}
      subtitle={<>
        {a && <Status status={a.status} />} <span class={`conn conn-${phase}`} data-testid="shell-phase">{phase === 'open' ? 'connected' : phase}</span>
        {why && <span class="muted"> · {why}</span>}
        <span class="muted"> · recorded; the transcript is kept in Response Management</span>
      </>}
      actions={<a class="btn btn-small" href={`/responses?focus=${props.id}`}>← Response Management</a>}
      wide
    >
      <ErrorBox error={action.error} what="load the shell action" />
      {phase === 'error' && <div class="error-box" role="alert"><strong>The terminal could not connect.</strong> <span class="error-message">The shell may have ended, been refused by the agent's policy, or the agent is offline; its status above says which.</span></div>}
      <div class="terminal" ref={box} data-testid="terminal" />
    </Page>
  );
}

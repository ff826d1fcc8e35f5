// Building blocks every page uses, so that all pages look and behave alike: loading and error
// states, empty states that say what to do, badges, times, dialogs, the data-loading hook.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure } from '../api';

export interface Async<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
  set(data: T): void;
}

/** Loads with `fn` when `deps` change; a late answer of an older load is dropped. */
export function useAsync<T>(fn: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const seq = useRef(0);
  const run = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    fn().then(
      (data) => { if (mine === seq.current) setState({ data, loading: false }); },
      (error: Error) => { if (mine === seq.current) setState((s) => ({ data: s.data, error, loading: false })); },
    );
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run, set: (data: T) => setState({ data, loading: false }) } as Async<T>;
}

/** Calls fn every `ms` while the tab is visible. */
export function useInterval(fn: () => void, ms: number): void {
  const saved = useRef(fn);
  saved.current = fn;
  useEffect(() => {
    const id = setInterval(() => { if (document.visibilityState === 'visible') saved.current(); }, ms);
    return () => clearInterval(id);
  }, [ms]);
}

export function Page(props: { title: ComponentChildren; subtitle?: ComponentChildren; actions?: ComponentChildren; children: ComponentChildren; wide?: boolean }) {
  return (
    <section class={`page${props.wide ? ' page-wide' : ''}`}>
      <header class="page-head">
        <div>
          <h1>{props.title}</h1>
          {props.subtitle && <p class="subtitle">{props.subtitle}</p>}
        </div>
        {props.actions && <div class="page-actions">{props.actions}</div>}
      </header>
      {props.children}
    </section>
  );
}

export function Panel(props: { title?: ComponentChildren; actions?: ComponentChildren; children: ComponentChildren; class?: string; testid?: string }) {
  return (
    <div class={`panel ${props.class ?? ''}`} data-testid={props.testid}>
      {(props.title || props.actions) && (
        <div class="panel-head">
          <h2>{props.title}</h2>
          {props.actions && <div class="panel-actions">{props.actions}</div>}
        </div>
      )}
      <div class="panel-body">{props.children}</div>
    </div>
  );
}

export function Loading(props: { what?: string }) {
  return <div class="loading" role="status"><span class="spinner" />Loading {props.what ?? ''}…</div>;
}

/** An error said plainly: what failed, the collector's message and its stable code. */
export function ErrorBox(props: { error: Error | undefined; what?: string; onRetry?: () => void }) {
  if (!props.error) return null;
  const e = props.error;
  const code = e instanceof ApiFailure ? e.code : undefined;
  return (
    <div class="error-box" role="alert">
      <strong>{props.what ? `Could not ${props.what}.` : 'Something went wrong.'}</strong>
      <span class="error-message">{e.message}</span>
      {code && <code class="error-code">{code}</code>}
      {props.onRetry && <button class="btn btn-small" onClick={props.onRetry}>Retry</button>}
    </div>
  );
}

export function Empty(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <div class="empty-title">{props.title}</div>
      {props.children && <div class="empty-hint">{props.children}</div>}
    </div>
  );
}

const LEVEL_CLASS: Record<string, string> = { informational: 'info', low: 'low', medium: 'medium', high: 'high', critical: 'critical' };

export function Level(props: { level: string }) {
  return <span class={`badge level-${LEVEL_CLASS[props.level] ?? 'info'}`}>{props.level}</span>;
}

export function Status(props: { status: string }) {
  return <span class={`badge status status-${props.status}`}>{props.status.replace(/_/g, ' ')}</span>;
}

export function ScoreBadge(props: { score: number }) {
  const s = props.score;
  const cls = s >= 80 ? 'critical' : s >= 65 ? 'high' : s >= 45 ? 'medium' : s >= 30 ? 'low' : 'info';
  return <span class={`score level-${cls}`} title={`score ${s} of 100`}>{s}</span>;
}

export function Dot(props: { on: boolean; label?: string }) {
  return <span class={`dot ${props.on ? 'dot-on' : 'dot-off'}`}>{props.label ?? (props.on ? 'online' : 'offline')}</span>;
}

export function ago(iso: string | null | undefined): string {
  if (!iso) return '—';
  const s = Math.round((Date.now() - Date.parse(iso)) / 1000);
  if (s < 0) return 'just now';
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86_400)}d ago`;
}

export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}Z`;
}

export function Time(props: { at: string | null | undefined; relative?: boolean }) {
  if (!props.at) return <span class="muted">—</span>;
  return <time dateTime={props.at} title={fmtTime(props.at)}>{props.relative ? ago(props.at) : fmtTime(props.at)}</time>;
}

export function bytes(n: number | undefined | null): string {
  if (n === undefined || n === null) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/** A modal dialog; Escape or the backdrop closes it. */
export function Dialog(props: { title: ComponentChildren; onClose(): void; children: ComponentChildren; footer?: ComponentChildren; wide?: boolean }) {
  useEffect(() => {
    const key = (e: KeyboardEvent) => { if (e.key === 'Escape') props.onClose(); };
    addEventListener('keydown', key);
    return () => removeEventListener('keydown', key);
  }, [props.onClose]);
  return (
    <div class="backdrop" onClick={(e) => { if (e.target === e.currentTarget) props.onClose(); }}>
      <div class={`dialog${props.wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true">
        <div class="dialog-head">
          <h2>{props.title}</h2>
          <button class="icon-btn" aria-label="Close" onClick={props.onClose}>×</button>
        </div>
        <div class="dialog-body">{props.children}</div>
        {props.footer && <div class="dialog-foot">{props.footer}</div>}
      </div>
    </div>
  );
}

let toastSet: ((t: { text: string; kind: 'ok' | 'error' } | null) => void) | undefined;
export function toast(text: string, kind: 'ok' | 'error' = 'ok'): void {
  toastSet?.({ text, kind });
}

export function Toaster() {
  const [t, setT] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  toastSet = setT;
  useEffect(() => {
    if (!t) return;
    const id = setTimeout(() => setT(null), 5000);
    return () => clearTimeout(id);
  }, [t]);
  return t ? <div class={`toast toast-${t.kind}`} role="status">{t.text}</div> : null;
}

export function Copy(props: { text: string; label?: string }) {
  const [done, setDone] = useState(false);
  return (
    <button class="btn btn-small" onClick={async () => {
      try {
        await navigator.clipboard.writeText(props.text);
        setDone(true);
        setTimeout(() => setDone(false), 1500);
      } catch { toast('The browser refused the clipboard; select the text and copy it.', 'error'); }
    }}>{done ? 'Copied' : props.label ?? 'Copy'}</button>
  );
}

/** Search page link for a query (pivot). */
export function searchHref(query: string): string {
  return `/search?q=${encodeURIComponent(query)}`;
}

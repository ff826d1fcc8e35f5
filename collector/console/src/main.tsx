// The console's entry: the session gate, the layout (navigation, who is signed in) and the
// page for the current path.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { onSessionChange, session, signOut, type Session } from './api';
import { Toaster } from './components/ui';
import { match, navigate, onLinkClick, useLocation } from './router';
import { AlertPage } from './pages/alert';
import { Detections } from './pages/detections';
import { Endpoints } from './pages/endpoints';
import { Enroll } from './pages/enroll';
import { OatPage } from './pages/oat';
import { ProcessPage } from './pages/process';
import { Responses } from './pages/responses';
import { SearchPage } from './pages/search';
import { ShellPage } from './pages/shell';
import { SignIn } from './pages/sign-in';
import { Workbench } from './pages/workbench';
import './styles.css';

const NAV: Array<{ href: string; label: string; icon: string; active: RegExp }> = [
  { href: '/', label: 'Workbench', icon: '◆', active: /^\/(alerts\/.*)?$/ },
  { href: '/search', label: 'Search', icon: '⌕', active: /^\/(search|processes)/ },
  { href: '/oat', label: 'Attack techniques', icon: '▦', active: /^\/oat/ },
  { href: '/endpoints', label: 'Endpoints', icon: '▣', active: /^\/endpoints/ },
  { href: '/responses', label: 'Response', icon: '⚑', active: /^\/responses/ },
  { href: '/detections', label: 'Detections', icon: '⚙', active: /^\/detections/ },
];

function Routes(props: { path: string }) {
  const { path } = props;
  let m: Record<string, string> | null;
  if (path === '/' || path === '/workbench') return <Workbench />;
  if ((m = match('/alerts/:id', path))) return <AlertPage id={m.id} />;
  if ((m = match('/processes/:entityId', path))) return <ProcessPage entityId={m.entityId} />;
  if (path === '/search') return <SearchPage />;
  if (path === '/oat') return <OatPage />;
  if (path === '/endpoints') return <Endpoints />;
  if (path === '/endpoints/enroll') return <Enroll />;
  if (path === '/responses') return <Responses />;
  if ((m = match('/responses/:id/shell', path))) return <ShellPage id={m.id} />;
  if (path === '/detections') return <Detections />;
  return (
    <section class="page">
      <div class="empty">
        <div class="empty-title">No page at {path}</div>
        <div class="empty-hint"><a href="/">Go to the Workbench</a></div>
      </div>
    </section>
  );
}

function App() {
  const { path } = useLocation();
  const [s, setS] = useState<Session | null>(session());
  useEffect(() => onSessionChange(() => setS(session())), []);
  useEffect(() => {
    if (!s && path !== '/signin') navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`, true);
  }, [s, path]);
  if (!s || path === '/signin') return <div onClick={onLinkClick}><SignIn /><Toaster /></div>;
  return (
    <div class="shell" onClick={onLinkClick}>
      <nav class="sidebar" aria-label="Main">
        <a class="brand" href="/"><span class="brand-mark">✕</span><span>Open XDR</span></a>
        {NAV.map((n) => (
          <a key={n.href} href={n.href} class={`nav-item${n.active.test(path) ? ' active' : ''}`}>
            <span class="nav-icon" aria-hidden="true">{n.icon}</span>{n.label}
          </a>
        ))}
        <div class="sidebar-foot">
          <div class="who" data-testid="who">
            <span class="who-user">{s.user}</span>
            <span class={`badge role role-${s.role}`}>{s.role}</span>
          </div>
          <button class="btn btn-small btn-ghost" onClick={() => { signOut(); navigate('/signin'); }}>Sign out</button>
        </div>
      </nav>
      <main class="main"><Routes path={path} /></main>
      <Toaster />
    </div>
  );
}

render(<App />, document.getElementById('app')!);

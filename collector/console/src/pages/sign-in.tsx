// Sign-in with an API token. The token is kept in sessionStorage for this tab only.
import { useState } from 'preact/hooks';
import { signIn } from '../api';
import { ErrorBox } from '../components/ui';
import { navigate } from '../router';

export function SignIn() {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const reason = sessionStorage.getItem('xdr.signout-reason');

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(value);
      sessionStorage.removeItem('xdr.signout-reason');
      const next = new URLSearchParams(location.search).get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('/signin') ? next : '/', true);
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  }

  return (
    <div class="signin">
      <form class="signin-card" onSubmit={submit}>
        <div class="brand big"><span class="brand-mark">✕</span><span>Open XDR</span></div>
        <p class="muted">Sign in with an API token. It stays in this browser tab only and is forgotten when you close it.</p>
        {reason && !error && <div class="notice">You were signed out: {reason}</div>}
        <label>API token
          <input
            type="password" name="token" autoComplete="off" spellcheck={false} autoFocus required
            placeholder="xdr_…" value={value} onInput={(e) => setValue(e.currentTarget.value)} data-testid="token"
          />
        </label>
        <ErrorBox error={error} what="sign in" />
        <button class="btn btn-primary btn-block" type="submit" disabled={busy || !value.trim()}>{busy ? 'Checking…' : 'Sign in'}</button>
        <p class="hint">No token? An admin makes one with <code>xdr-collector token create --role analyst --user NAME</code>; the first start of the collector prints an admin token.</p>
      </form>
    </div>
  );
}

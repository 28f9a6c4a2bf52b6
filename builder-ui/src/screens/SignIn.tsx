import { useState } from 'preact/hooks';
import { ApiProblem, describe } from '../api/problem';
import { adminToken, type Session } from '../app/session';
import { describedBy, Field } from '../components/Field';

/** Sign-in with the admin token; the place where SSO buttons will sit once they exist. */
export function SignIn({ notice, onSignedIn }: { notice?: string; onSignedIn: (s: Session) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!token.trim()) {
      setError('Enter the admin token');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const session = await adminToken.signIn(token, async (bearer) => {
        // Any authenticated read tells whether the token is accepted; the overview is the landing screen anyway.
        const response = await fetch('/api/overview', { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' } });
        if (!response.ok) {
          throw await ApiProblem.from(response);
        }
      });
      onSignedIn(session);
    } catch (e) {
      setError(e instanceof ApiProblem && e.status === 401 ? 'That token is not accepted by the control plane.' : describe(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="signin">
      <form class="signin-card" onSubmit={submit} aria-labelledby="signin-title" noValidate>
        <div class="brand brand-large">
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <span>Flexboard</span>
        </div>
        <h1 id="signin-title">Sign in to the control plane</h1>
        <p class="muted">Use the admin token of this installation (the local stack prints it on its first start and keeps it in <code>data/admin-token</code>).</p>
        {notice && <div class="banner banner-warning" role="status">{notice}</div>}
        <Field id="admin-token" label="Admin token" error={error}>
          <input id="admin-token" name="admin-token" type="password" autoComplete="current-password" autoFocus
            value={token} onInput={(e) => setToken((e.target as HTMLInputElement).value)}
            aria-invalid={error ? true : undefined} aria-describedby={describedBy('admin-token', error)} />
        </Field>
        <button type="submit" class="button button-primary button-block" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        <p class="signin-footnote muted">Single sign-on (OIDC, SAML) and roles arrive with the enterprise edition.</p>
      </form>
    </div>
  );
}

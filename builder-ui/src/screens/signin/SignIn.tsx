import { useEffect, useState } from 'preact/hooks';
import { ApiProblem, describe } from '../../api/problem';
import type { Auth, SsoProvider } from '../../app/auth';
import type { Session } from '../../app/session';
import { describedBy, Field } from '../../components/Field';

type Errors = Partial<Record<'email' | 'password' | 'admin-token' | 'form', string>>;

/**
 * Sign-in: email and password first, a button per configured SSO provider, and the installation's admin
 * token as break-glass (bootstrap, or when every person is locked out).
 */
export function SignIn({ auth, notice, onSignedIn }: { auth: Auth; notice?: string; onSignedIn: (s: Session) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [providers, setProviders] = useState<SsoProvider[]>([]);

  useEffect(() => {
    let live = true;
    void auth.providers().then((found) => live && setProviders(found));
    return () => {
      live = false;
    };
  }, [auth]);

  const attempt = async (signIn: () => Promise<Session>, refused: (e: ApiProblem) => Errors) => {
    setBusy(true);
    setErrors({});
    try {
      onSignedIn(await signIn());
    } catch (e) {
      setErrors(e instanceof ApiProblem && (e.status === 401 || e.status === 429 || e.status === 403) ? refused(e) : { form: describe(e) });
    } finally {
      setBusy(false);
    }
  };

  const withPassword = (event: Event) => {
    event.preventDefault();
    const missing: Errors = {};
    if (!email.trim()) missing.email = 'Enter your email';
    if (!password) missing.password = 'Enter your password';
    if (missing.email || missing.password) {
      setErrors(missing);
      return;
    }
    void attempt(() => auth.withPassword(email.trim(), password), (e) => ({
      password: e.status === 429 ? `Too many failed sign-ins: ${e.detail || 'wait a moment and try again.'}`
        : e.status === 403 ? e.detail || 'Sign-in with a password is off on this installation.'
          : 'That email and password do not match an active user.',
    }));
  };

  const withAdminToken = (event: Event) => {
    event.preventDefault();
    if (!token.trim()) {
      setErrors({ 'admin-token': 'Enter the admin token' });
      return;
    }
    void attempt(() => auth.withAdminToken(token), () => ({ 'admin-token': 'That token is not accepted by the control plane.' }));
  };

  return (
    <div class="signin">
      <div class="signin-card">
        <div class="brand brand-large">
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <span>Flexboard</span>
        </div>
        <h1 id="signin-title">Sign in to the control plane</h1>
        {notice && <div class="banner banner-warning" role="status" data-testid="signin-notice">{notice}</div>}
        {errors.form && <div class="banner banner-danger" role="alert">{errors.form}</div>}
        <form onSubmit={withPassword} aria-labelledby="signin-title" noValidate class="signin-form">
          <Field id="email" label="Email" error={errors.email}>
            <input id="email" name="email" type="email" autoComplete="username" autoFocus value={email}
              onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
              aria-invalid={errors.email ? true : undefined} aria-describedby={describedBy('email', errors.email)} />
          </Field>
          <Field id="password" label="Password" error={errors.password}>
            <input id="password" name="password" type="password" autoComplete="current-password" value={password}
              onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
              aria-invalid={errors.password ? true : undefined} aria-describedby={describedBy('password', errors.password)} />
          </Field>
          <button type="submit" id="sign-in" class="button button-primary button-block" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        </form>
        {providers.length > 0 && (
          <div class="signin-sso" data-testid="sso-providers">
            <p class="muted small">or continue with</p>
            {providers.map((provider) => (
              <a key={provider.id} class="button button-block" href={provider.login_url} data-provider={provider.id}>
                {provider.name}
              </a>
            ))}
          </div>
        )}
        <details class="signin-break-glass" open={!!errors['admin-token']}>
          <summary id="break-glass">Use the admin token (break-glass)</summary>
          <form onSubmit={withAdminToken} noValidate aria-label="Sign in with the admin token">
            <p class="muted small">The installation's own token, for the first start and emergencies; every use is recorded as
              the actor <code>admin</code>. The local stack keeps it in <code>data/admin-token</code>.</p>
            <Field id="admin-token" label="Admin token" error={errors['admin-token']}>
              <input id="admin-token" name="admin-token" type="password" autoComplete="off" value={token}
                onInput={(e) => setToken((e.target as HTMLInputElement).value)}
                aria-invalid={errors['admin-token'] ? true : undefined} aria-describedby={describedBy('admin-token', errors['admin-token'])} />
            </Field>
            <button type="submit" id="sign-in-admin-token" class="button button-block" disabled={busy}>Sign in with the admin token</button>
          </form>
        </details>
      </div>
    </div>
  );
}

import { useState } from 'preact/hooks';
import type { FlexboardApi } from '../../api/flexboard';
import { ApiProblem, describe, type FieldError } from '../../api/problem';
import type { Tenant, User } from '../../api/types';
import { useApp } from '../../app/context';
import { can } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { Badge } from '../../components/Badge';
import { describedBy, Field } from '../../components/Field';
import { ActionDialog } from '../../components/ActionDialog';
import { FormFooter, Modal } from '../../components/Modal';
import { Card, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/Page';
import { TimeAgo } from '../../components/Time';
import { changeBody, createBody, emptyForm, formOf, formProblems, MIN_PASSWORD_LENGTH, roleLabel, ROLES, type UserForm } from './usersModel';

/**
 * The people who use the control plane: a super-admin creates them, sets their role and tenants, and
 * disables them; a tenant-admin reads the users of its tenants.
 */
export function Users() {
  const { api, session, toasts } = useApp();
  const manage = can(session, 'manage-users');
  const users = useLoad(() => api.users(), [api]);
  const tenants = useLoad(() => api.tenants({ limit: 200 }), [api]);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [disabling, setDisabling] = useState<User | null>(null);
  const tenantName = (id: string) => tenants.data?.items.find((t) => t.id === id)?.name ?? id;

  return (
    <div class="page" data-screen="users">
      <PageHeader title="Users" subtitle={manage ? 'Who may sign in, with which role, for which tenants'
        : 'The people who work on your tenants'}
        actions={manage && <button type="button" id="new-user" class="button button-primary" onClick={() => setEditing('new')}>+ New user</button>} />
      <Card>
        {users.error && <ErrorBanner message={users.error} onRetry={users.reload} />}
        {!users.data && !users.error && <Loading />}
        {users.data && users.data.length === 0 && <EmptyState title="No users yet">Sign-in is by the admin token until the first user exists.</EmptyState>}
        {users.data && users.data.length > 0 && (
          <table class="table" data-testid="users-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Tenants</th><th scope="col">Since</th>
              <th scope="col">Status</th>{manage && <th scope="col"><span class="visually-hidden">Actions</span></th>}</tr></thead>
            <tbody>
              {users.data.map((user) => (
                <tr key={user.id} data-user={user.email}>
                  <td><span class="strong">{user.name}</span><div class="muted small">{user.email}</div></td>
                  <td>{roleLabel(user.role)}</td>
                  <td>{user.role === 'super-admin' ? <span class="muted">all</span> : user.tenant_ids.map(tenantName).join(', ')}</td>
                  <td><TimeAgo at={user.created_at} /></td>
                  <td>{user.is_active ? <Badge status="active" label="Active" /> : <Badge status="archived" label="Disabled" />}</td>
                  {manage && (
                    <td class="row-actions">
                      {user.is_active && <>
                        <button type="button" class="button button-small" onClick={() => setEditing(user)}>Edit</button>
                        <button type="button" class="button button-small" onClick={() => setDisabling(user)}>Disable</button>
                      </>}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {editing && (
        <UserDialog api={api} user={editing === 'new' ? null : editing} tenants={tenants.data?.items ?? []}
          onClose={() => setEditing(null)} onSaved={(name) => {
            toasts.success(editing === 'new' ? `${name} can sign in now` : `${name} is changed`);
            setEditing(null);
            void users.reload();
          }} />
      )}
      {disabling && (
        <DisableUserDialog api={api} user={disabling} onClose={() => setDisabling(null)} onDisabled={() => {
          toasts.success(`${disabling.name} is disabled`);
          setDisabling(null);
          void users.reload();
        }} />
      )}
    </div>
  );
}

function UserDialog({ api, user, tenants, onClose, onSaved }: {
  api: FlexboardApi; user: User | null; tenants: Tenant[]; onClose: () => void; onSaved: (name: string) => void;
}) {
  const creating = user === null;
  const [form, setForm] = useState<UserForm>(user ? formOf(user) : emptyForm());
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errorOf = (field: string) => errors.find((e) => e.field === field || e.field.startsWith(`${field}[`))?.message;
  const set = (patch: Partial<UserForm>) => setForm({ ...form, ...patch });

  const submit = async (event: Event) => {
    event.preventDefault();
    const problems = formProblems(form, creating);
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      if (user) {
        await api.changeUser(user.id, changeBody(user, form));
      } else {
        await api.createUser(createBody(form));
      }
      onSaved(form.name.trim());
    } catch (e) {
      if (e instanceof ApiProblem && e.errors.length > 0) {
        setErrors(e.errors);
      } else {
        setFailure(describe(e));
      }
      setBusy(false);
    }
  };

  const tenantsError = errorOf('tenant_ids');
  return (
    <Modal id="user-dialog" title={creating ? 'New user' : `Edit ${user.name}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {failure && <div class="banner banner-danger" role="alert">{failure}</div>}
        {creating && (
          <Field id="user-email" label="Email" error={errorOf('email')}>
            <input id="user-email" type="email" value={form.email} autoFocus maxLength={254} aria-invalid={errorOf('email') ? true : undefined}
              aria-describedby={describedBy('user-email', errorOf('email'))} onInput={(e) => set({ email: (e.target as HTMLInputElement).value })} />
          </Field>
        )}
        <Field id="user-name" label="Name" error={errorOf('name')}>
          <input id="user-name" value={form.name} maxLength={200} autoFocus={!creating} aria-invalid={errorOf('name') ? true : undefined}
            aria-describedby={describedBy('user-name', errorOf('name'))} onInput={(e) => set({ name: (e.target as HTMLInputElement).value })} />
        </Field>
        <Field id="user-password" label={creating ? 'Password' : 'New password'} error={errorOf('password')}
          hint={creating ? `At least ${MIN_PASSWORD_LENGTH} characters; leave empty for a user who signs in only through SSO.`
            : 'Leave empty to keep the current one.'}>
          <input id="user-password" type="password" autoComplete="new-password" value={form.password} aria-invalid={errorOf('password') ? true : undefined}
            aria-describedby={describedBy('user-password', errorOf('password'), undefined, 'hint')}
            onInput={(e) => set({ password: (e.target as HTMLInputElement).value })} />
        </Field>
        <Field id="user-role" label="Role" error={errorOf('role')}>
          <select id="user-role" value={form.role} onChange={(e) => set({ role: (e.target as HTMLSelectElement).value as UserForm['role'] })}>
            {ROLES.map((role) => <option key={role} value={role}>{roleLabel(role)}</option>)}
          </select>
        </Field>
        {form.role !== 'super-admin' && (
          <fieldset class={`field${tenantsError ? ' field-invalid' : ''}`} data-field="user-tenants" aria-describedby={tenantsError ? 'user-tenants-error' : undefined}>
            <legend>Tenants</legend>
            {tenants.length === 0 && <p class="muted small">No tenant exists yet.</p>}
            {tenants.map((tenant) => (
              <label key={tenant.id} class="checkbox">
                <input type="checkbox" value={tenant.id} checked={form.tenantIds.includes(tenant.id)} onChange={(e) => {
                  const checked = (e.target as HTMLInputElement).checked;
                  set({ tenantIds: checked ? [...form.tenantIds, tenant.id] : form.tenantIds.filter((id) => id !== tenant.id) });
                }} /> {tenant.name}
              </label>
            ))}
            {tenantsError && <p class="field-error" id="user-tenants-error" role="alert">{tenantsError}</p>}
          </fieldset>
        )}
        <FormFooter onCancel={onClose} label={creating ? 'Create user' : 'Save changes'} busyLabel="Saving…" busy={busy} submitId="save-user" />
      </form>
    </Modal>
  );
}

function DisableUserDialog({ api, user, onClose, onDisabled }: { api: FlexboardApi; user: User; onClose: () => void; onDisabled: () => void }) {
  return (
    <ActionDialog id="disable-user-dialog" title={`Disable ${user.name}?`} label="Disable user" busyLabel="Disabling…" danger
      action={async () => void await api.disableUser(user.id)} onDone={onDisabled} onClose={onClose}>
      <p>{user.email} can no longer sign in or renew a session; a session already open ends within a minute. Their
        name stays in the history.</p>
    </ActionDialog>
  );
}

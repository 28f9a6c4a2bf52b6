import { useState } from 'preact/hooks';
import { ApiProblem, describe, type FieldError } from '../../api/problem';
import { useApp } from '../../app/context';
import { can } from '../../app/session';
import { href, navigate } from '../../app/router';
import { useLoad } from '../../app/useLoad';
import { Badge } from '../../components/Badge';
import { describedBy, Field } from '../../components/Field';
import { FormFooter, Modal } from '../../components/Modal';
import { Card, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/Page';
import { TimeAgo } from '../../components/Time';
import { ApiKeysCard } from './apikeys/ApiKeysCard';
import { HistoryCard } from './history/HistoryCard';
import { PauseDialog } from '../tenants/TenantDialogs';
import { slugify, statusOf } from '../tenants/tenantStatus';

const AGENTS_REFRESH_MS = 5000;

/** One tenant: its dashboards, its agents' sync state, its API keys, pause/activate. */
export function TenantDetail({ tenantId }: { tenantId: string }) {
  const { api, session, toasts } = useApp();
  const tenant = useLoad(() => api.tenant(tenantId), [api, tenantId]);
  const dashboards = useLoad(() => api.dashboards(tenantId), [api, tenantId]);
  const agents = useLoad(() => api.agents(tenantId), [api, tenantId], AGENTS_REFRESH_MS);
  const [creating, setCreating] = useState(false);
  const [pausing, setPausing] = useState(false);

  if (tenant.error) {
    return <div class="page"><ErrorBanner message={tenant.error} onRetry={tenant.reload} /></div>;
  }
  const t = tenant.data?.body;
  if (!t) {
    return <div class="page"><Loading /></div>;
  }
  const state = statusOf(t);
  const activate = async () => {
    try {
      await api.activateTenant(t.id, tenant.data?.etag ?? null);
      toasts.success(`${t.name} is active again`);
      await tenant.reload();
    } catch (e) {
      toasts.error(describe(e));
    }
  };

  return (
    <div class="page" data-screen="tenant">
      <PageHeader
        crumbs={[{ label: 'Tenants', href: '/tenants' }, { label: t.name }]}
        title={<>{t.name} <Badge status={state} title={t.paused_reason ?? undefined} /></>}
        subtitle={<><span class="mono">{t.slug}</span> · <span class="capitalize">{t.license_type}</span> license · {t.max_dashboards} dashboards, {t.max_widgets_per_dashboard} widgets each</>}
        actions={<>
          <a class="button" href={href({ name: 'versions', tenantId })}>Versions</a>
          <a class="button" href={href({ name: 'branding', tenantId })}>Branding</a>
          {can(session, 'pause-tenant') && (state === 'active'
            ? <button type="button" class="button" onClick={() => setPausing(true)}>Pause</button>
            : <button type="button" class="button" onClick={activate}>Activate</button>)}
          {can(session, 'create-dashboard')
            && <button type="button" class="button button-primary" onClick={() => setCreating(true)}>+ New dashboard</button>}
        </>}
      />
      {state === 'paused' && (
        <div class="banner banner-warning" role="status">
          This tenant is paused{t.paused_reason ? `: ${t.paused_reason}` : ''}. Its agents get no updates until it is activated.
        </div>
      )}
      <div class="grid-2">
        <Card title="Dashboards" id="dashboards">
          {dashboards.error && <ErrorBanner message={dashboards.error} onRetry={dashboards.reload} />}
          {dashboards.data && dashboards.data.length === 0 && (
            <EmptyState title="No dashboards yet">
              {can(session, 'create-dashboard')
                && <button type="button" class="button button-primary" onClick={() => setCreating(true)}>Create the first dashboard</button>}
            </EmptyState>
          )}
          {dashboards.data && dashboards.data.length > 0 && (
            <table class="table">
              <thead><tr><th scope="col">Dashboard</th><th scope="col" class="num">Widgets</th><th scope="col">Updated</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                {dashboards.data.map((d) => (
                  <tr key={d.id} data-dashboard={d.slug}>
                    <td>
                      <a class="strong" href={href({ name: 'builder', tenantId, dashboardId: d.id, view: 'visual' })}>{d.name}</a>
                      {d.description && <div class="muted small">{d.description}</div>}
                    </td>
                    <td class="num">{d.widget_count}</td>
                    <td><TimeAgo at={d.updated_at} /></td>
                    <td class="row-actions">
                      <a class="button button-small" href={href({ name: 'builder', tenantId, dashboardId: d.id, view: 'visual' })}>Edit</a>
                      <a class="button button-small" href={href({ name: 'builder', tenantId, dashboardId: d.id, view: 'preview' })}>Preview</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <Card title="Agents" id="agents" actions={<span class="muted small">Tenant id <code class="mono">{t.id}</code></span>}>
          {agents.error && <ErrorBanner message={agents.error} onRetry={agents.reload} />}
          {agents.data && agents.data.length === 0 && (
            <EmptyState title="No agent has synced yet">Install the on-premise agent with this tenant's API key.</EmptyState>
          )}
          {agents.data && agents.data.length > 0 && (
            <table class="table" data-testid="agents-table">
              <thead><tr><th scope="col">Agent</th><th scope="col">Sync status</th><th scope="col">Runs</th><th scope="col">Published</th><th scope="col">Last seen</th></tr></thead>
              <tbody>
                {agents.data.map((a) => (
                  <tr key={a.agent_id} data-agent={a.agent_id}>
                    <td><span class="mono">{a.agent_id}</span>{a.agent_version && <div class="muted small">agent {a.agent_version}</div>}</td>
                    <td><Badge status={a.state} title={a.last_error ?? undefined} />{a.last_error && <div class="small text-danger truncate">{a.last_error}</div>}</td>
                    <td class="num">v{a.running_version}</td>
                    <td class="num">v{a.published_version}</td>
                    <td><TimeAgo at={a.last_seen} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
      {can(session, 'read-api-keys') && <ApiKeysCard tenantId={tenantId} />}
      {can(session, 'read-history') && <HistoryCard tenantId={tenantId} />}
      {creating && <NewDashboardDialog tenantId={tenantId} onClose={() => setCreating(false)} />}
      {pausing && (
        <PauseDialog api={api} tenant={t} onClose={() => setPausing(false)} onPaused={() => {
          setPausing(false);
          toasts.success(`${t.name} is paused`);
          void tenant.reload();
        }} />
      )}
    </div>
  );
}

function NewDashboardDialog({ tenantId, onClose }: { tenantId: string; onClose: () => void }) {
  const { api, toasts } = useApp();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!name.trim() || !slug) {
      setErrors([...(!name.trim() ? [{ field: 'name', message: 'is required' }] : []), ...(!slug ? [{ field: 'slug', message: 'is required' }] : [])]);
      return;
    }
    setBusy(true);
    try {
      const created = await api.createDashboard(tenantId, { name: name.trim(), slug, description: description.trim() || undefined });
      toasts.success(`Dashboard ${created.body.name} created`);
      navigate({ name: 'builder', tenantId, dashboardId: created.body.id, view: 'visual' });
    } catch (e) {
      if (e instanceof ApiProblem && e.errors.length > 0) {
        setErrors(e.errors);
      } else {
        setErrors([{ field: '', message: describe(e) }]);
      }
      setBusy(false);
    }
  };
  const general = errors.filter((e) => !['name', 'slug', 'description'].includes(e.field));
  return (
    <Modal id="new-dashboard-dialog" title="New dashboard" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {general.length > 0 && <div class="banner banner-danger" role="alert">{general.map((e) => e.message).join('; ')}</div>}
        <Field id="dashboard-name" label="Name" error={errorOf('name')}>
          <input id="dashboard-name" value={name} autoFocus aria-invalid={errorOf('name') ? true : undefined}
            aria-describedby={describedBy('dashboard-name', errorOf('name'))}
            onInput={(e) => {
              const value = (e.target as HTMLInputElement).value;
              setName(value);
              if (!slugTouched) setSlug(slugify(value));
            }} />
        </Field>
        <Field id="dashboard-slug" label="Slug" hint="Unique within the tenant." error={errorOf('slug')}>
          <input id="dashboard-slug" value={slug} aria-invalid={errorOf('slug') ? true : undefined}
            aria-describedby={describedBy('dashboard-slug', errorOf('slug'), undefined, 'hint')}
            onInput={(e) => {
              setSlugTouched(true);
              setSlug((e.target as HTMLInputElement).value);
            }} />
        </Field>
        <Field id="dashboard-description" label="Description (optional)" error={errorOf('description')}>
          <textarea id="dashboard-description" rows={2} value={description} onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)} />
        </Field>
        <FormFooter onCancel={onClose} label="Create dashboard" busyLabel="Creating…" busy={busy} />
      </form>
    </Modal>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { describe } from '../../api/problem';
import type { CreatedTenant, Tenant, TenantStatus } from '../../api/types';
import { useApp } from '../../app/context';
import { can } from '../../app/session';
import { href } from '../../app/router';
import { useLoad } from '../../app/useLoad';
import { Badge } from '../../components/Badge';
import { Card, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/Page';
import { TimeAgo } from '../../components/Time';
import { ApiKeyDialog, NewTenantDialog, PauseDialog } from './TenantDialogs';
import { statusOf } from './tenantStatus';

const PAGE_SIZE = 20;

/** Tenant management: search, status filter, keyset pages, new tenant, pause/activate. */
export function Tenants() {
  const { api, session, toasts } = useApp();
  const manage = can(session, 'manage-tenants');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<TenantStatus | ''>('');
  // The cursors of the pages before this one: keyset pagination only knows "next".
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedTenant | null>(null);
  const [pausing, setPausing] = useState<Tenant | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQ(search.trim());
      setCursors([null]);
    }, 250);
    return () => window.clearTimeout(timer);
  }, [search]);

  const cursor = cursors[cursors.length - 1];
  const tenants = useLoad(() => api.tenants({ q, status, cursor, limit: PAGE_SIZE }), [api, q, status, cursor]);

  const activate = async (tenant: Tenant) => {
    try {
      await api.activateTenant(tenant.id, null);
      toasts.success(`${tenant.name} is active again`);
      await tenants.reload();
    } catch (e) {
      toasts.error(describe(e));
    }
  };

  const page = cursors.length;
  return (
    <div class="page" data-screen="tenants">
      <PageHeader title="Tenants" subtitle="Each tenant is a customer with its own dashboards, API keys and agents"
        actions={manage && <button type="button" class="button button-primary" onClick={() => setCreating(true)}>+ New tenant</button>} />
      <Card>
        <div class="toolbar" role="search">
          <div class="field field-inline">
            <label for="tenant-search">Search</label>
            <input id="tenant-search" type="search" placeholder="Name or slug" value={search}
              onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
          </div>
          <div class="field field-inline">
            <label for="tenant-status">Status</label>
            <select id="tenant-status" value={status} onChange={(e) => {
              setStatus((e.target as HTMLSelectElement).value as TenantStatus | '');
              setCursors([null]);
            }}>
              <option value="">All</option>
              <option value="active">Active</option>
              <option value="paused">Paused</option>
            </select>
          </div>
          {tenants.loading && <span class="spinner" role="status" aria-label="Loading" />}
        </div>
        {tenants.error && <ErrorBanner message={tenants.error} onRetry={tenants.reload} />}
        {!tenants.data && !tenants.error && <Loading />}
        {tenants.data && tenants.data.items.length === 0 && (
          <EmptyState title={q || status ? 'No tenant matches' : 'No tenants yet'}>
            {q || status ? 'Try another search or status.' : 'Create the first tenant to give a customer its dashboards.'}
          </EmptyState>
        )}
        {tenants.data && tenants.data.items.length > 0 && (
          <table class="table" data-testid="tenants-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">License</th>
                <th scope="col" class="num">Dashboards</th>
                <th scope="col">Status</th>
                <th scope="col">Last sync</th>
                <th scope="col">Created</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {tenants.data.items.map((t) => {
                const state = statusOf(t);
                return (
                  <tr key={t.id} data-tenant={t.slug}>
                    <td>
                      <a href={href({ name: 'tenant', tenantId: t.id })} class="strong">{t.name}</a>
                      <div class="muted small mono">{t.slug}</div>
                    </td>
                    <td class="capitalize">{t.license_type}</td>
                    <td class="num">{t.dashboard_count} <span class="muted">/ {t.max_dashboards}</span></td>
                    <td><Badge status={state} title={t.paused_reason ?? undefined} /></td>
                    <td><TimeAgo at={t.last_sync} /></td>
                    <td><TimeAgo at={t.created_at} /></td>
                    <td class="row-actions">
                      {manage && (state === 'active'
                        ? <button type="button" class="button button-small" onClick={() => setPausing(t)} aria-label={`Pause ${t.name}`}>Pause</button>
                        : <button type="button" class="button button-small" onClick={() => activate(t)} aria-label={`Activate ${t.name}`}>Activate</button>)}
                      <a class="button button-small" href={href({ name: 'tenant', tenantId: t.id })} aria-label={`Open ${t.name}`}>Open</a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <nav class="pagination" aria-label="Pages">
          <span class="muted">Page {page}</span>
          <button type="button" class="button button-small" disabled={page === 1} onClick={() => setCursors(cursors.slice(0, -1))}>← Previous</button>
          <button type="button" class="button button-small" disabled={!tenants.data?.nextCursor}
            onClick={() => setCursors([...cursors, tenants.data!.nextCursor])}>Next →</button>
        </nav>
      </Card>
      {creating && (
        <NewTenantDialog api={api} onClose={() => setCreating(false)} onCreated={(c) => {
          setCreating(false);
          setCreated(c);
          void tenants.reload();
        }} />
      )}
      {created && <ApiKeyDialog created={created} onClose={() => setCreated(null)} />}
      {pausing && (
        <PauseDialog api={api} tenant={pausing} onClose={() => setPausing(null)} onPaused={() => {
          toasts.success(`${pausing.name} is paused`);
          setPausing(null);
          void tenants.reload();
        }} />
      )}
    </div>
  );
}

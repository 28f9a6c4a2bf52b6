import { useApp } from '../../app/context';
import { href } from '../../app/router';
import { useLoad } from '../../app/useLoad';
import { Badge } from '../../components/Badge';
import { Card, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/Page';
import { TimeAgo } from '../../components/Time';

const REFRESH_MS = 5000;

const REASONS: Record<string, string> = {
  agent_error: 'an agent reported an error',
  no_agent_seen: 'no agent seen recently',
  agents_behind: 'agents run an older version',
  tenant_paused: 'tenant paused',
};

/** The roadmap's overview: counters, recent activity, sync status per tenant; re-read every few seconds. */
export function Overview() {
  const { api } = useApp();
  const overview = useLoad(() => api.overview(), [api], REFRESH_MS);
  const sync = useLoad(() => api.syncStatus(null, 10), [api], REFRESH_MS);
  const o = overview.data;

  return (
    <div class="page" data-screen="overview">
      <PageHeader title="Overview" subtitle="Tenants, dashboards and how their agents keep up" />
      {overview.error && <ErrorBanner message={overview.error} onRetry={overview.reload} />}
      {!o && !overview.error && <Loading />}
      {o && (
        <div class="stats" role="list">
          <Stat label="Active tenants" value={o.active_tenants.toLocaleString('en')} detail={`of ${o.total_tenants} tenants`} />
          <Stat label="Published dashboards" value={o.published_dashboards.toLocaleString('en')} detail="in the published versions" />
          <Stat label="Total widgets" value={o.total_widgets.toLocaleString('en')} detail="drafts included" />
          <Stat label="Sync success" value={o.sync_success_rate === null ? '—' : `${(o.sync_success_rate * 100).toFixed(1)}%`}
            detail={o.sync_success_rate === null ? 'no syncs in 24 h' : `${o.syncs_last_24h.success + o.syncs_last_24h.error + o.syncs_last_24h.partial} syncs in 24 h`} />
        </div>
      )}
      <div class="grid-2">
        <Card title="Recent activity" id="recent-activity">
          {o && o.recent_activity.length === 0 && <EmptyState title="No versions yet">Create a tenant, build a dashboard and save a draft.</EmptyState>}
          {o && o.recent_activity.length > 0 && (
            <table class="table">
              <thead><tr><th scope="col">Tenant</th><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Message</th><th scope="col">When</th></tr></thead>
              <tbody>
                {o.recent_activity.map((a) => (
                  <tr key={`${a.tenant_id}:${a.version}`}>
                    <td class="nowrap"><a href={href({ name: 'versions', tenantId: a.tenant_id })}>{a.tenant_name}</a></td>
                    <td class="num">v{a.version}</td>
                    <td><Badge status={a.status} /></td>
                    <td class="truncate">{a.message ?? <span class="muted">—</span>}</td>
                    <td class="nowrap"><TimeAgo at={a.at} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <Card title="Sync status" id="sync-status" actions={o && (
          <span class="muted small">{o.sync_status.synced} synced · {o.sync_status.pending} pending · {o.sync_status.error} error{o.sync_status.paused ? ` · ${o.sync_status.paused} paused` : ''}</span>
        )}>
          {sync.error && <ErrorBanner message={sync.error} onRetry={sync.reload} />}
          {sync.data && sync.data.items.length === 0 && <EmptyState title="No tenants yet" />}
          {sync.data && sync.data.items.length > 0 && (
            <table class="table" data-testid="sync-status-table">
              <thead><tr><th scope="col">Tenant</th><th scope="col">Status</th><th scope="col">Version</th><th scope="col">Agents</th><th scope="col">Last sync</th></tr></thead>
              <tbody>
                {sync.data.items.map((s) => (
                  <tr key={s.tenant_id} data-tenant={s.slug}>
                    <td class="nowrap"><a href={href({ name: 'tenant', tenantId: s.tenant_id })}>{s.name}</a></td>
                    <td>
                      <Badge status={s.status} />
                      {s.reason && <span class="cell-sub">{REASONS[s.reason] ?? s.reason}</span>}
                    </td>
                    <td class="num">{s.published_version > 0 ? `v${s.published_version}` : <span class="muted">none</span>}</td>
                    <td class="num">{s.agents_on_published}/{s.agents_seen}</td>
                    <td class="nowrap"><TimeAgo at={s.last_sync} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {sync.data?.nextCursor && <p class="card-footer"><a href="/tenants">All tenants →</a></p>}
        </Card>
      </div>
    </div>
  );
}

function Stat({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div class="stat" role="listitem">
      <span class="stat-label">{label}</span>
      <span class="stat-value">{value}</span>
      <span class="stat-detail">{detail}</span>
    </div>
  );
}

import type { Answer, HttpClient } from './http';
import type {
  AgentStatus,
  ApiKey,
  Branding,
  BrandingAnswer,
  CreatedTenant,
  Dashboard,
  DashboardSummary,
  DraftSaved,
  HistoryEntry,
  IssuedApiKey,
  Overview,
  Page,
  ReportedDataSource,
  Tenant,
  TenantBranding,
  TenantStatus,
  TenantSyncStatus,
  VersionDetail,
  VersionSummary,
  User,
  UserAnswer,
  UserInput,
  WidgetDoc,
} from './types';

/** The result of a command: its body and the tenant's new ETag. */
export interface Outcome<T> {
  body: T;
  etag: string | null;
}

function outcome<T>(answer: Answer<T>): Outcome<T> {
  return { body: answer.body, etag: answer.etag };
}

function page<T>(answer: Answer<T[]>): Page<T> {
  return { items: answer.body, nextCursor: answer.nextCursor };
}

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const tenantPath = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}`;

/** Every endpoint the builder uses, typed; one place to read what the UI asks of the API. */
export class FlexboardApi {
  constructor(readonly http: HttpClient) {}

  // --- reads (query-api) ---

  async overview(): Promise<Overview> {
    return (await this.http.get<Overview>('/api/overview')).body;
  }

  async tenants(filter: { q?: string; status?: TenantStatus | ''; cursor?: string | null; limit?: number }): Promise<Page<Tenant>> {
    const path = `/api/tenants${query({ q: filter.q, status: filter.status, cursor: filter.cursor, limit: filter.limit })}`;
    return page(await this.http.get<Tenant[]>(path));
  }

  async tenant(tenantId: string): Promise<Outcome<Tenant>> {
    return outcome(await this.http.get<Tenant>(tenantPath(tenantId), { tenantId }));
  }

  async dashboards(tenantId: string): Promise<DashboardSummary[]> {
    return (await this.http.get<DashboardSummary[]>(`${tenantPath(tenantId)}/dashboards?limit=200`, { tenantId })).body;
  }

  async dashboard(tenantId: string, dashboardId: string): Promise<Outcome<Dashboard>> {
    return outcome(await this.http.get<Dashboard>(`/api/dashboards/${encodeURIComponent(dashboardId)}`, { tenantId }));
  }

  async versions(tenantId: string): Promise<VersionSummary[]> {
    return (await this.http.get<VersionSummary[]>(`${tenantPath(tenantId)}/versions?limit=200`, { tenantId })).body;
  }

  async version(tenantId: string, versionId: string): Promise<VersionDetail> {
    return (await this.http.get<VersionDetail>(`${tenantPath(tenantId)}/versions/${encodeURIComponent(versionId)}`, { tenantId })).body;
  }

  async branding(tenantId: string): Promise<Outcome<TenantBranding>> {
    return outcome(await this.http.get<TenantBranding>(`${tenantPath(tenantId)}/branding`, { tenantId }));
  }

  async agents(tenantId: string): Promise<AgentStatus[]> {
    return (await this.http.get<AgentStatus[]>(`${tenantPath(tenantId)}/agents?limit=50`, { tenantId })).body;
  }

  /** The tenant's newest audit entries. */
  async history(tenantId: string, limit = 20): Promise<HistoryEntry[]> {
    return (await this.http.get<HistoryEntry[]>(`${tenantPath(tenantId)}/history?limit=${limit}`, { tenantId })).body;
  }

  async apiKeys(tenantId: string): Promise<ApiKey[]> {
    return (await this.http.get<ApiKey[]>(`${tenantPath(tenantId)}/api-keys?limit=200`, { tenantId })).body;
  }

  /**
   * The data sources the tenant's agents report, every page up to the first thousand: enough to offer in a list,
   * and the agents report at most a thousand each.
   */
  async dataSources(tenantId: string): Promise<ReportedDataSource[]> {
    const all: ReportedDataSource[] = [];
    let cursor: string | null = null;
    do {
      const answer: Answer<ReportedDataSource[]> = await this.http.get<ReportedDataSource[]>(
        `${tenantPath(tenantId)}/data-sources${query({ cursor, limit: 200 })}`, { tenantId });
      all.push(...answer.body);
      cursor = answer.nextCursor;
    } while (cursor && all.length < 1000);
    return all;
  }

  async syncStatus(cursor?: string | null, limit = 50): Promise<Page<TenantSyncStatus>> {
    return page(await this.http.get<TenantSyncStatus[]>(`/api/sync-status${query({ cursor, limit })}`));
  }

  /** Every user the caller may read, up to the first thousand (a vendor has dozens of people, not thousands). */
  async users(): Promise<User[]> {
    const all: User[] = [];
    let cursor: string | null = null;
    do {
      const answer: Answer<User[]> = await this.http.get<User[]>(`/api/users${query({ cursor, limit: 200 })}`);
      all.push(...answer.body);
      cursor = answer.nextCursor;
    } while (cursor && all.length < 1000);
    return all;
  }

  // --- commands (command-api) ---

  async createUser(body: UserInput): Promise<Outcome<UserAnswer>> {
    return outcome(await this.http.command<UserAnswer>('POST', '/api/users', { body }));
  }

  async changeUser(userId: string, body: Partial<UserInput>): Promise<Outcome<UserAnswer>> {
    return outcome(await this.http.command<UserAnswer>('PATCH', `/api/users/${encodeURIComponent(userId)}`, { body }));
  }

  async disableUser(userId: string): Promise<Outcome<unknown>> {
    return outcome(await this.http.command('DELETE', `/api/users/${encodeURIComponent(userId)}`));
  }

  async createTenant(body: { name: string; slug: string; license_type?: string }): Promise<Outcome<CreatedTenant>> {
    return outcome(await this.http.command<CreatedTenant>('POST', '/api/tenants', { body }));
  }

  async pauseTenant(tenantId: string, reason: string | undefined, ifMatch: string | null): Promise<Outcome<unknown>> {
    return outcome(await this.http.command('POST', `${tenantPath(tenantId)}/pause`, { body: reason ? { reason } : {}, ifMatch }));
  }

  async activateTenant(tenantId: string, ifMatch: string | null): Promise<Outcome<unknown>> {
    return outcome(await this.http.command('POST', `${tenantPath(tenantId)}/activate`, { ifMatch }));
  }

  async setBranding(tenantId: string, branding: Branding, ifMatch: string | null): Promise<Outcome<BrandingAnswer>> {
    return outcome(await this.http.command<BrandingAnswer>('PUT', `${tenantPath(tenantId)}/branding`, { body: branding, ifMatch }));
  }

  async clearBranding(tenantId: string, ifMatch: string | null): Promise<Outcome<unknown>> {
    return outcome(await this.http.command('DELETE', `${tenantPath(tenantId)}/branding`, { ifMatch }));
  }

  async issueApiKey(tenantId: string, name: string): Promise<Outcome<IssuedApiKey>> {
    return outcome(await this.http.command<IssuedApiKey>('POST', `${tenantPath(tenantId)}/api-keys`, { body: { name } }));
  }

  async revokeApiKey(tenantId: string, keyId: string): Promise<Outcome<unknown>> {
    return outcome(await this.http.command('DELETE', `${tenantPath(tenantId)}/api-keys/${encodeURIComponent(keyId)}`));
  }

  async createDashboard(tenantId: string, body: { name: string; slug: string; description?: string }): Promise<Outcome<DashboardSummary>> {
    return outcome(await this.http.command<DashboardSummary>('POST', `${tenantPath(tenantId)}/dashboards`, { body }));
  }

  async replaceWidgets(dashboardId: string, widgets: WidgetDoc[], ifMatch: string | null): Promise<Outcome<{ widgets: WidgetDoc[] }>> {
    return outcome(await this.http.command<{ widgets: WidgetDoc[] }>('PUT', `/api/dashboards/${encodeURIComponent(dashboardId)}/widgets`,
      { body: { widgets }, ifMatch }));
  }

  async saveDraft(tenantId: string, message: string, ifMatch: string | null): Promise<Outcome<DraftSaved>> {
    return outcome(await this.http.command<DraftSaved>('POST', `${tenantPath(tenantId)}/versions`,
      { body: message ? { message } : {}, ifMatch }));
  }

  async publish(tenantId: string, versionId: string, ifMatch: string | null): Promise<Outcome<{ success: boolean; published_version: number }>> {
    return outcome(await this.http.command<{ success: boolean; published_version: number }>('POST',
      `${tenantPath(tenantId)}/versions/${encodeURIComponent(versionId)}/publish`, { ifMatch }));
  }

  async restore(tenantId: string, versionId: string, message: string, ifMatch: string | null): Promise<Outcome<DraftSaved>> {
    return outcome(await this.http.command<DraftSaved>('POST',
      `${tenantPath(tenantId)}/versions/${encodeURIComponent(versionId)}/restore`, { body: message ? { message } : {}, ifMatch }));
  }
}

// The HTTP API's shapes (docs/command-api.md, docs/query-api.md): snake_case, ISO-8601 UTC strings.

export type TenantStatus = 'active' | 'paused';

export interface Tenant {
  id: string;
  name: string;
  slug: string;
  license_type: string;
  is_active: boolean;
  /** Present once the backend knows pause/activate; older read models only have `is_active`. */
  status?: TenantStatus;
  paused_reason?: string | null;
  created_at: string;
  updated_at?: string;
  max_dashboards: number;
  max_widgets_per_dashboard: number;
  dashboard_count: number;
  last_sync: string | null;
}

export interface CreatedTenant {
  tenant: Tenant;
  api_key: string;
  api_key_id?: string;
}

/** One of a tenant's API keys as query-api lists it: never the key, nor its hash. */
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A key just issued: the only answer that carries the key itself. */
export interface IssuedApiKey {
  id: string;
  name: string;
  prefix: string;
  api_key: string;
}

export interface DashboardSummary {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  widget_count: number;
  created_at: string;
  updated_at: string;
}

/** The Phase 2 widget configuration; unknown keys are kept as they are. */
export interface WidgetConfig {
  query?: string;
  type?: string;
  title?: string;
  description?: string;
  refreshInterval?: number;
  chartConfig?: { xAxisKey?: string; yAxisKey?: string; colors?: string[] };
  [key: string]: unknown;
}

/** One widget as `PUT /api/dashboards/:id/widgets` takes it and the reads answer it. */
export interface WidgetDoc {
  id?: string;
  name: string;
  widget_type?: string;
  config: WidgetConfig;
  position_x: number;
  position_y: number;
  width: number;
  height: number;
  dashboard_id?: string;
}

export interface Dashboard {
  id: string;
  tenant_id: string;
  name: string;
  slug: string;
  description: string | null;
  widgets: WidgetDoc[];
}

export type VersionStatus = 'draft' | 'published' | 'archived';

export interface VersionRef {
  id: string;
  version: number;
}

export interface VersionSummary {
  id: string;
  version: number;
  status: VersionStatus;
  message: string | null;
  created_at: string;
  published_at: string | null;
  created_by: string;
  parent_version?: number | null;
  restored_from?: VersionRef | null;
}

export interface VersionMetadata {
  dashboards: { id: string; name: string; slug: string; description: string | null }[];
  widgets: WidgetDoc[];
  /** The tenant's branding as the version holds it (docs/contracts.md); absent or null when it has none. */
  branding?: Branding | null;
}

export interface VersionDetail extends VersionSummary {
  metadata: VersionMetadata;
}

export interface DraftSaved {
  id: string;
  version: number;
  status: 'draft';
  message: string | null;
}

export type SyncState = 'synced' | 'pending' | 'error' | 'stale';

export interface AgentStatus {
  agent_id: string;
  agent_version: string | null;
  running_version: number;
  latest_version: number;
  published_version: number;
  sync_status: string;
  last_error: string | null;
  first_seen: string;
  last_seen: string;
  state: SyncState;
}

export interface TenantSyncStatus {
  tenant_id: string;
  name: string;
  slug: string;
  status: 'synced' | 'pending' | 'error' | 'paused';
  reason: string | null;
  published_version: number;
  agents_seen: number;
  agents_on_published: number;
  agents_failing: number;
  last_sync: string | null;
}

export interface Overview {
  active_tenants: number;
  total_tenants: number;
  published_dashboards: number;
  total_widgets: number;
  sync_success_rate: number | null;
  syncs_last_24h: { success: number; error: number; partial: number };
  agents_seen_recently: number;
  sync_status: { synced: number; pending: number; error: number; paused?: number };
  recent_activity: {
    tenant_id: string;
    tenant_name: string;
    version: number;
    status: VersionStatus;
    message: string | null;
    at: string;
  }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A tenant's white-label branding, as command-api stores it and agents receive it (`metadata.branding`). */
export interface Branding {
  logo: BrandingLogo | null;
  colors: BrandingColors;
  font: BrandingFont;
  custom_css: string | null;
}

export interface BrandingLogo {
  media_type: 'image/png' | 'image/svg+xml';
  data_base64: string;
}

export interface BrandingColors {
  primary: string;
  secondary: string;
  accent: string;
  background: string;
  text: string;
}

export type BrandingFont = 'system-ui' | 'Inter' | 'Roboto' | 'Open Sans' | 'Lato' | 'Source Sans 3' | 'Noto Sans Thai' | 'IBM Plex Sans';

/** GET /api/tenants/:id/branding: the current, perhaps unpublished, branding; null when there is none. */
export interface TenantBranding {
  tenant_id: string;
  branding: Branding | null;
}

/** One data source the tenant's agents report (query-api GET /api/tenants/{id}/data-sources): ids and types only. */
export interface ReportedDataSource {
  id: string;
  type: string;
  agents: number;
  last_reported_at: string;
}

/** A user as `GET /api/users` lists them (never a password); a tenant-admin sees only the tenants it shares. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: 'super-admin' | 'tenant-admin' | 'dashboard-editor' | 'viewer';
  tenant_ids: string[];
  is_active: boolean;
  created_at: string;
  updated_at: string;
}

/** What `POST /api/users` takes; `PATCH /api/users/:id` takes any part of it. */
export interface UserInput {
  email: string;
  name: string;
  password?: string;
  role: User['role'];
  tenant_ids: string[];
}

/** One entry of a tenant's audit trail (`GET /api/tenants/:id/history`), newest first. */
export interface HistoryEntry {
  sequence: number;
  event_id: string;
  type: string;
  occurred_at: string;
  /** The signed-in user's email, or `admin` for the break-glass admin token. */
  actor: string | null;
  summary: string;
  dashboard_id: string | null;
  version: number | null;
  correlation_id: string | null;
}

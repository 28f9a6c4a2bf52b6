// The HTTP API's shapes, under the names the UI uses, taken from the services' OpenAPI documents:
// src/api/generated/ is generated from builder-ui/openapi/*.json (`npm run openapi`, docs/builder-ui.md).
// snake_case, ISO-8601 UTC strings.
import type { components as CommandApi } from './generated/command-api';
import type { components as QueryApi } from './generated/query-api';

type Command<Name extends keyof CommandApi['schemas']> = CommandApi['schemas'][Name];
type Query<Name extends keyof QueryApi['schemas']> = QueryApi['schemas'][Name];

/**
 * An answer as the UI reads it: every field present, and null only where named. The documents mark few
 * answer fields required and let every other be null (docs/openapi.md: Jackson writes an absent value as
 * null), while the read models always write them; the names and types still come from the document.
 */
type Answered<T, Nullable extends keyof T = never> = {
  [K in keyof T]-?: K extends Nullable ? NonNullable<T[K]> | null : NonNullable<T[K]>;
};

export type TenantStatus = NonNullable<Query<'TenantView'>['status']>;

export type Tenant = Answered<Query<'TenantView'>, 'paused_reason' | 'last_sync'>;

/** `POST /api/tenants`' answer: the tenant as the command stored it (not a read model's row) and its first API key. */
export type CreatedTenant = Command<'TenantCreated'>;

/** One of a tenant's API keys as query-api lists it: never the key, nor its hash. */
export type ApiKey = Answered<Query<'ApiKeyView'>, 'created_by' | 'last_used_at' | 'revoked_at'>;

/** A key just issued: the only answer that carries the key itself. */
export type IssuedApiKey = Command<'IssuedApiKeyAnswer'>;

export type DashboardSummary = Answered<Query<'DashboardSummary'>, 'description'>;

/**
 * The Phase 2 widget configuration; unknown keys are kept as they are. The OpenAPI documents leave
 * `config` open: its schema is widget-config.schema.json (docs/widget-config.md).
 */
export interface WidgetConfig {
  query?: string;
  type?: string;
  title?: string;
  description?: string;
  refreshInterval?: number;
  chartConfig?: { xAxisKey?: string; yAxisKey?: string; colors?: string[] };
  [key: string]: unknown;
}

/**
 * One widget as `PUT /api/dashboards/:id/widgets` takes it (`WidgetRequest`) and the reads answer it
 * (`WidgetView`; a version's metadata adds `dashboard_id`, docs/contracts.md). The builder always sets
 * a place and a size, which the request may leave out.
 */
export type WidgetDoc = Pick<Command<'WidgetRequest'>, 'name'> & {
  id?: string;
  widget_type?: string;
  config: WidgetConfig;
  position_x: number;
  position_y: number;
  width: number;
  height: number;
  dashboard_id?: string;
};

export type Dashboard = Omit<Answered<Query<'DashboardDetail'>, 'description'>, 'widgets'> & { widgets: WidgetDoc[] };

/** The document types a version's status as any string; these are the three a version has (docs/glossary.md). */
export type VersionStatus = 'draft' | 'published' | 'archived';

export type VersionRef = Answered<Query<'RestoredFrom'>>;

export type VersionSummary = Omit<Answered<Query<'VersionSummary'>, 'message' | 'published_at' | 'parent_version' | 'restored_from'>,
  'status' | 'restored_from'> & { status: VersionStatus; restored_from: VersionRef | null };

/** A version's content (docs/contracts.md); the OpenAPI document leaves `metadata` open. */
export interface VersionMetadata {
  dashboards: { id: string; name: string; slug: string; description: string | null }[];
  widgets: WidgetDoc[];
  /** The tenant's branding as the version holds it (docs/contracts.md); absent or null when it has none. */
  branding?: Branding | null;
}

export type VersionDetail = VersionSummary & { metadata: VersionMetadata };

export type DraftSaved = Command<'DraftSaved'>;

export type SyncState = NonNullable<Query<'AgentView'>['state']>;

export type AgentStatus = Answered<Query<'AgentView'>, 'agent_version' | 'last_error'>;

export type TenantSyncStatus = Answered<Query<'TenantSyncStatus'>, 'reason' | 'last_sync'>;

export type Overview = Omit<Answered<Query<'Overview'>, 'sync_success_rate'>, 'syncs_last_24h' | 'sync_status' | 'recent_activity'> & {
  syncs_last_24h: Answered<Query<'SyncCounts'>>;
  sync_status: Answered<Query<'StatusCounts'>>;
  recent_activity: (Omit<Answered<Query<'RecentActivity'>, 'message'>, 'status'> & { status: VersionStatus })[];
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type BrandingLogo = Command<'LogoRequest'>;

export type BrandingColors = Command<'ColorsRequest'>;

export type BrandingFont = Command<'BrandingRequest'>['font'];

/** A tenant's white-label branding, as command-api stores it and agents receive it (`metadata.branding`); no logo is null. */
export type Branding = Omit<Command<'BrandingRequest'>, 'logo' | 'custom_css'> & {
  logo: BrandingLogo | null;
  custom_css: string | null;
};

/** `PUT /api/tenants/:id/branding`'s answer: the branding as stored. */
export type BrandingAnswer = Command<'BrandingAnswer'>;

/** GET /api/tenants/:id/branding: the current, perhaps unpublished, branding; null when there is none (the document leaves it open). */
export type TenantBranding = Omit<Query<'TenantBranding'>, 'branding'> & { branding: Branding | null };

/** One data source the tenant's agents report (query-api GET /api/tenants/{id}/data-sources): ids and types only. */
export type ReportedDataSource = Answered<Query<'DataSourceView'>>;

/** query-api types a user's role as any string; command-api's document names the four. */
export type UserRole = Command<'CreateUserRequest'>['role'];

/** A user as `GET /api/users` lists them (never a password); a tenant-admin sees only the tenants it shares. */
export type User = Omit<Answered<Query<'UserView'>>, 'role'> & { role: UserRole };

/** command-api's answer to a user's creation, change or disabling: no timestamps, which only the read model keeps. */
export type UserAnswer = Command<'UserAnswer'>;

/** What `POST /api/users` takes; `PATCH /api/users/:id` takes any part of it. */
export type UserInput = Command<'CreateUserRequest'>;

/** One entry of a tenant's audit trail (`GET /api/tenants/:id/history`), newest first. `actor` is the signed-in user's email, or `admin` for the break-glass admin token. */
export type HistoryEntry = Answered<Query<'HistoryEntryView'>, 'actor' | 'dashboard_id' | 'version' | 'correlation_id'>;

import type { Branding, VersionMetadata, WidgetDoc } from '../api/types';

export type LineChange = 'same' | 'added' | 'removed' | 'changed';

/** One row of a side-by-side diff: the left line, the right line, or both. */
export interface DiffRow {
  change: LineChange;
  left?: { number: number; text: string };
  right?: { number: number; text: string };
}

export interface DiffSummary {
  added: string[];
  removed: string[];
  changed: string[];
  /** The branding's parts that differ: `logo`, `colors.primary` …, `font`, `custom_css`. */
  branding: string[];
}

/**
 * A version's snapshot as stable text: its branding, then dashboards by slug, their widgets by name, ids left
 * out (they are the same for an unchanged widget and tell the admin nothing), keys in a fixed order.
 */
export function snapshotText(metadata: VersionMetadata): string {
  const dashboards = [...(metadata.dashboards ?? [])].sort((a, b) => a.slug.localeCompare(b.slug));
  const view = dashboards.map((d) => ({
    dashboard: d.slug,
    name: d.name,
    description: d.description ?? null,
    widgets: widgetsOf(metadata, d.id).map(stripIds),
  }));
  return JSON.stringify({ branding: brandingView(metadata.branding), dashboards: view }, sortedKeys, 2);
}

/**
 * The branding as a diff shows it: a logo is up to 64 KiB of base64 on one line, so it is shown as its type,
 * size and a fingerprint: a different logo is a changed line, not a wall of text.
 */
function brandingView(branding: Branding | null | undefined): Record<string, unknown> | null {
  if (!branding) {
    return null;
  }
  const logo = branding.logo
    ? `${branding.logo.media_type}, ${Math.floor((branding.logo.data_base64.length * 3) / 4)} bytes, #${fingerprint(branding.logo.data_base64)}`
    : null;
  return { ...branding, logo };
}

/** FNV-1a: enough to tell two logos apart in a diff, not a security measure. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Which parts of the branding differ between two versions; a branding set on one side only differs in every part it sets. */
export function brandingChanges(before: Branding | null | undefined, after: Branding | null | undefined): string[] {
  const parts = (b: Branding | null | undefined): Map<string, string> => {
    const view = brandingView(b);
    const entries = new Map<string, string>();
    if (!view) {
      return entries;
    }
    for (const [key, value] of Object.entries(view)) {
      if (key === 'colors' && value && typeof value === 'object') {
        Object.entries(value as Record<string, unknown>).forEach(([name, color]) => entries.set(`colors.${name}`, JSON.stringify(color)));
      } else if (value !== null && value !== undefined) {
        entries.set(key, JSON.stringify(value));
      }
    }
    return entries;
  };
  const a = parts(before);
  const b = parts(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((key) => a.get(key) !== b.get(key)).sort();
}

function widgetsOf(metadata: VersionMetadata, dashboardId: string): WidgetDoc[] {
  return (metadata.widgets ?? []).filter((w) => w.dashboard_id === dashboardId).sort((a, b) => a.name.localeCompare(b.name));
}

function stripIds(widget: WidgetDoc): Omit<WidgetDoc, 'id' | 'dashboard_id'> {
  const { id: _id, dashboard_id: _dashboard, ...rest } = widget;
  void _id;
  void _dashboard;
  return rest;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
  }
  return value;
}

/** Which widgets (as `dashboard/widget`) a version added, removed or changed against the other, and which branding parts. */
export function summarize(before: VersionMetadata, after: VersionMetadata): DiffSummary {
  const index = (m: VersionMetadata) => {
    const slugs = new Map((m.dashboards ?? []).map((d) => [d.id, d.slug]));
    return new Map((m.widgets ?? []).map((w) => [`${slugs.get(w.dashboard_id ?? '') ?? '?'}/${w.name}`, JSON.stringify(stripIds(w), sortedKeys)]));
  };
  const a = index(before);
  const b = index(after);
  return {
    added: [...b.keys()].filter((k) => !a.has(k)).sort(),
    removed: [...a.keys()].filter((k) => !b.has(k)).sort(),
    changed: [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)).sort(),
    branding: brandingChanges(before.branding, after.branding),
  };
}

/**
 * A line diff (longest common subsequence) laid out side by side; a removed line followed by an
 * added one is shown as one changed row, as review tools do.
 */
export function sideBySide(leftText: string, rightText: string): DiffRow[] {
  const left = leftText.split('\n');
  const right = rightText.split('\n');
  const n = left.length;
  const m = right.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = left[i] === right[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const rows: DiffRow[] = [];
  let removed: DiffRow[] = [];
  let added: DiffRow[] = [];
  const flush = () => {
    const pairs = Math.max(removed.length, added.length);
    for (let k = 0; k < pairs; k++) {
      const l = removed[k]?.left;
      const r = added[k]?.right;
      rows.push({ change: l && r ? 'changed' : l ? 'removed' : 'added', left: l, right: r });
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && left[i] === right[j]) {
      flush();
      rows.push({ change: 'same', left: { number: i + 1, text: left[i] }, right: { number: j + 1, text: right[j] } });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push({ change: 'added', right: { number: j + 1, text: right[j] } });
      j++;
    } else {
      removed.push({ change: 'removed', left: { number: i + 1, text: left[i] } });
      i++;
    }
  }
  flush();
  return rows;
}

import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { BrandColors } from '@flexboard/charts';
import type { FlexboardApi } from '../../api/flexboard';
import { ApiProblem, describe, type FieldError } from '../../api/problem';
import type { Dashboard, ReportedDataSource, Tenant, VersionSummary, WidgetDoc } from '../../api/types';
import { blocking, validateDocument, widgetIndexOf } from '../../model/validation';
import { forSave, newWidget, nextFreeRow, normalize } from '../../model/widgets';
import { documentOf, newUid, reconcile, sameWidgets, toItems, type Item } from './draft';

export interface Layout {
  uid: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A version opened read-only from the version selector. */
export interface Viewing {
  version: VersionSummary;
  items: Item[];
}

/**
 * The builder's state and commands. Both views (visual, JSON) edit the same items, so switching
 * loses nothing; the ETag read with the dashboard goes with every command (If-Match), and each
 * command's answer carries the next one.
 */
export function useBuilder(api: FlexboardApi, tenantId: string, dashboardId: string) {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [tenant, setTenant] = useState<Tenant | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [saved, setSaved] = useState<WidgetDoc[]>([]);
  const [items, setItems] = useState<Item[]>([]);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState<'saving' | 'publishing' | null>(null);
  const [viewing, setViewing] = useState<Viewing | null>(null);
  /** Text in the JSON view that does not parse yet: kept so a view switch cannot drop it. */
  const [unparsed, setUnparsed] = useState<{ text: string; error: string } | null>(null);
  const [reportedSources, setReportedSources] = useState<ReportedDataSource[]>([]);
  const [brand, setBrand] = useState<BrandColors | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const [read, tenantRead, versionList] = await Promise.all([
        api.dashboard(tenantId, dashboardId),
        api.tenant(tenantId),
        api.versions(tenantId),
      ]);
      const widgets = read.body.widgets.map(normalize);
      setDashboard(read.body);
      setTenant(tenantRead.body);
      setEtag(read.etag);
      setSaved(widgets);
      setItems(toItems(widgets));
      setVersions(versionList);
      setServerErrors([]);
      setUnparsed(null);
      setViewing(null);
      setLoadError(undefined);
    } catch (e) {
      setLoadError(describe(e));
    }
  }, [api, tenantId, dashboardId]);

  useEffect(() => {
    void load();
  }, [load]);

  // Only suggestions for the connection field: the builder works the same without them, so a failure is quiet.
  useEffect(() => {
    api.dataSources(tenantId).then(setReportedSources, () => setReportedSources([]));
  }, [api, tenantId]);

  // The previews draw in the tenant's branding, as its viewer will; without it they keep the theme's palette.
  useEffect(() => {
    api.branding(tenantId).then((read) => setBrand(read.body.branding?.colors), () => setBrand(undefined));
  }, [api, tenantId]);

  const docs = useMemo(() => items.map((i) => i.doc), [items]);
  const clientErrors = useMemo(() => validateDocument(documentOf(items), tenant?.max_widgets_per_dashboard), [items, tenant]);
  const errors = useMemo(() => [...serverErrors, ...clientErrors.filter((c) => !serverErrors.some((s) => s.field === c.field))],
    [serverErrors, clientErrors]);
  const dirty = !sameWidgets(docs, saved) || unparsed !== null;
  const latest = versions[0];
  const published = versions.find((v) => v.status === 'published');

  // Every edit is a function of the items before it: the grid's event handlers outlive a render.
  const edit = (change: (previous: Item[]) => Item[]) => {
    setItems(change);
    setServerErrors([]);
  };

  const add = (type: string, place?: { x: number; y: number; w?: number; h?: number }) => {
    const uid = newUid();
    edit((previous) => {
      const taken = previous.map((i) => i.doc.name);
      const doc = newWidget(type, taken, place ?? { x: 0, y: nextFreeRow(previous.map((i) => i.doc)) });
      return [...previous, { uid, doc }];
    });
    setSelected(uid);
  };

  const update = (uid: string, change: (doc: WidgetDoc) => WidgetDoc) => {
    edit((previous) => previous.map((i) => (i.uid === uid ? { ...i, doc: change(i.doc) } : i)));
  };

  const remove = (uid: string) => {
    edit((previous) => previous.filter((i) => i.uid !== uid));
    setSelected((current) => (current === uid ? null : current));
  };

  /** Positions and sizes the grid reports after a drag or resize. */
  const layout = (changes: Layout[]) => {
    setItems((previous) => {
      let changed = false;
      const next = previous.map((i) => {
        const c = changes.find((l) => l.uid === i.uid);
        if (!c || (c.x === i.doc.position_x && c.y === i.doc.position_y && c.w === i.doc.width && c.h === i.doc.height)) {
          return i;
        }
        changed = true;
        return { ...i, doc: { ...i.doc, position_x: c.x, position_y: c.y, width: c.w, height: c.h } };
      });
      if (changed) setServerErrors([]);
      return changed ? next : previous;
    });
  };

  const fromJson = (document: unknown) => {
    setUnparsed(null);
    const widgets = (document as { widgets?: unknown })?.widgets;
    if (Array.isArray(widgets)) {
      edit((previous) => reconcile(previous, widgets.map((w) => normalize((w ?? {}) as Partial<WidgetDoc>))));
    }
  };

  /** A refusal with field errors lands on the fields; a 412 opens the stale-edit dialog. */
  const refused = (e: unknown, what: string, sentEtag: string | null): string => {
    if (e instanceof ApiProblem && e.isStaleEdit) {
      // The tenant is past the version we sent: the reload waits until the read side shows at least the next one.
      const sent = Number(sentEtag?.replace(/\D/g, ''));
      if (Number.isInteger(sent)) api.http.tokens.remember(`${tenantId}:${sent + 1}`);
      setConflict(true);
      return 'Someone else changed this tenant: nothing was saved.';
    }
    if (e instanceof ApiProblem && e.errors.length > 0) {
      setServerErrors(e.errors.map((err) => ({ ...err, severity: 'error' })));
      const first = widgetIndexOf(e.errors[0].field);
      if (first !== undefined && items[first]) setSelected(items[first].uid);
      return `The server refused the ${what}: ${e.errors.map((err) => `${err.field} ${err.message}`).join('; ')}`;
    }
    return `The ${what} failed: ${describe(e)}`;
  };

  /** Save draft: the widgets (when changed), then a draft version of the tenant; each with the ETag the previous step answered. */
  const saveDraft = async (message: string): Promise<{ ok: boolean; text: string }> => {
    if (unparsed) {
      return { ok: false, text: 'The JSON has a syntax error: fix it first.' };
    }
    const problems = blocking(clientErrors);
    if (problems.length > 0) {
      const first = widgetIndexOf(problems[0].field);
      if (first !== undefined && items[first]) setSelected(items[first].uid);
      return { ok: false, text: `Fix ${problems.length} problem${problems.length > 1 ? 's' : ''} first: ${problems[0].field} ${problems[0].message}` };
    }
    setBusy('saving');
    let current = etag;
    try {
      if (!sameWidgets(docs, saved)) {
        const stored = await api.replaceWidgets(dashboardId, docs.map(forSave), current);
        current = stored.etag;
        const widgets = stored.body.widgets.map(normalize);
        setSaved(widgets);
        // The server filled in ids and defaults; keep each item's key (same order as sent).
        setItems(items.map((i, index) => ({ uid: i.uid, doc: widgets[index] ?? i.doc })));
      }
      const draft = await api.saveDraft(tenantId, message, current);
      setEtag(draft.etag);
      setServerErrors([]);
      setVersions(await api.versions(tenantId));
      return { ok: true, text: `Draft v${draft.body.version} saved` };
    } catch (e) {
      return { ok: false, text: refused(e, 'save', current) };
    } finally {
      setBusy(null);
    }
  };

  const publish = async (version: VersionSummary): Promise<{ ok: boolean; text: string }> => {
    setBusy('publishing');
    try {
      const answer = await api.publish(tenantId, version.id, etag);
      setEtag(answer.etag);
      setVersions(await api.versions(tenantId));
      return { ok: true, text: `Version ${answer.body.published_version} is published: agents get it on their next sync` };
    } catch (e) {
      return { ok: false, text: refused(e, 'publish', etag) };
    } finally {
      setBusy(null);
    }
  };

  /** Cancel: back to what the server has, dropping every unsaved edit. */
  const discard = () => {
    setItems(toItems(saved));
    setServerErrors([]);
    setUnparsed(null);
    setSelected(null);
  };

  const view = async (versionId: string | null) => {
    if (!versionId) {
      setViewing(null);
      return;
    }
    const detail = await api.version(tenantId, versionId);
    const widgets = detail.metadata.widgets.filter((w) => w.dashboard_id === dashboardId).map(normalize);
    setViewing({ version: detail, items: toItems(widgets) });
    setSelected(null);
  };

  return {
    dashboard, tenant, etag, items, docs, versions, latest, published, selected, errors, serverErrors, clientErrors,
    dirty, busy, conflict, loadError, viewing, unparsed, reportedSources, brand,
    setSelected, add, update, remove, layout, fromJson, setUnparsed, saveDraft, publish, discard, view,
    reload: load,
    closeConflict: () => setConflict(false),
  };
}

export type Builder = ReturnType<typeof useBuilder>;

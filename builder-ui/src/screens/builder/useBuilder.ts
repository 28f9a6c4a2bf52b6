import { useCallback, useEffect, useMemo, useReducer } from 'preact/hooks';
import type { FlexboardApi } from '../../api/flexboard';
import { ApiProblem, describe } from '../../api/problem';
import type { VersionSummary, WidgetDoc } from '../../api/types';
import { blocking, validateDocument, widgetIndexOf } from '../../model/validation';
import { forSave, normalize } from '../../model/widgets';
import { builderReducer, initialBuilderState, type Layout, type Unparsed } from './builderReducer';
import { documentOf, newUid, sameWidgets, toItems } from './workingCopy';

/**
 * The builder's state and commands. Both views (visual, JSON) edit the same working copy, so switching
 * loses nothing; the ETag read with the dashboard goes with every command (If-Match), and each
 * command's answer carries the next one. The transitions are builderReducer's; this hook runs the effects.
 */
export function useBuilder(api: FlexboardApi, tenantId: string, dashboardId: string) {
  const [state, dispatch] = useReducer(builderReducer, initialBuilderState);
  const { tenant, etag, saved, workingCopy, versions, serverErrors, unparsed } = state;

  const load = useCallback(async () => {
    try {
      const [read, tenantRead, versionList] = await Promise.all([
        api.dashboard(tenantId, dashboardId),
        api.tenant(tenantId),
        api.versions(tenantId),
      ]);
      dispatch({ type: 'loaded', dashboard: read.body, tenant: tenantRead.body, etag: read.etag, versions: versionList });
    } catch (e) {
      dispatch({ type: 'load-failed', message: describe(e) });
    }
  }, [api, tenantId, dashboardId]);

  useEffect(() => {
    void load();
  }, [load]);

  // Only suggestions for the connection field: the builder works the same without them, so a failure is quiet.
  useEffect(() => {
    api.dataSources(tenantId).then(
      (sources) => dispatch({ type: 'sources-reported', sources }),
      () => dispatch({ type: 'sources-reported', sources: [] }));
  }, [api, tenantId]);

  // The previews draw in the tenant's branding, as its viewer will; without it they keep the theme's palette.
  useEffect(() => {
    api.branding(tenantId).then(
      (read) => dispatch({ type: 'brand-read', brand: read.body.branding?.colors }),
      () => dispatch({ type: 'brand-read', brand: undefined }));
  }, [api, tenantId]);

  const docs = useMemo(() => workingCopy.map((i) => i.doc), [workingCopy]);
  const clientErrors = useMemo(() => validateDocument(documentOf(workingCopy), tenant?.max_widgets_per_dashboard), [workingCopy, tenant]);
  const errors = useMemo(() => [...serverErrors, ...clientErrors.filter((c) => !serverErrors.some((s) => s.field === c.field))],
    [serverErrors, clientErrors]);
  const dirty = !sameWidgets(docs, saved) || unparsed !== null;
  const latest = versions[0];
  const published = versions.find((v) => v.status === 'published');

  const add = (type: string, place?: { x: number; y: number; w?: number; h?: number }) =>
    dispatch({ type: 'added', uid: newUid(), widgetType: type, place });
  const update = (uid: string, change: (doc: WidgetDoc) => WidgetDoc) => dispatch({ type: 'updated', uid, change });
  const remove = (uid: string) => dispatch({ type: 'removed', uid });
  const layout = (changes: Layout[]) => dispatch({ type: 'laid-out', changes });
  const fromJson = (document: unknown) => dispatch({ type: 'json-edited', document });

  /** The sentence for a refused command; a 412 also makes the reload wait for the change that made the edit stale. */
  const refused = (e: unknown, what: string, sentEtag: string | null): string => {
    dispatch({ type: 'command-failed', error: e });
    if (e instanceof ApiProblem && e.isStaleEdit) {
      // The tenant is past the version we sent: the reload waits until the read side shows at least the next one.
      const sent = Number(sentEtag?.replace(/\D/g, ''));
      if (Number.isInteger(sent)) api.http.tokens.remember(`${tenantId}:${sent + 1}`);
      return 'Someone else changed this tenant: nothing was saved.';
    }
    if (e instanceof ApiProblem && e.errors.length > 0) {
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
      if (first !== undefined && workingCopy[first]) dispatch({ type: 'selected', uid: workingCopy[first].uid });
      return { ok: false, text: `Fix ${problems.length} problem${problems.length > 1 ? 's' : ''} first: ${problems[0].field} ${problems[0].message}` };
    }
    dispatch({ type: 'save-started' });
    let current = etag;
    try {
      if (!sameWidgets(docs, saved)) {
        const stored = await api.replaceWidgets(dashboardId, docs.map(forSave), current);
        current = stored.etag;
        dispatch({ type: 'widgets-stored', sent: workingCopy, widgets: stored.body.widgets.map(normalize) });
      }
      const draft = await api.saveDraft(tenantId, message, current);
      dispatch({ type: 'draft-saved', etag: draft.etag });
      dispatch({ type: 'versions-read', versions: await api.versions(tenantId) });
      return { ok: true, text: `Draft v${draft.body.version} saved` };
    } catch (e) {
      return { ok: false, text: refused(e, 'save', current) };
    } finally {
      dispatch({ type: 'command-ended' });
    }
  };

  const publish = async (version: VersionSummary): Promise<{ ok: boolean; text: string }> => {
    dispatch({ type: 'publish-started' });
    try {
      const answer = await api.publish(tenantId, version.id, etag);
      dispatch({ type: 'published', etag: answer.etag });
      dispatch({ type: 'versions-read', versions: await api.versions(tenantId) });
      return { ok: true, text: `Version ${answer.body.published_version} is published: agents get it on their next sync` };
    } catch (e) {
      return { ok: false, text: refused(e, 'publish', etag) };
    } finally {
      dispatch({ type: 'command-ended' });
    }
  };

  const view = async (versionId: string | null) => {
    if (!versionId) {
      dispatch({ type: 'viewed', viewing: null });
      return;
    }
    const detail = await api.version(tenantId, versionId);
    const widgets = detail.metadata.widgets.filter((w) => w.dashboard_id === dashboardId).map(normalize);
    dispatch({ type: 'viewed', viewing: { version: detail, items: toItems(widgets) } });
  };

  return {
    ...state, docs, latest, published, errors, clientErrors, dirty,
    setSelected: (uid: string | null) => dispatch({ type: 'selected', uid }),
    setUnparsed: (next: Unparsed | null) => dispatch({ type: 'json-unparsed', unparsed: next }),
    add, update, remove, layout, fromJson, saveDraft, publish, view,
    discard: () => dispatch({ type: 'discarded' }),
    reload: load,
    closeConflict: () => dispatch({ type: 'conflict-closed' }),
  };
}

export type Builder = ReturnType<typeof useBuilder>;

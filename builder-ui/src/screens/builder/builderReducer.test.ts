import { describe, expect, it } from 'vitest';
import { ApiProblem, NetworkFailure } from '../../api/problem';
import type { Dashboard, Tenant, VersionSummary, WidgetDoc } from '../../api/types';
import { builderReducer, initialBuilderState, type BuilderAction, type BuilderState } from './builderReducer';

const widget = (name: string, change: Partial<WidgetDoc> = {}): WidgetDoc => ({
  id: `id-${name}`, name, widget_type: 'bar', config: { type: 'bar', query: 'SELECT 1' },
  position_x: 0, position_y: 0, width: 6, height: 4, ...change,
});

const dashboardWith = (...widgets: WidgetDoc[]): Dashboard => ({
  id: 'd1', tenant_id: 't1', name: 'Sales', slug: 'sales', description: null, widget_count: widgets.length,
  created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', widgets,
});

const tenant = { id: 't1', name: 'Acme', max_widgets_per_dashboard: 20 } as Tenant;

const draftVersion = (version: number): VersionSummary => ({
  id: `v${version}`, version, status: 'draft', message: null, created_at: '2026-01-01T00:00:00Z', published_at: null,
  created_by: 'admin', parent_version: null, restored_from: null,
});

const run = (state: BuilderState, ...actions: BuilderAction[]) => actions.reduce(builderReducer, state);

/** A builder that has read a dashboard with these widgets at ETag "3". */
const loadedWith = (...widgets: WidgetDoc[]) =>
  run(initialBuilderState, { type: 'loaded', dashboard: dashboardWith(...widgets), tenant, etag: '"3"', versions: [draftVersion(1)] });

const names = (state: BuilderState) => state.workingCopy.map((i) => i.doc.name);
const refusal = (status: number, errors: { field: string; message: string }[] = []) =>
  new ApiProblem(status, 'https://flexboard.io/problems/x', 'Refused', '', errors);

describe('loading', () => {
  it('makes the saved widgets the working copy and keeps the ETag for the next command', () => {
    const state = loadedWith(widget('revenue'), widget('orders'));
    expect(names(state)).toEqual(['revenue', 'orders']);
    expect(state.saved.map((w) => w.name)).toEqual(['revenue', 'orders']);
    expect(state.etag).toBe('"3"');
    expect(state.versions).toHaveLength(1);
  });

  it('a reload drops the server errors, the unparsed JSON and the version being viewed', () => {
    const before: BuilderState = {
      ...loadedWith(widget('revenue')), serverErrors: [{ field: 'widgets[0].name', message: 'taken' }],
      unparsed: { text: '{', error: 'Unexpected end' }, viewing: { version: draftVersion(1), items: [] }, loadError: 'down',
    };
    const state = run(before, { type: 'loaded', dashboard: dashboardWith(widget('revenue')), tenant, etag: '"4"', versions: [] });
    expect(state.serverErrors).toEqual([]);
    expect(state.unparsed).toBeNull();
    expect(state.viewing).toBeNull();
    expect(state.loadError).toBeUndefined();
  });

  it('a failed read keeps the message for the screen', () => {
    expect(run(initialBuilderState, { type: 'load-failed', message: 'The server is down' }).loadError).toBe('The server is down');
  });
});

describe('editing the working copy', () => {
  it('adds a widget under the others, selects it and leaves the saved widgets alone', () => {
    const state = run(loadedWith(widget('revenue')), { type: 'added', uid: 'new', widgetType: 'line' });
    expect(state.workingCopy).toHaveLength(2);
    expect(state.workingCopy[1].uid).toBe('new');
    expect(state.workingCopy[1].doc.position_y).toBe(4);
    expect(state.selected).toBe('new');
    expect(state.saved).toHaveLength(1);
  });

  it('updates, moves and removes a widget by its key, clearing the server errors each time', () => {
    const loaded = { ...loadedWith(widget('revenue'), widget('orders')), serverErrors: [{ field: 'widgets[0].name', message: 'taken' }] };
    const uid = loaded.workingCopy[0].uid;
    const renamed = run(loaded, { type: 'updated', uid, change: (doc) => ({ ...doc, name: 'income' }) });
    expect(names(renamed)).toEqual(['income', 'orders']);
    expect(renamed.serverErrors).toEqual([]);

    const moved = run({ ...renamed, serverErrors: loaded.serverErrors }, { type: 'laid-out', changes: [{ uid, x: 2, y: 1, w: 8, h: 4 }] });
    expect(moved.workingCopy[0].doc).toMatchObject({ position_x: 2, position_y: 1, width: 8, height: 4 });
    expect(moved.serverErrors).toEqual([]);

    const removed = run({ ...moved, selected: uid }, { type: 'removed', uid });
    expect(names(removed)).toEqual(['orders']);
    expect(removed.selected).toBeNull();
  });

  it('a layout report that changes nothing is no edit: the state is the same object', () => {
    const loaded = loadedWith(widget('revenue'));
    const { uid } = loaded.workingCopy[0];
    expect(run(loaded, { type: 'laid-out', changes: [{ uid, x: 0, y: 0, w: 6, h: 4 }] })).toBe(loaded);
  });

  it('a document from the JSON view keeps each widget key matched by id or name, and ends the unparsed text', () => {
    const loaded = { ...loadedWith(widget('revenue'), widget('orders')), unparsed: { text: '{', error: 'Unexpected end' } };
    const keys = loaded.workingCopy.map((i) => i.uid);
    const state = run(loaded, { type: 'json-edited', document: { widgets: [widget('orders'), widget('revenue', { width: 12 })] } });
    expect(state.workingCopy.map((i) => i.uid)).toEqual([keys[1], keys[0]]);
    expect(state.workingCopy[1].doc.width).toBe(12);
    expect(state.unparsed).toBeNull();
  });

  it('cancel goes back to the saved widgets', () => {
    const edited = run(loadedWith(widget('revenue')), { type: 'added', uid: 'new', widgetType: 'pie' },
      { type: 'json-unparsed', unparsed: { text: '[', error: 'Unexpected end' } });
    const state = run(edited, { type: 'discarded' });
    expect(names(state)).toEqual(['revenue']);
    expect(state.unparsed).toBeNull();
    expect(state.selected).toBeNull();
  });
});

describe('saving a draft', () => {
  it('stores the widgets as the server answered them, keeping each key, then the new ETag', () => {
    const edited = run(loadedWith(widget('revenue', { id: undefined })), { type: 'save-started' });
    expect(edited.busy).toBe('saving');
    const sent = edited.workingCopy;
    const state = run(edited,
      { type: 'widgets-stored', sent, widgets: [widget('revenue', { id: 'server-id' })] },
      { type: 'draft-saved', etag: '"5"' },
      { type: 'versions-read', versions: [draftVersion(2), draftVersion(1)] },
      { type: 'command-ended' });
    expect(state.workingCopy).toEqual([{ uid: sent[0].uid, doc: widget('revenue', { id: 'server-id' }) }]);
    expect(state.saved).toEqual([widget('revenue', { id: 'server-id' })]);
    expect(state.etag).toBe('"5"');
    expect(state.versions[0].version).toBe(2);
    expect(state.busy).toBeNull();
  });

  it('a stale edit (412) opens the conflict dialog and keeps the working copy', () => {
    const edited = run(loadedWith(widget('revenue')), { type: 'added', uid: 'new', widgetType: 'pie' }, { type: 'save-started' });
    const state = run(edited, { type: 'command-failed', error: refusal(412) }, { type: 'command-ended' });
    expect(state.conflict).toBe(true);
    expect(names(state)).toHaveLength(2);
    expect(state.etag).toBe('"3"');
    expect(run(state, { type: 'conflict-closed' }).conflict).toBe(false);
  });

  it('a refusal with field errors puts them on the fields and selects the first one\'s widget', () => {
    const loaded = loadedWith(widget('revenue'), widget('orders'));
    const state = run(loaded, { type: 'save-started' },
      { type: 'command-failed', error: refusal(400, [{ field: 'widgets[1].name', message: 'is used on another dashboard' }]) },
      { type: 'command-ended' });
    expect(state.serverErrors).toEqual([{ field: 'widgets[1].name', message: 'is used on another dashboard', severity: 'error' }]);
    expect(state.selected).toBe(loaded.workingCopy[1].uid);
    expect(state.busy).toBeNull();
  });

  it('a failure without an answer changes nothing but the busy flag', () => {
    const loaded = loadedWith(widget('revenue'));
    const state = run(loaded, { type: 'save-started' }, { type: 'command-failed', error: new NetworkFailure('offline') }, { type: 'command-ended' });
    expect(state).toEqual(loaded);
  });
});

describe('publishing', () => {
  it('keeps the answer\'s ETag and the re-read versions', () => {
    const started = run(loadedWith(widget('revenue')), { type: 'publish-started' });
    expect(started.busy).toBe('publishing');
    const published = { ...draftVersion(1), status: 'published' as const };
    const state = run(started, { type: 'published', etag: '"4"' }, { type: 'versions-read', versions: [published] }, { type: 'command-ended' });
    expect(state.etag).toBe('"4"');
    expect(state.versions).toEqual([published]);
    expect(state.busy).toBeNull();
  });

  it('a stale publish opens the conflict dialog', () => {
    const state = run(loadedWith(widget('revenue')), { type: 'publish-started' }, { type: 'command-failed', error: refusal(412) });
    expect(state.conflict).toBe(true);
  });
});

describe('viewing a version', () => {
  it('opens it read-only and drops the selection; closing it keeps the working copy', () => {
    const loaded = { ...loadedWith(widget('revenue')), selected: 'x' };
    const viewing = run(loaded, { type: 'viewed', viewing: { version: draftVersion(1), items: [] } });
    expect(viewing.viewing?.version.version).toBe(1);
    expect(viewing.selected).toBeNull();
    const closed = run(viewing, { type: 'viewed', viewing: null });
    expect(closed.viewing).toBeNull();
    expect(names(closed)).toEqual(['revenue']);
  });
});

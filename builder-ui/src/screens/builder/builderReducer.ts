import type { BrandColors } from '@flexboard/charts';
import { ApiProblem, type FieldError } from '../../api/problem';
import type { Dashboard, ReportedDataSource, Tenant, VersionSummary, WidgetDoc } from '../../api/types';
import { widgetIndexOf } from '../../model/validation';
import { newWidget, nextFreeRow, normalize } from '../../model/widgets';
import { reconcile, toItems, type Item } from './workingCopy';

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

/** Text in the JSON view that does not parse yet: kept so a view switch cannot drop it. */
export interface Unparsed {
  text: string;
  error: string;
}

/** Everything the dashboard builder knows: what the server has, the working copy, and where a command stands. */
export interface BuilderState {
  dashboard: Dashboard | null;
  tenant: Tenant | null;
  /** The ETag of the last read or command: the next command's If-Match. */
  etag: string | null;
  /** The widgets as the server has them. */
  saved: WidgetDoc[];
  /** What the builder has edited and not saved yet (docs/glossary.md): both views edit it. */
  workingCopy: Item[];
  versions: VersionSummary[];
  selected: string | null;
  serverErrors: FieldError[];
  loadError: string | undefined;
  conflict: boolean;
  busy: 'saving' | 'publishing' | null;
  viewing: Viewing | null;
  unparsed: Unparsed | null;
  reportedSources: ReportedDataSource[];
  brand: BrandColors | undefined;
}

export const initialBuilderState: BuilderState = {
  dashboard: null,
  tenant: null,
  etag: null,
  saved: [],
  workingCopy: [],
  versions: [],
  selected: null,
  serverErrors: [],
  loadError: undefined,
  conflict: false,
  busy: null,
  viewing: null,
  unparsed: null,
  reportedSources: [],
  brand: undefined,
};

export type BuilderAction =
  | { type: 'loaded'; dashboard: Dashboard; tenant: Tenant; etag: string | null; versions: VersionSummary[] }
  | { type: 'load-failed'; message: string }
  | { type: 'sources-reported'; sources: ReportedDataSource[] }
  | { type: 'brand-read'; brand: BrandColors | undefined }
  | { type: 'selected'; uid: string | null }
  | { type: 'added'; uid: string; widgetType: string; place?: { x: number; y: number; w?: number; h?: number } }
  | { type: 'updated'; uid: string; change: (doc: WidgetDoc) => WidgetDoc }
  | { type: 'removed'; uid: string }
  /** Positions and sizes the grid reports after a drag or resize. */
  | { type: 'laid-out'; changes: Layout[] }
  | { type: 'json-edited'; document: unknown }
  | { type: 'json-unparsed'; unparsed: Unparsed | null }
  /** Cancel: back to what the server has, dropping every unsaved edit. */
  | { type: 'discarded' }
  | { type: 'save-started' }
  /** The widgets the save sent (`sent`, the working copy then) as the server stored them, in the same order. */
  | { type: 'widgets-stored'; sent: Item[]; widgets: WidgetDoc[] }
  | { type: 'draft-saved'; etag: string | null }
  | { type: 'publish-started' }
  | { type: 'published'; etag: string | null }
  | { type: 'versions-read'; versions: VersionSummary[] }
  /** A save or publish refused or failed. */
  | { type: 'command-failed'; error: unknown }
  | { type: 'command-ended' }
  | { type: 'conflict-closed' }
  | { type: 'viewed'; viewing: Viewing | null };

/**
 * The dashboard builder's state transitions: pure, so every one is tested without a browser or a server
 * (useBuilder runs the effects: reads, commands, the consistency token). Every edit of the working copy
 * clears the server's field errors: they were about what was sent, not about what is there now.
 */
export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case 'loaded': {
      const widgets = action.dashboard.widgets.map(normalize);
      return {
        ...state,
        dashboard: action.dashboard,
        tenant: action.tenant,
        etag: action.etag,
        saved: widgets,
        workingCopy: toItems(widgets),
        versions: action.versions,
        serverErrors: [],
        unparsed: null,
        viewing: null,
        loadError: undefined,
      };
    }
    case 'load-failed':
      return { ...state, loadError: action.message };
    case 'sources-reported':
      return { ...state, reportedSources: action.sources };
    case 'brand-read':
      return { ...state, brand: action.brand };
    case 'selected':
      return { ...state, selected: action.uid };
    case 'added': {
      const taken = state.workingCopy.map((i) => i.doc.name);
      const place = action.place ?? { x: 0, y: nextFreeRow(state.workingCopy.map((i) => i.doc)) };
      return { ...edited(state, [...state.workingCopy, { uid: action.uid, doc: newWidget(action.widgetType, taken, place) }]), selected: action.uid };
    }
    case 'updated':
      return edited(state, state.workingCopy.map((i) => (i.uid === action.uid ? { ...i, doc: action.change(i.doc) } : i)));
    case 'removed':
      return {
        ...edited(state, state.workingCopy.filter((i) => i.uid !== action.uid)),
        selected: state.selected === action.uid ? null : state.selected,
      };
    case 'laid-out': {
      let changed = false;
      const next = state.workingCopy.map((i) => {
        const c = action.changes.find((l) => l.uid === i.uid);
        if (!c || (c.x === i.doc.position_x && c.y === i.doc.position_y && c.w === i.doc.width && c.h === i.doc.height)) {
          return i;
        }
        changed = true;
        return { ...i, doc: { ...i.doc, position_x: c.x, position_y: c.y, width: c.w, height: c.h } };
      });
      return changed ? edited(state, next) : state;
    }
    case 'json-edited': {
      const widgets = (action.document as { widgets?: unknown })?.widgets;
      if (!Array.isArray(widgets)) {
        return { ...state, unparsed: null };
      }
      const docs = widgets.map((w) => normalize((w ?? {}) as Partial<WidgetDoc>));
      return { ...edited(state, reconcile(state.workingCopy, docs)), unparsed: null };
    }
    case 'json-unparsed':
      return { ...state, unparsed: action.unparsed };
    case 'discarded':
      return { ...state, workingCopy: toItems(state.saved), serverErrors: [], unparsed: null, selected: null };
    case 'save-started':
      return { ...state, busy: 'saving' };
    case 'widgets-stored':
      return {
        ...state,
        saved: action.widgets,
        // The server filled in ids and defaults; each item keeps its key.
        workingCopy: action.sent.map((i, index) => ({ uid: i.uid, doc: action.widgets[index] ?? i.doc })),
      };
    case 'draft-saved':
      return { ...state, etag: action.etag, serverErrors: [] };
    case 'publish-started':
      return { ...state, busy: 'publishing' };
    case 'published':
      return { ...state, etag: action.etag };
    case 'versions-read':
      return { ...state, versions: action.versions };
    case 'command-failed':
      return refused(state, action.error);
    case 'command-ended':
      return { ...state, busy: null };
    case 'conflict-closed':
      return { ...state, conflict: false };
    case 'viewed':
      return action.viewing ? { ...state, viewing: action.viewing, selected: null } : { ...state, viewing: null };
  }
}

function edited(state: BuilderState, workingCopy: Item[]): BuilderState {
  return { ...state, workingCopy, serverErrors: [] };
}

/** A 412 opens the stale-edit dialog; a refusal with field errors lands on the fields, the first one's widget selected. */
function refused(state: BuilderState, error: unknown): BuilderState {
  if (error instanceof ApiProblem && error.isStaleEdit) {
    return { ...state, conflict: true };
  }
  if (error instanceof ApiProblem && error.errors.length > 0) {
    const first = widgetIndexOf(error.errors[0].field);
    const item = first !== undefined ? state.workingCopy[first] : undefined;
    return {
      ...state,
      serverErrors: error.errors.map((err) => ({ ...err, severity: 'error' })),
      selected: item ? item.uid : state.selected,
    };
  }
  return state;
}

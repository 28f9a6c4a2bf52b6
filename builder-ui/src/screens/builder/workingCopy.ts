import type { WidgetDoc } from '../../api/types';
import { forSave, normalize } from '../../model/widgets';

/** A widget on the builder's canvas: its document plus a client-side key that survives edits and saves. */
export interface Item {
  uid: string;
  doc: WidgetDoc;
}

let counter = 0;
export function newUid(): string {
  counter += 1;
  return `w${Date.now().toString(36)}${counter}`;
}

export function toItems(docs: WidgetDoc[]): Item[] {
  return docs.map((doc) => ({ uid: newUid(), doc: normalize(doc) }));
}

/**
 * Items for a document the admin typed in the JSON view: a widget keeps its key when its id, or
 * else its name, matches one on the canvas, so the selection and the grid element stay put.
 */
export function reconcile(previous: Item[], docs: WidgetDoc[]): Item[] {
  const byId = new Map(previous.filter((i) => i.doc.id).map((i) => [i.doc.id!, i.uid]));
  const byName = new Map(previous.map((i) => [i.doc.name, i.uid]));
  const used = new Set<string>();
  return docs.map((doc, index) => {
    const candidates = [doc.id ? byId.get(doc.id) : undefined, byName.get(doc.name), previous[index]?.uid];
    const uid = candidates.find((c) => c !== undefined && !used.has(c)) ?? newUid();
    used.add(uid);
    return { uid, doc };
  });
}

/** The widgets as the PUT sends them and as the JSON view shows them. */
export function documentOf(items: Item[]): { widgets: WidgetDoc[] } {
  return { widgets: items.map((i) => forSave(i.doc)) };
}

/** Equal as the server sees them: key order does not count (PostgreSQL's jsonb reorders keys). */
export function sameWidgets(a: WidgetDoc[], b: WidgetDoc[]): boolean {
  return stable(a.map(forSave)) === stable(b.map(forSave));
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
      : v);
}

import { GridStack, type GridItemHTMLElement, type GridStackNode } from 'gridstack';
import 'gridstack/dist/gridstack.min.css';
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { FieldError } from '../../api/problem';
import type { WidgetDoc } from '../../api/types';
import { WidgetChart } from '../../components/WidgetChart';
import { WidgetIcon } from '../../components/WidgetIcon';
import { kindOf, GRID_COLUMNS } from '../../model/widgets';
import type { Item } from './workingCopy';
import type { Layout } from './builderReducer';

interface Props {
  items: Item[];
  selected: string | null;
  errors: FieldError[];
  readOnly: boolean;
  onSelect: (uid: string) => void;
  onLayout: (changes: Layout[]) => void;
  onMove: (uid: string, change: (doc: WidgetDoc) => WidgetDoc) => void;
  onDropType: (type: string, place: { x: number; y: number; w?: number; h?: number }) => void;
}

export const CELL_HEIGHT = 64;

/**
 * The 12-column canvas: gridstack owns the drag-and-drop and resize; each tile's content is a
 * Preact tree rendered into gridstack's element. Layout flows one way: items → grid, and the
 * grid's `change` event → onLayout.
 */
export function GridCanvas(props: Props) {
  const host = useRef<HTMLDivElement>(null);
  const grid = useRef<GridStack | null>(null);
  const elements = useRef(new Map<string, GridItemHTMLElement>());
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    const g = GridStack.init({
      column: GRID_COLUMNS,
      cellHeight: CELL_HEIGHT,
      margin: 6,
      mode: 'float',
      animate: false,
      acceptWidgets: '.library-item',
      resizable: { handles: 'se' },
      staticGrid: props.readOnly,
    }, host.current!)!;
    grid.current = g;
    g.on('change', (_event: Event, nodes: GridStackNode[]) => {
      callbacks.current.onLayout(nodes.filter((n) => n.id).map((n) => ({ uid: String(n.id), x: n.x ?? 0, y: n.y ?? 0, w: n.w ?? 1, h: n.h ?? 1 })));
    });
    g.on('dropped', (_event: Event, _previous: GridStackNode | undefined, node: GridStackNode) => {
      const type = node.el?.dataset.type;
      const place = { x: node.x ?? 0, y: node.y ?? 0, w: node.w, h: node.h };
      if (node.el) g.removeWidget(node.el, true, false);
      if (type) callbacks.current.onDropType(type, place);
    });
    GridStack.setupDragIn('.library-item', { appendTo: 'body', helper: 'clone' });
    const tiles = elements.current;
    return () => {
      tiles.forEach((el) => render(null, el.querySelector('.grid-stack-item-content')!));
      tiles.clear();
      g.destroy(false);
      grid.current = null;
    };
  }, []);

  useEffect(() => {
    grid.current?.setStatic(props.readOnly);
  }, [props.readOnly]);

  // Items → grid: add, move/resize and remove gridstack elements to match, then render every tile.
  useEffect(() => {
    const g = grid.current;
    if (!g) return;
    const known = elements.current;
    const wanted = new Set(props.items.map((i) => i.uid));
    g.batchUpdate();
    for (const [uid, el] of known) {
      if (!wanted.has(uid)) {
        render(null, el.querySelector('.grid-stack-item-content')!);
        g.removeWidget(el, true, false);
        known.delete(uid);
      }
    }
    for (const item of props.items) {
      const at = { x: item.doc.position_x, y: item.doc.position_y, w: item.doc.width, h: item.doc.height };
      const el = known.get(item.uid);
      if (!el) {
        const created = document.createElement('div');
        created.className = 'grid-stack-item';
        created.dataset.widget = item.doc.name;
        const content = document.createElement('div');
        content.className = 'grid-stack-item-content';
        created.appendChild(content);
        host.current!.appendChild(created);
        known.set(item.uid, g.makeWidget(created, { id: item.uid, ...at }));
      } else {
        el.dataset.widget = item.doc.name;
        const node = el.gridstackNode;
        if (node && (node.x !== at.x || node.y !== at.y || node.w !== at.w || node.h !== at.h)) {
          g.update(el, at);
        }
      }
    }
    g.batchUpdate(false);
    for (const item of props.items) {
      const el = known.get(item.uid)!;
      const widgetErrors = props.errors.filter((e) => e.field.startsWith(`widgets[${props.items.indexOf(item)}]`) && e.severity !== 'warning');
      render(
        <Tile item={item} selected={props.selected === item.uid} invalid={widgetErrors.length > 0} readOnly={props.readOnly}
          onSelect={() => callbacks.current.onSelect(item.uid)} onMove={(change) => callbacks.current.onMove(item.uid, change)} />,
        el.querySelector('.grid-stack-item-content')!,
      );
    }
  }, [props.items, props.selected, props.errors, props.readOnly]);

  return (
    <div class="canvas" data-testid="canvas">
      <div class="canvas-columns" aria-hidden="true">{Array.from({ length: GRID_COLUMNS }, (_, i) => <span key={i} />)}</div>
      <div ref={host} class="grid-stack" aria-label="Dashboard canvas, 12 columns" role="region" />
      {props.items.length === 0 && (
        <div class="canvas-empty">
          <p><strong>An empty dashboard.</strong></p>
          <p class="muted">Pick a widget from the library (click, Enter, or drag it here).</p>
        </div>
      )}
    </div>
  );
}

interface TileProps {
  item: Item;
  selected: boolean;
  invalid: boolean;
  readOnly: boolean;
  onSelect: () => void;
  onMove: (change: (doc: WidgetDoc) => WidgetDoc) => void;
}

/** One widget on the canvas; arrows move it and Shift+arrows resize it, for those who do not drag. */
function Tile({ item, selected, invalid, readOnly, onSelect, onMove }: TileProps) {
  const { doc } = item;
  const kind = kindOf(doc.config.type);
  const title = doc.config.title || doc.name;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect();
      return;
    }
    if (readOnly) return;
    const step: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const delta = step[event.key];
    if (!delta) return;
    event.preventDefault();
    onMove((d) => {
      if (event.shiftKey) {
        const width = clamp(d.width + delta[0], 1, GRID_COLUMNS - d.position_x);
        return { ...d, width, height: clamp(d.height + delta[1], 1, 100) };
      }
      return { ...d, position_x: clamp(d.position_x + delta[0], 0, GRID_COLUMNS - d.width), position_y: clamp(d.position_y + delta[1], 0, 10_000) };
    });
  };
  return (
    <div class={`tile${selected ? ' tile-selected' : ''}${invalid ? ' tile-invalid' : ''}`} tabIndex={0} role="button"
      aria-pressed={selected}
      aria-label={`${title}, ${kind?.label ?? doc.config.type ?? 'no type'}, column ${doc.position_x + 1}, row ${doc.position_y + 1}, ${doc.width} by ${doc.height}. Enter to edit; arrows move, Shift+arrows resize.`}
      data-widget={doc.name} data-x={doc.position_x} data-y={doc.position_y} data-w={doc.width} data-h={doc.height}
      onClick={onSelect} onKeyDown={onKeyDown}>
      <header class="tile-header">
        <span class="tile-icon"><WidgetIcon type={doc.config.type} /></span>
        <span class="tile-title">{title}</span>
        {invalid && <span class="tile-flag" aria-hidden="true">!</span>}
        <span class="tile-size" aria-hidden="true">{doc.width}×{doc.height}</span>
      </header>
      <div class="tile-body">
        <WidgetChart config={doc.config} compact />
      </div>
    </div>
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

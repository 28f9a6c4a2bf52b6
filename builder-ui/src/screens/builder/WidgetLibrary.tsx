import { WIDGET_KINDS } from '../../model/widgets';

/** The widget library: click or Enter adds a widget below the others; dragging one onto the canvas places it. */
export function WidgetLibrary({ onAdd, disabled }: { onAdd: (type: string) => void; disabled: boolean }) {
  return (
    <aside class="library" aria-labelledby="library-title">
      <h2 id="library-title" class="panel-title">Widget library</h2>
      <ul>
        {WIDGET_KINDS.map((kind) => (
          <li key={kind.type}>
            <button type="button" class="library-item" data-type={kind.type} disabled={disabled}
              aria-label={`Add ${kind.label}${kind.accepted ? '' : ' (Phase 3: not accepted by the server yet)'}`}
              onClick={() => onAdd(kind.type)}>
              <span class="library-icon" aria-hidden="true">{kind.icon}</span>
              <span class="library-text">
                <span class="library-label">{kind.label}{!kind.accepted && <span class="phase-tag">Phase 3</span>}</span>
                <span class="library-description">{kind.description}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p class="library-note muted small">Gauge, map and scatter are previewed here; the server accepts bar, line, pie, KPI and table until Phase 3, and says so on save.</p>
    </aside>
  );
}

import { WidgetIcon } from '../../components/WidgetIcon';
import { defaultSize, WIDGET_KINDS } from '../../model/widgets';

/** The widget library, a bar above the canvas: click or Enter adds a widget below the others; dragging one onto the canvas places it. */
export function WidgetLibrary({ onAdd, disabled }: { onAdd: (type: string) => void; disabled: boolean }) {
  return (
    <section class="library" aria-labelledby="library-title">
      <h2 id="library-title" class="visually-hidden">Widget library</h2>
      <span class="library-title" aria-hidden="true">Add</span>
      <ul>
        {WIDGET_KINDS.map((kind) => (
          <li key={kind.type}>
            <button type="button" class="library-item" data-type={kind.type} disabled={disabled}
              gs-w={defaultSize(kind.type).w} gs-h={defaultSize(kind.type).h}
              title={kind.description}
              aria-label={`Add ${kind.label}`}
              onClick={() => onAdd(kind.type)}>
              <WidgetIcon type={kind.type} />
              <span class="library-label">{kind.label.replace(' chart', '')}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

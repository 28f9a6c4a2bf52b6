import type { Builder } from './useBuilder';
import { GridCanvas } from './GridCanvas';
import { connectionsOf } from '../../model/configForm';
import { connectionOffers } from '../../model/connections';
import { PropertyPanel } from './PropertyPanel';
import { WidgetLibrary } from './WidgetLibrary';

/** The visual builder: library, canvas, property panel, all editing the builder's one working copy. */
export function VisualView({ builder, readOnly }: { builder: Builder; readOnly: boolean }) {
  const items = builder.viewing?.items ?? builder.workingCopy;
  const index = items.findIndex((i) => i.uid === builder.selected);
  const selected = index >= 0 ? items[index] : undefined;
  const general = builder.errors.filter((e) => !e.field.startsWith('widgets[') && e.severity !== 'warning');
  return (
    <div class="visual">
      <div class="visual-canvas">
        <WidgetLibrary disabled={readOnly} onAdd={(type) => builder.add(type)} />
        {general.length > 0 && <div class="banner banner-danger" role="alert">{general.map((e) => `${e.field || 'dashboard'}: ${e.message}`).join('; ')}</div>}
        <GridCanvas items={items} selected={builder.selected} errors={readOnly ? [] : builder.errors} readOnly={readOnly}
          onSelect={builder.setSelected} onLayout={builder.layout} onMove={builder.update} onDropType={(type, place) => builder.add(type, place)} />
      </div>
      {selected
        ? <PropertyPanel key={selected.uid} doc={selected.doc} index={index} errors={readOnly ? [] : builder.errors} readOnly={readOnly}
            connections={connectionOffers(builder.reportedSources, connectionsOf(items.map((i) => i.doc.config)))} onChange={(change) => builder.update(selected.uid, change)} onRemove={() => builder.remove(selected.uid)} />
        : (
          <aside class="properties properties-empty" aria-labelledby="properties-title">
            <h2 id="properties-title" class="panel-title">Properties</h2>
            <p class="muted">Select a widget on the canvas to edit its type, query, axes, colours, size and refresh interval.</p>
          </aside>
        )}
    </div>
  );
}

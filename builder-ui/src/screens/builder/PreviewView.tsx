import { WidgetChart } from '../../components/WidgetChart';
import { kindOf, DEFAULT_REFRESH_MS } from '../../model/widgets';
import { EmptyState } from '../../components/Page';
import { CELL_HEIGHT } from './GridCanvas';
import type { Item } from './workingCopy';
import { SqlPreview } from './SqlPreview';

/** Every widget drawn as its chart type with sample data, on the same 12-column layout the agent's viewer uses. */
export function PreviewView({ items }: { items: Item[] }) {
  if (items.length === 0) {
    return <EmptyState title="Nothing to preview">Add widgets in the visual or JSON view.</EmptyState>;
  }
  const rows = Math.max(...items.map((i) => i.doc.position_y + i.doc.height));
  return (
    <div class="preview" data-testid="preview">
      <p class="muted small">Sample data: the real numbers come from each tenant's own database, through its agent.</p>
      <div class="preview-grid" style={{ gridTemplateRows: `repeat(${rows}, ${CELL_HEIGHT + 8}px)` }}>
        {items.map(({ uid, doc }) => (
          <article key={uid} class="preview-card" data-widget={doc.name}
            style={{ gridColumn: `${doc.position_x + 1} / span ${doc.width}`, gridRow: `${doc.position_y + 1} / span ${doc.height}` }}>
            <header class="preview-card-header">
              <h3>{doc.config.title || doc.name}</h3>
              <span class="muted small">{kindOf(doc.config.type)?.label ?? doc.config.type} · every {Math.round((doc.config.refreshInterval ?? DEFAULT_REFRESH_MS) / 1000)} s</span>
            </header>
            <div class="preview-card-body"><WidgetChart config={doc.config} /></div>
          </article>
        ))}
      </div>
      <section class="sql-previews" aria-labelledby="sql-preview-title">
        <h2 id="sql-preview-title">SQL Query Preview</h2>
        {items.map(({ uid, doc }) => (
          <SqlPreview key={uid} title={doc.config.title || doc.name} name={doc.name} query={doc.config.query ?? ''} />
        ))}
      </section>
    </div>
  );
}

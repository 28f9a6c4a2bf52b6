import { useEffect, useRef } from 'preact/hooks';
import type { Theme } from '../app/theme';
import { DrillResult } from './DrillResult';

interface Props {
  title: string;
  widget: string;
  query: string;
  point: Record<string, string>;
  theme: Theme;
  onClose: () => void;
}

/**
 * The drilldown in a modal dialog. `showModal()` makes the rest of the page inert, so focus stays inside
 * (the focus trap) and Escape closes it; focus returns to where it was.
 */
export function DrilldownModal({ title, widget, query, point, theme, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    return () => opener?.focus?.();
  }, []);
  const headingId = `drill-${widget}-title`;
  return (
    <dialog ref={dialog} class="drill-modal" aria-labelledby={headingId} onClose={onClose}
            onClick={(e) => e.target === dialog.current && dialog.current?.close()}>
      <header>
        <h2 id={headingId}>{title}</h2>
        <p class="drill-point">{Object.entries(point).map(([name, value]) => `${name}: ${value}`).join(' · ')}</p>
        <button type="button" class="close" aria-label="Close" onClick={() => dialog.current?.close()}>×</button>
      </header>
      <DrillResult widget={widget} query={query} theme={theme} />
    </dialog>
  );
}

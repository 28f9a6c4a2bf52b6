import { useEffect, useState } from 'preact/hooks';

export type ToastKind = 'success' | 'error' | 'info';

interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

/** Short confirmations and failures, announced to screen readers through a live region. */
export class Toasts {
  private next = 1;
  private items: Toast[] = [];
  private readonly listeners = new Set<(items: Toast[]) => void>();

  show(kind: ToastKind, text: string): void {
    const toast = { id: this.next++, kind, text };
    this.items = [...this.items, toast];
    this.emit();
    window.setTimeout(() => this.dismiss(toast.id), kind === 'error' ? 8000 : 4000);
  }

  success(text: string): void {
    this.show('success', text);
  }

  error(text: string): void {
    this.show('error', text);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
    this.emit();
  }

  subscribe(listener: (items: Toast[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    this.listeners.forEach((l) => l(this.items));
  }
}

export function ToastRegion({ toasts }: { toasts: Toasts }) {
  const [items, setItems] = useState<Toast[]>([]);
  useEffect(() => toasts.subscribe(setItems), [toasts]);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {items.map((t) => (
        <div key={t.id} class={`toast toast-${t.kind}`} data-testid="toast">
          <span>{t.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick={() => toasts.dismiss(t.id)}>×</button>
        </div>
      ))}
    </div>
  );
}

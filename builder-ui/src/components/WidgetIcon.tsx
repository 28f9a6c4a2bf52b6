/** A small line icon per widget type (drawn here: icon fonts and emoji render differently on every machine). */
export function WidgetIcon({ type }: { type: string | undefined }) {
  return (
    <svg class="widget-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor"
      stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
      {SHAPES[type ?? ''] ?? <path d="M7.5 7.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5V12M10 15h.01" />}
    </svg>
  );
}

const SHAPES: Record<string, preact.JSX.Element> = {
  bar: <><path d="M3 17h14" /><path d="M5.5 14V9M10 14V4.5M14.5 14v-7" /></>,
  line: <><path d="M3 17h14" /><path d="M3.5 13l4-4.5 3 2.5 5.5-6.5" /></>,
  pie: <><path d="M10 3a7 7 0 1 0 7 7h-7z" /><path d="M12.5 2.8A7 7 0 0 1 17.2 7.5H12.5z" /></>,
  table: <><rect x="3" y="4" width="14" height="12" rx="1.5" /><path d="M3 8h14M3 12h14M8 8v8" /></>,
  kpi: <><path d="M4 14l3-3 2.5 2 4.5-5" /><path d="M11 8h3v3" /><rect x="2.5" y="3" width="15" height="14" rx="2" /></>,
  gauge: <><path d="M3.5 14a6.5 6.5 0 1 1 13 0" /><path d="M10 14l3-4" /></>,
  map: <><path d="M10 17s5-4.6 5-8.5a5 5 0 0 0-10 0C5 12.4 10 17 10 17z" /><circle cx="10" cy="8.5" r="1.8" /></>,
  scatter: <><path d="M3 17h14M3 17V3" /><circle cx="7" cy="12" r=".9" /><circle cx="10" cy="8" r=".9" /><circle cx="13.5" cy="10" r=".9" /><circle cx="14.5" cy="5" r=".9" /></>,
};

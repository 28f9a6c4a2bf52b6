import { useEffect, useRef, useState } from 'preact/hooks';
import type { Content, JsonEditor, ValidationError } from 'vanilla-jsoneditor';
import type { FieldError } from '../../api/problem';
import { toPath, validateDocument } from '../../model/validation';
import { WIDGET_KINDS, forSave, normalize } from '../../model/widgets';
import { WidgetIcon } from '../../components/WidgetIcon';
import type { WidgetDoc } from '../../api/types';
import { currentTheme, type Theme } from '../../app/theme';
import { documentOf } from './workingCopy';
import type { Builder } from './useBuilder';

/**
 * The roadmap's JSON screen: widget list with "+ Add widget" and the JSON editor (syntax highlighting,
 * inline validation against the widget configuration schema; the server's field errors join in).
 */
export function JsonView({ builder, readOnly }: { builder: Builder; readOnly: boolean }) {
  const items = builder.viewing?.items ?? builder.workingCopy;
  const [adding, setAdding] = useState(false);
  const problems = readOnly ? [] : builder.errors;
  return (
    <div class="json-builder">
      <aside class="widget-list" aria-labelledby="widget-list-title">
        <h2 id="widget-list-title" class="panel-title">Widgets <span class="muted">({items.length})</span></h2>
        <ul>
          {items.map((item, i) => {
            const invalid = problems.some((e) => e.field.startsWith(`widgets[${i}]`) && e.severity !== 'warning');
            return (
              <li key={item.uid}>
                <button type="button" class={`widget-list-item${builder.selected === item.uid ? ' active' : ''}${invalid ? ' invalid' : ''}`}
                  onClick={() => builder.setSelected(item.uid)}>
                  <span class="list-icon"><WidgetIcon type={item.doc.config.type} /></span>
                  <span class="widget-list-text">
                    <span class="strong">{item.doc.config.title || item.doc.name}</span>
                    <span class="muted small mono">{item.doc.name} · {item.doc.config.type ?? 'no type'}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        {!readOnly && (
          <div class="add-widget">
            <button type="button" class="button button-block" aria-expanded={adding} aria-controls="add-widget-menu" onClick={() => setAdding(!adding)}>+ Add widget</button>
            {adding && (
              <ul id="add-widget-menu" class="menu" role="menu">
                {WIDGET_KINDS.map((k) => (
                  <li key={k.type} role="none">
                    <button type="button" role="menuitem" onClick={() => {
                      builder.add(k.type);
                      setAdding(false);
                    }}><WidgetIcon type={k.type} /> {k.label}</button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </aside>
      <div class="json-editor-pane">
        <JsonEditorComponent builder={builder} readOnly={readOnly} />
        <ProblemList problems={problems} />
      </div>
    </div>
  );
}

function ProblemList({ problems }: { problems: FieldError[] }) {
  if (problems.length === 0) {
    return <p class="problems problems-none" data-testid="json-problems"><span aria-hidden="true">✓</span> Valid against the widget configuration schema</p>;
  }
  return (
    <div class="problems" data-testid="json-problems" role="region" aria-label="Problems">
      <h3>Problems ({problems.length})</h3>
      <ul>
        {problems.map((p) => (
          <li key={`${p.field}:${p.message}`} class={p.severity === 'warning' ? 'problem-warning' : 'problem-error'} data-field={p.field}>
            <code>{p.field || '(document)'}</code> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function JsonEditorComponent({ builder, readOnly }: { builder: Builder; readOnly: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<JsonEditor | null>(null);
  const [theme, setTheme] = useState<Theme>(currentTheme());
  // The document the editor last reported; an items change that is not it came from elsewhere (the list's + Add).
  const echoed = useRef<string | null>(null);
  const latest = useRef(builder);
  latest.current = builder;
  const items = builder.viewing?.items ?? builder.workingCopy;
  const serialized = JSON.stringify(documentOf(items));

  const [failed, setFailed] = useState<string | undefined>(undefined);

  const validator = (json: unknown): ValidationError[] => {
    const b = latest.current;
    const client = validateDocument(json, b.tenant?.max_widgets_per_dashboard);
    const server = b.serverErrors.filter((s) => !client.some((c) => c.field === s.field));
    return [...server, ...client].map((e) => ({
      path: toPath(e.field).map(String),
      message: e.message,
      severity: (e.severity === 'warning' ? 'warning' : 'error') as ValidationError['severity'],
    }));
  };

  useEffect(() => {
    let disposed = false;
    // The editor (CodeMirror, its languages) is most of the bundle: loaded when this view is first opened.
    const loading = Promise.all([import('vanilla-jsoneditor'), import('vanilla-jsoneditor/themes/jse-theme-dark.css')]).then(([module]) => {
      if (disposed) return;
      const b = latest.current;
      const content: Content = b.unparsed && !b.viewing ? { text: b.unparsed.text } : { json: documentOf(b.viewing?.items ?? b.workingCopy) };
      echoed.current = JSON.stringify(documentOf(b.viewing?.items ?? b.workingCopy));
      editor.current = module.createJSONEditor({
      target: host.current!,
      props: {
        content,
        mode: module.Mode.text,
        readOnly,
        mainMenuBar: true,
        navigationBar: false,
        askToFormat: false,
        validator,
        onChange: (updated: Content) => {
          const current = latest.current;
          if ('json' in updated && updated.json !== undefined) {
            echoed.current = echoOf(updated.json);
            current.fromJson(updated.json);
            return;
          }
          const text = (updated as { text: string }).text;
          try {
            const parsed = JSON.parse(text);
            echoed.current = echoOf(parsed);
            current.fromJson(parsed);
          } catch (e) {
            current.setUnparsed({ text, error: e instanceof Error ? e.message : String(e) });
          }
        },
      },
      });
    }).catch((e) => setFailed(e instanceof Error ? e.message : String(e)));
    const onTheme = (e: Event) => setTheme((e as CustomEvent<Theme>).detail);
    window.addEventListener('flexboard:theme', onTheme);
    return () => {
      disposed = true;
      window.removeEventListener('flexboard:theme', onTheme);
      void loading.then(() => {
        void editor.current?.destroy();
        editor.current = null;
      });
    };
  }, []);

  // Items changed outside the editor (+ Add widget, a reload, a version opened): show them.
  useEffect(() => {
    if (!editor.current || serialized === echoed.current) return;
    echoed.current = serialized;
    void editor.current.set({ json: JSON.parse(serialized) });
  }, [serialized]);

  useEffect(() => {
    void editor.current?.updateProps({ readOnly, validator });
  }, [readOnly, builder.serverErrors, builder.tenant]);

  // The list's selection scrolls the editor to that widget.
  useEffect(() => {
    const index = items.findIndex((i) => i.uid === builder.selected);
    if (index >= 0 && editor.current) {
      void editor.current.scrollTo(['widgets', String(index)]).catch(() => undefined);
    }
  }, [builder.selected]);

  if (failed) {
    return <div class="banner banner-danger" role="alert">The JSON editor could not be loaded: {failed}</div>;
  }
  return <div ref={host} class={`json-editor${theme === 'dark' ? ' jse-theme-dark' : ''}`} data-testid="json-editor" aria-label="Dashboard JSON" />;
}

/** The items' document once the builder has taken this edit in: recognises the editor's own echo. */
function echoOf(parsed: unknown): string | null {
  const widgets = (parsed as { widgets?: unknown })?.widgets;
  if (!Array.isArray(widgets)) return null;
  return JSON.stringify({ widgets: widgets.map((w) => forSave(normalize((w ?? {}) as Partial<WidgetDoc>))) });
}

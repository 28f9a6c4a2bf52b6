import { useRef } from 'preact/hooks';
import { describedBy, Field } from '../../../components/Field';
import type { ConnectionOffer } from '../../../model/connections';
import { type SourceForm, type SourceKind, switchSource, type TypedSources } from '../../../model/configForm';
import { Section, type SectionProps, TextControl } from './controls';

const KINDS: { kind: SourceKind; label: string }[] = [
  { kind: 'query', label: "SQL on the agent's default source (Phase 2 query)" },
  { kind: 'sql', label: 'SQL on a named data source' },
  { kind: 'api', label: 'HTTP API' },
  { kind: 'file', label: 'File (CSV, Excel, JSON)' },
];

/**
 * Where the widget's rows come from. Switching the kind keeps what was typed for the others until the panel
 * closes, so trying "api" and going back to "sql" loses nothing; only the chosen kind is written to the config.
 */
export function DataSection({ form, edit, at, connections }: SectionProps & { connections: ConnectionOffer[] }) {
  const typed = useRef<TypedSources>({ sources: {} });
  const error = at('prop-source', 'error');
  const source = (change: Partial<SourceForm>) => edit((f) => ({ ...f, dataSource: { ...f.dataSource, ...change } }));

  // The switch reads the form this render shows: what the admin sees is what is kept.
  const switchTo = (kind: SourceKind) => {
    const next = switchSource(form, kind, typed.current);
    if (next !== form) edit(() => next);
  };

  const queryError = at('prop-query', 'error');
  const showPhase2 = form.source === 'query' || form.query !== '';
  return (
    <Section title="Data">
      <Field id="prop-source" label="Source" error={error}>
        <select id="prop-source" value={form.source} aria-invalid={error ? true : undefined} aria-describedby={describedBy('prop-source', error)}
          onChange={(e) => switchTo((e.target as HTMLSelectElement).value as SourceKind)}>
          {KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
        </select>
      </Field>
      {showPhase2 && (
        <Field id="prop-query" label="SQL query" hint="Runs on the tenant's own database, by its agent." error={queryError}>
          <textarea id="prop-query" class="mono" rows={6} spellcheck={false} value={form.query} aria-invalid={queryError ? true : undefined}
            aria-describedby={describedBy('prop-query', queryError, undefined, 'hint')}
            onInput={(e) => {
              const query = (e.target as HTMLTextAreaElement).value;
              edit((f) => ({ ...f, query }));
            }} />
        </Field>
      )}
      {form.source !== 'query' && (
        <>
          <TextControl id="prop-connection" label="Connection" at={at} mono list="prop-connections" value={form.dataSource.connection}
            hint="The id of a data source in the agent's datasources.yml: the suggestions are what the tenant's agents report."
            set={(connection) => source({ connection })} />
          <datalist id="prop-connections">{connections.map((c) => <option key={c.id} value={c.id} label={c.label} />)}</datalist>
        </>
      )}
      {form.source === 'sql' && (
        <TextControl id="prop-source-query" label="SQL query" at={at} mono multiline value={form.dataSource.query} set={(query) => source({ query })} />
      )}
      {form.source === 'api' && (
        <div class="field-row">
          <TextControl id="prop-endpoint" label="Endpoint" at={at} mono value={form.dataSource.endpoint} set={(endpoint) => source({ endpoint })} />
          <TextControl id="prop-path" label="Rows at (JSON Pointer)" at={at} mono hint="e.g. /data/items" value={form.dataSource.path} set={(path) => source({ path })} />
        </div>
      )}
      {form.source === 'file' && (
        <>
          <TextControl id="prop-file" label="File" at={at} mono value={form.dataSource.file} set={(file) => source({ file })} />
          <TextControl id="prop-source-query" label="File query (JSON, optional)" at={at} mono multiline value={form.dataSource.query} set={(query) => source({ query })} />
        </>
      )}
    </Section>
  );
}

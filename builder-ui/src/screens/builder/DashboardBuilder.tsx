import { useEffect, useState } from 'preact/hooks';
import { describe } from '../../api/problem';
import { useApp } from '../../app/context';
import { guardNavigation, href, navigate, type BuilderView } from '../../app/router';
import { can } from '../../app/session';
import { Badge } from '../../components/Badge';
import { ConflictDialog } from '../../components/ConflictDialog';
import { describedBy, Field } from '../../components/Field';
import { FormFooter, Modal } from '../../components/Modal';
import { ErrorBanner, Loading, PageHeader } from '../../components/Page';
import { JsonView } from './JsonView';
import { PreviewView } from './PreviewView';
import { useBuilder } from './useBuilder';
import { VisualView } from './VisualView';
import { BrandColorsContext } from '../../components/brandColors';

const VIEWS: { view: BuilderView; label: string }[] = [
  { view: 'visual', label: 'Visual' },
  { view: 'json', label: 'JSON' },
  { view: 'preview', label: 'Preview' },
];

/** The dashboard builder: version selector, status, the three views of one working copy, Save draft / Publish / Cancel. */
export function DashboardBuilder({ tenantId, dashboardId, view }: { tenantId: string; dashboardId: string; view: BuilderView }) {
  const { api, session, toasts } = useApp();
  const builder = useBuilder(api, tenantId, dashboardId);
  const mayPublish = can(session, 'publish');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [switchBlocked, setSwitchBlocked] = useState(false);

  useEffect(() => {
    const base = href({ name: 'builder', tenantId, dashboardId, view: 'visual' }).replace(/\/visual$/, '');
    const unguard = guardNavigation((to) => !builder.dirty || to.startsWith(base) || window.confirm('Leave without saving? Your unsaved changes are lost.'));
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (builder.dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      unguard();
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [builder.dirty, tenantId, dashboardId]);

  useEffect(() => setSwitchBlocked(false), [builder.unparsed]);

  if (builder.loadError) {
    return <div class="page"><ErrorBanner message={builder.loadError} onRetry={builder.reload} /></div>;
  }
  if (!builder.dashboard) {
    return <div class="page"><Loading label="Loading the dashboard…" /></div>;
  }
  const d = builder.dashboard;
  const latest = builder.latest;
  const readOnly = builder.viewing !== null || !can(session, 'edit');
  const canPublish = mayPublish && !builder.dirty && latest?.status === 'draft' && builder.viewing === null;

  const switchTo = (next: BuilderView) => {
    if (builder.unparsed && next !== 'json') {
      setSwitchBlocked(true);
      return;
    }
    navigate({ name: 'builder', tenantId, dashboardId, view: next });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const outcome = await builder.saveDraft(message.trim());
    setSaving(false);
    setMessage('');
    outcome.ok ? toasts.success(outcome.text) : toasts.error(outcome.text);
  };

  const publish = async () => {
    if (!latest) return;
    const outcome = await builder.publish(latest);
    outcome.ok ? toasts.success(outcome.text) : toasts.error(outcome.text);
  };

  return (
    <div class="page page-builder" data-screen="builder" data-view={view}>
      <PageHeader
        crumbs={[
          { label: 'Tenants', href: '/tenants' },
          { label: builder.tenant?.name ?? 'Tenant', href: href({ name: 'tenant', tenantId }) },
          { label: d.name },
        ]}
        title={d.name}
        subtitle={d.description ?? undefined}
        actions={<>
          <div class="field field-inline">
            <label for="version-select">Version</label>
            <select id="version-select" value={builder.viewing?.version.id ?? ''}
              onChange={(e) => builder.view((e.target as HTMLSelectElement).value || null).catch((failure) => toasts.error(describe(failure)))}>
              <option value="">Working copy{builder.dirty ? ' (unsaved)' : ''}</option>
              {builder.versions.map((v) => <option key={v.id} value={v.id}>v{v.version} · {v.status}{v.message ? ` · ${v.message}` : ''}</option>)}
            </select>
          </div>
          <a class="button" href={href({ name: 'versions', tenantId })}>History</a>
        </>}
      />
      <div class="builder-bar">
        <div class="status-line" data-testid="builder-status" aria-live="polite">
          {latest ? <Badge status={latest.status} label={`${latest.status === 'draft' ? 'Draft' : latest.status === 'published' ? 'Published' : 'Archived'} v${latest.version}`} /> : <Badge status="neutral" label="No version yet" />}
          {builder.published && builder.published.id !== latest?.id && <span class="muted small">published: v{builder.published.version}</span>}
          {builder.dirty && <Badge status="pending" label="Unsaved changes" />}
          {builder.errors.filter((e) => e.severity !== 'warning').length > 0 && (
            <Badge status="error" label={`${builder.errors.filter((e) => e.severity !== 'warning').length} problem(s)`} />
          )}
        </div>
        <div role="tablist" aria-label="Builder views" class="tabs">
          {VIEWS.map((v) => (
            <button key={v.view} type="button" role="tab" id={`tab-${v.view}`} aria-selected={view === v.view} aria-controls="builder-view"
              class={view === v.view ? 'tab tab-active' : 'tab'} onClick={() => switchTo(v.view)}>{v.label}</button>
          ))}
        </div>
        <div class="builder-actions">
          <button type="button" class="button" disabled={!builder.dirty || readOnly || builder.busy !== null} onClick={() => setCancelling(true)}>Cancel</button>
          <button type="button" class="button" id="save-draft" disabled={readOnly || builder.busy !== null} onClick={() => setSaving(true)}>
            {builder.busy === 'saving' ? 'Saving…' : 'Save draft'}
          </button>
          <button type="button" class="button button-primary" id="publish" disabled={!canPublish || builder.busy !== null}
            title={canPublish ? `Publish draft v${latest?.version}` : builder.dirty ? 'Save a draft first' : 'No draft to publish'} onClick={publish}>
            {builder.busy === 'publishing' ? 'Publishing…' : latest?.status === 'draft' && !builder.dirty ? `Publish v${latest.version}` : 'Publish'}
          </button>
        </div>
      </div>
      {builder.viewing && (
        <div class="banner banner-info" role="status">
          You are looking at <strong>v{builder.viewing!.version.version}</strong> ({builder.viewing!.version.status}), read-only.
          <button type="button" class="button button-small" onClick={() => void builder.view(null)}>Back to the working copy</button>
          <a class="button button-small" href={href({ name: 'versions', tenantId })}>Restore it from Versions</a>
        </div>
      )}
      {switchBlocked && (
        <div class="banner banner-danger" role="alert">The JSON has a syntax error ({builder.unparsed?.error}). Fix it before switching views, so nothing is lost.</div>
      )}
      <BrandColorsContext.Provider value={builder.brand}>
        <div id="builder-view" role="tabpanel" aria-labelledby={`tab-${view}`} class="builder-view">
          {view === 'visual' && <VisualView builder={builder} readOnly={readOnly} />}
          {view === 'json' && <JsonView builder={builder} readOnly={readOnly} />}
          {view === 'preview' && <PreviewView items={builder.viewing?.items ?? builder.workingCopy} />}
        </div>
      </BrandColorsContext.Provider>
      {saving && (
        <Modal id="save-dialog" title="Save draft" onClose={() => setSaving(false)}>
          <form onSubmit={save}>
            <p class="muted">A draft is a new numbered version of all of {builder.tenant?.name ?? 'the tenant'}'s dashboards. Publishing it later sends it to the agents.</p>
            <Field id="version-message" label="Message (optional)" hint="What changed, for the version history.">
              <input id="version-message" value={message} autoFocus maxLength={500} aria-describedby={describedBy('version-message', undefined, undefined, 'hint')}
                onInput={(e) => setMessage((e.target as HTMLInputElement).value)} />
            </Field>
            <FormFooter onCancel={() => setSaving(false)} label="Save draft" submitId="confirm-save" />
          </form>
        </Modal>
      )}
      {cancelling && (
        <Modal id="cancel-dialog" title="Discard unsaved changes?" onClose={() => setCancelling(false)}
          footer={<>
            <button type="button" class="button" onClick={() => setCancelling(false)}>Keep editing</button>
            <button type="button" class="button button-danger" onClick={() => {
              builder.discard();
              setCancelling(false);
            }}>Discard changes</button>
          </>}>
          <p>The dashboard goes back to what was last saved. This cannot be undone.</p>
        </Modal>
      )}
      {builder.conflict && (
        <ConflictDialog onKeep={builder.closeConflict} onReload={() => {
          builder.closeConflict();
          void builder.reload();
        }} />
      )}
    </div>
  );
}

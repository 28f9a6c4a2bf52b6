import { useEffect, useState } from 'preact/hooks';
import { ApiProblem, describe } from '../../api/problem';
import type { VersionDetail, VersionSummary } from '../../api/types';
import { useApp } from '../../app/context';
import { can } from '../../app/session';
import { Actor } from '../users/Actor';
import { usePeople } from '../users/usePeople';
import { href } from '../../app/router';
import { useLoad } from '../../app/useLoad';
import { Badge } from '../../components/Badge';
import { ConflictDialog } from '../../components/ConflictDialog';
import { Field } from '../../components/Field';
import { FormFooter, Modal } from '../../components/Modal';
import { Card, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/Page';
import { TimeAgo, when } from '../../components/Time';
import { DiffView } from './DiffView';

/** Version history: who/when/message, a side-by-side diff of any two, restore as a new draft, publish. */
export function Versions({ tenantId }: { tenantId: string }) {
  const { api, session, toasts } = useApp();
  const mayPublish = can(session, 'publish');
  const mayRestore = can(session, 'save-version');
  // Versions carry their author's email; people are shown by name to whoever may read the users.
  const people = usePeople();
  const data = useLoad(async () => {
    const [tenant, versions] = await Promise.all([api.tenant(tenantId), api.versions(tenantId)]);
    return { tenant: tenant.body, etag: tenant.etag, versions };
  }, [api, tenantId]);
  const [leftId, setLeftId] = useState('');
  const [rightId, setRightId] = useState('');
  const [pair, setPair] = useState<{ left: VersionDetail; right: VersionDetail } | null>(null);
  const [diffError, setDiffError] = useState<string | undefined>(undefined);
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const versions = data.data?.versions ?? [];

  // Compare the two newest by default: what the next publish would change.
  useEffect(() => {
    if (versions.length >= 2 && !leftId && !rightId) {
      setLeftId(versions[1].id);
      setRightId(versions[0].id);
    }
  }, [versions]);

  useEffect(() => {
    if (!leftId || !rightId) {
      setPair(null);
      return;
    }
    let current = true;
    setDiffError(undefined);
    Promise.all([api.version(tenantId, leftId), api.version(tenantId, rightId)])
      .then(([left, right]) => current && setPair({ left, right }))
      .catch((e) => current && setDiffError(describe(e)));
    return () => {
      current = false;
    };
  }, [api, tenantId, leftId, rightId]);

  const failed = (e: unknown) => {
    if (e instanceof ApiProblem && e.isStaleEdit) {
      // As in the builder: the reload waits until the read side is past the version that was stale.
      const sent = Number(data.data?.etag?.replace(/\D/g, ''));
      if (Number.isInteger(sent)) api.http.tokens.remember(`${tenantId}:${sent + 1}`);
      setConflict(true);
    } else {
      toasts.error(describe(e));
    }
  };

  const publish = async (version: VersionSummary) => {
    setBusy(true);
    try {
      const answer = await api.publish(tenantId, version.id, data.data?.etag ?? null);
      toasts.success(`Version ${answer.body.published_version} is published`);
      await data.reload();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (version: VersionSummary, message: string) => {
    setBusy(true);
    try {
      const answer = await api.restore(tenantId, version.id, message, data.data?.etag ?? null);
      toasts.success(`v${version.version} restored as draft v${answer.body.version}`);
      setRestoring(null);
      await data.reload();
      setLeftId(version.id);
      setRightId(answer.body.id);
    } catch (e) {
      setRestoring(null);
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  if (data.error) {
    return <div class="page"><ErrorBanner message={data.error} onRetry={data.reload} /></div>;
  }
  if (!data.data) {
    return <div class="page"><Loading /></div>;
  }
  const { tenant } = data.data;
  const latest = versions[0];
  const byVersion = new Map(versions.map((v) => [v.version, v]));

  return (
    <div class="page" data-screen="versions">
      <PageHeader
        crumbs={[{ label: 'Tenants', href: '/tenants' }, { label: tenant.name, href: href({ name: 'tenant', tenantId }) }, { label: 'Versions' }]}
        title="Versions"
        subtitle={`Every draft of ${tenant.name}'s dashboards, numbered without gaps. Publishing sends one to the agents; restoring makes an old one the new draft.`}
      />
      <Card title="History" id="history">
        {versions.length === 0 && <EmptyState title="No versions yet">Save a draft in the dashboard builder.</EmptyState>}
        {versions.length > 0 && (
          <table class="table" data-testid="versions-table">
            <thead>
              <tr>
                <th scope="col">Version</th><th scope="col">Status</th><th scope="col">Message</th><th scope="col">Lineage</th>
                <th scope="col">Created</th><th scope="col">By</th><th scope="col">Published</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} data-version={v.version}>
                  <td class="num strong">v{v.version}</td>
                  <td><Badge status={v.status} /></td>
                  <td class="truncate">{v.message ?? <span class="muted">—</span>}</td>
                  <td class="small">
                    {v.restored_from
                      ? <span data-testid="restored-from">restored from v{v.restored_from.version}</span>
                      : v.parent_version ? <span class="muted">after v{v.parent_version}</span> : <span class="muted">—</span>}
                  </td>
                  <td><span title={when(v.created_at)}><TimeAgo at={v.created_at} /></span></td>
                  <td><Actor actor={v.created_by} users={people} /></td>
                  <td>{v.published_at ? <TimeAgo at={v.published_at} /> : <span class="muted">—</span>}</td>
                  <td class="row-actions">
                    {mayPublish && v.status === 'draft' && (
                      <button type="button" class="button button-small button-primary" disabled={busy} onClick={() => publish(v)}
                        aria-label={`Publish v${v.version}`}>Publish</button>
                    )}
                    {mayRestore && v.id !== latest?.id && (
                      <button type="button" class="button button-small" disabled={busy} onClick={() => setRestoring(v)}
                        aria-label={`Restore v${v.version} as a new draft`}>Restore</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {versions.length >= 2 && (
        <Card title="Compare" id="compare" actions={
          <div class="compare-pickers">
            <div class="field field-inline">
              <label for="compare-left">From</label>
              <select id="compare-left" value={leftId} onChange={(e) => setLeftId((e.target as HTMLSelectElement).value)}>
                {versions.map((v) => <option key={v.id} value={v.id}>v{v.version} · {v.status}</option>)}
              </select>
            </div>
            <div class="field field-inline">
              <label for="compare-right">To</label>
              <select id="compare-right" value={rightId} onChange={(e) => setRightId((e.target as HTMLSelectElement).value)}>
                {versions.map((v) => <option key={v.id} value={v.id}>v{v.version} · {v.status}</option>)}
              </select>
            </div>
          </div>
        }>
          {diffError && <ErrorBanner message={diffError} />}
          {!pair && !diffError && <Loading label="Loading both versions…" />}
          {pair && <DiffView left={pair.left} right={pair.right} />}
        </Card>
      )}
      {restoring && (
        <RestoreDialog version={restoring} parent={byVersion.get(latest?.version ?? 0)} busy={busy}
          onClose={() => setRestoring(null)} onRestore={(message) => restore(restoring, message)} />
      )}
      {conflict && (
        <ConflictDialog what="tenant" onKeep={() => setConflict(false)} onReload={() => {
          setConflict(false);
          void data.reload();
        }} />
      )}
    </div>
  );
}

function RestoreDialog({ version, parent, busy, onClose, onRestore }: {
  version: VersionSummary;
  parent: VersionSummary | undefined;
  busy: boolean;
  onClose: () => void;
  onRestore: (message: string) => void;
}) {
  const [message, setMessage] = useState(`Restore v${version.version}`);
  return (
    <Modal id="restore-dialog" title={`Restore v${version.version} as a new draft?`} onClose={onClose}>
      <form onSubmit={(e) => {
        e.preventDefault();
        onRestore(message.trim());
      }}>
        <p>
          A new draft{parent ? ` (after v${parent.version})` : ''} is created with v{version.version}'s dashboards and widgets, and the
          builder's working copy is set back to them. History is never rewritten: v{version.version} and every later version stay as they are.
        </p>
        <Field id="restore-message" label="Message">
          <input id="restore-message" value={message} autoFocus maxLength={500} onInput={(e) => setMessage((e.target as HTMLInputElement).value)} />
        </Field>
        <FormFooter onCancel={onClose} label="Restore as draft" busy={busy} submitId="confirm-restore" />
      </form>
    </Modal>
  );
}

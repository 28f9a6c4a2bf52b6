import { useState } from 'preact/hooks';
import type { FlexboardApi } from '../../../api/flexboard';
import { ApiProblem, describe } from '../../../api/problem';
import type { ApiKey, IssuedApiKey } from '../../../api/types';
import { useApp } from '../../../app/context';
import { can } from '../../../app/session';
import { useLoad } from '../../../app/useLoad';
import { Badge } from '../../../components/Badge';
import { describedBy, Field } from '../../../components/Field';
import { ActionDialog } from '../../../components/ActionDialog';
import { Actor } from '../../users/Actor';
import { usePeople } from '../../users/usePeople';
import { FormFooter, Modal } from '../../../components/Modal';
import { Card, EmptyState, ErrorBanner } from '../../../components/Page';
import { TimeAgo } from '../../../components/Time';
import { ShownOnceApiKeyDialog } from './ShownOnceApiKeyDialog';
import { hasRoomForAnother, isLive, MAX_LIVE_KEYS, nameProblem, ordered } from './apiKeysModel';

/**
 * A tenant's API keys: issue one (shown once), see when each was last used, revoke one. Rotation is
 * issue, deploy on the agents, revoke the old key (docs/operations.md).
 */
export function ApiKeysCard({ tenantId }: { tenantId: string }) {
  const { api, session, toasts } = useApp();
  const manage = can(session, 'manage-api-keys');
  const people = usePeople();
  const keys = useLoad(() => api.apiKeys(tenantId), [api, tenantId]);
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const list = keys.data ?? [];
  const room = hasRoomForAnother(list);

  return (
    <Card title="API keys" id="api-keys" actions={manage &&
      <button type="button" class="button button-small" disabled={!keys.data || !room} onClick={() => setIssuing(true)}
        title={room ? undefined : `At most ${MAX_LIVE_KEYS} live keys: revoke one first`}>+ New API key</button>
    }>
      {keys.error && <ErrorBanner message={keys.error} onRetry={keys.reload} />}
      {keys.data && list.length === 0 && <EmptyState title="No API keys" />}
      {list.length > 0 && (
        <table class="table" data-testid="api-keys-table">
          <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Issued</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {ordered(list).map((key) => (
              <tr key={key.id} data-api-key={key.name}>
                <td class="strong">{key.name}</td>
                <td><code class="mono">{key.prefix}…</code></td>
                <td><TimeAgo at={key.created_at} />{key.created_by && <div class="muted small">by <Actor actor={key.created_by} users={people} /></div>}</td>
                <td>{key.last_used_at ? <TimeAgo at={key.last_used_at} /> : <span class="muted">never</span>}</td>
                <td>{isLive(key) ? <Badge status="active" label="Live" /> : <Badge status="archived" label="Revoked" />}</td>
                <td class="row-actions">
                  {manage && isLive(key) && <button type="button" class="button button-small" onClick={() => setRevoking(key)}>Revoke</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {issuing && (
        <IssueApiKeyDialog api={api} tenantId={tenantId} keys={list} onClose={() => setIssuing(false)} onIssued={(key) => {
          setIssuing(false);
          setIssued(key);
          void keys.reload();
        }} />
      )}
      {issued && <IssuedApiKeyDialog issued={issued} tenantId={tenantId} onClose={() => setIssued(null)} />}
      {revoking && (
        <RevokeApiKeyDialog api={api} tenantId={tenantId} apiKey={revoking} onClose={() => setRevoking(null)} onRevoked={() => {
          toasts.success(`API key ${revoking.name} is revoked`);
          setRevoking(null);
          void keys.reload();
        }} />
      )}
    </Card>
  );
}

function IssueApiKeyDialog({ api, tenantId, keys, onClose, onIssued }: {
  api: FlexboardApi; tenantId: string; keys: ApiKey[]; onClose: () => void; onIssued: (key: IssuedApiKey) => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = nameProblem(name, keys);
    setError(problem ?? undefined);
    if (problem) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onIssued((await api.issueApiKey(tenantId, name.trim())).body);
    } catch (e) {
      const nameError = e instanceof ApiProblem ? e.errors.find((fieldError) => fieldError.field === 'name') : undefined;
      if (nameError) {
        setError(nameError.message);
      } else {
        setFailure(describe(e));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal id="issue-api-key-dialog" title="New API key" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {failure && <div class="banner banner-danger" role="alert">{failure}</div>}
        <Field id="api-key-name" label="Name" hint="Which agents will use it, e.g. the site; unique among the live keys." error={error}>
          <input id="api-key-name" value={name} autoFocus maxLength={200} aria-invalid={error ? true : undefined}
            aria-describedby={describedBy('api-key-name', error, undefined, 'hint')}
            onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </Field>
        <FormFooter onCancel={onClose} label="Issue key" busyLabel="Issuing…" busy={busy} />
      </form>
    </Modal>
  );
}

/** A named key just issued, shown this once. */
function IssuedApiKeyDialog({ issued, tenantId, onClose }: { issued: IssuedApiKey; tenantId: string; onClose: () => void }) {
  return (
    <ShownOnceApiKeyDialog idPrefix="issued-" title={`API key ${issued.name}`} apiKey={issued.api_key} tenantId={tenantId}
      onClose={onClose}
      intro={<>Deploy it on the agents as <code>AGENT_API_KEY</code>, check they sync, then revoke the key it replaces.</>} />
  );
}

function RevokeApiKeyDialog({ api, tenantId, apiKey, onClose, onRevoked }: {
  api: FlexboardApi; tenantId: string; apiKey: ApiKey; onClose: () => void; onRevoked: () => void;
}) {
  return (
    <ActionDialog id="revoke-api-key-dialog" title={`Revoke API key ${apiKey.name}?`} label="Revoke key" busyLabel="Revoking…" danger
      action={async () => void await api.revokeApiKey(tenantId, apiKey.id)} onDone={onRevoked} onClose={onClose}>
      <p>Agents using <code class="mono">{apiKey.prefix}…</code> are refused within seconds and keep serving the configuration they have. This cannot be undone.</p>
    </ActionDialog>
  );
}

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { CopyButton } from '../../../components/CopyButton';
import { Field } from '../../../components/Field';
import { Modal } from '../../../components/Modal';

/**
 * A new API key, shown this once (the server keeps only its hash), beside the tenant id the agent needs with
 * it. It closes only once the admin confirms the copy: a key lost here can only be revoked and issued again.
 */
export function ShownOnceApiKeyDialog({ idPrefix, title, intro, apiKey, tenantId, onClose }: {
  /** Keeps the element ids of the two places that show a key apart ('' on a new tenant, 'issued-' for a named key). */
  idPrefix: string;
  title: string;
  intro: ComponentChildren;
  apiKey: string;
  tenantId: string;
  onClose: () => void;
}) {
  const [confirmed, setConfirmed] = useState(false);
  const keyId = `${idPrefix}api-key`;
  const tenantIdId = `${idPrefix}tenant-id`;
  return (
    <Modal id={`${idPrefix}api-key-dialog`} title={title} onClose={onClose} mustAnswer>
      <p>{intro}</p>
      <div class="banner banner-warning" role="note">
        <strong>You will not see this key again.</strong> Flexboard stores only a hash of it. Copy it now and keep it somewhere safe.
      </div>
      <Field id={keyId} label="API key">
        <div class="input-with-button">
          <input id={keyId} class="mono" readOnly value={apiKey} onFocus={(e) => (e.target as HTMLInputElement).select()} />
          <CopyButton value={apiKey} inputId={keyId} />
        </div>
      </Field>
      <Field id={tenantIdId} label="Tenant id">
        <div class="input-with-button">
          <input id={tenantIdId} class="mono" readOnly value={tenantId} />
          <CopyButton value={tenantId} inputId={tenantIdId} />
        </div>
      </Field>
      <label class="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed((e.target as HTMLInputElement).checked)} />
        I have copied the API key
      </label>
      <div class="modal-footer">
        <button type="button" class="button button-primary" disabled={!confirmed} onClick={onClose}>Done</button>
      </div>
    </Modal>
  );
}

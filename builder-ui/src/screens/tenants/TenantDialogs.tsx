import { useState } from 'preact/hooks';
import type { FlexboardApi } from '../../api/flexboard';
import { ApiProblem, describe, type FieldError } from '../../api/problem';
import type { CreatedTenant, Tenant } from '../../api/types';
import { describedBy, Field } from '../../components/Field';
import { ActionDialog } from '../../components/ActionDialog';
import { FormFooter, Modal } from '../../components/Modal';
import { ShownOnceApiKeyDialog } from '../tenantdetail/apikeys/ShownOnceApiKeyDialog';
import { slugify } from './tenantStatus';

function fieldError(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** New tenant: name, slug (suggested from the name), license. */
export function NewTenantDialog({ api, onClose, onCreated }: { api: FlexboardApi; onClose: () => void; onCreated: (created: CreatedTenant) => void }) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [license, setLicense] = useState('basic');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const local: FieldError[] = [];
    if (!name.trim()) local.push({ field: 'name', message: 'is required' });
    if (!slug) local.push({ field: 'slug', message: 'is required' });
    setErrors(local);
    if (local.length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const created = await api.createTenant({ name: name.trim(), slug, license_type: license });
      onCreated(created.body);
    } catch (e) {
      if (e instanceof ApiProblem && e.errors.length > 0) {
        setErrors(e.errors);
      } else {
        setFailure(describe(e));
      }
    } finally {
      setBusy(false);
    }
  };
  const nameError = fieldError(errors, 'name');
  const slugError = fieldError(errors, 'slug');
  const licenseError = fieldError(errors, 'license_type');
  return (
    <Modal id="new-tenant-dialog" title="New tenant" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {failure && <div class="banner banner-danger" role="alert">{failure}</div>}
        <Field id="tenant-name" label="Name" error={nameError}>
          <input id="tenant-name" value={name} autoFocus aria-invalid={nameError ? true : undefined} aria-describedby={describedBy('tenant-name', nameError)}
            onInput={(e) => {
              const value = (e.target as HTMLInputElement).value;
              setName(value);
              if (!slugTouched) setSlug(slugify(value));
            }} />
        </Field>
        <Field id="tenant-slug" label="Slug" hint="Lower-case letters, digits and dashes; unique across tenants." error={slugError}>
          <input id="tenant-slug" value={slug} aria-invalid={slugError ? true : undefined}
            aria-describedby={describedBy('tenant-slug', slugError, undefined, 'hint')}
            onInput={(e) => {
              setSlugTouched(true);
              setSlug((e.target as HTMLInputElement).value);
            }} />
        </Field>
        <Field id="tenant-license" label="License" hint="Basic: 5 dashboards, 20 widgets per dashboard." error={licenseError}>
          <select id="tenant-license" value={license} onChange={(e) => setLicense((e.target as HTMLSelectElement).value)}>
            <option value="basic">Basic</option>
            <option value="professional">Professional</option>
            <option value="enterprise">Enterprise</option>
          </select>
        </Field>
        <FormFooter onCancel={onClose} label="Create tenant" busyLabel="Creating…" busy={busy} />
      </form>
    </Modal>
  );
}

/** The new tenant's first API key, shown this once. */
export function ApiKeyDialog({ created, onClose }: { created: CreatedTenant; onClose: () => void }) {
  return (
    <ShownOnceApiKeyDialog idPrefix="" title={`${created.tenant.name} is ready`} apiKey={created.api_key} tenantId={created.tenant.id}
      onClose={onClose}
      intro={<>Give this API key to the tenant's on-premise agent (<code>AGENT_API_KEY</code>), together with the tenant id.</>} />
  );
}

/** Pausing stops the tenant's agents from syncing (403 `tenant-paused`) until it is activated again. */
export function PauseDialog({ api, tenant, onClose, onPaused }: { api: FlexboardApi; tenant: Tenant; onClose: () => void; onPaused: () => void }) {
  const [reason, setReason] = useState('');
  return (
    <ActionDialog id="pause-dialog" title={`Pause ${tenant.name}?`} label="Pause tenant" busyLabel="Pausing…" danger
      action={async () => void await api.pauseTenant(tenant.id, reason.trim() || undefined, null)} onDone={onPaused} onClose={onClose}>
      <p>Its agents keep serving the configuration they have, but get no updates until the tenant is activated again.</p>
      <Field id="pause-reason" label="Reason (optional)" hint="Shown to other admins next to the tenant.">
        <input id="pause-reason" value={reason} autoFocus onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
      </Field>
    </ActionDialog>
  );
}

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { describe } from '../api/problem';
import { FormFooter, Modal } from './Modal';

interface ActionDialogProps {
  id: string;
  title: string;
  /** The submit button's label, and while the action runs. */
  label: string;
  busyLabel: string;
  danger?: boolean;
  /** The command; its failure is shown in the dialog, which stays open for another try. */
  action: () => Promise<void>;
  onDone: () => void;
  onClose: () => void;
  children: ComponentChildren;
}

/** A dialog that asks before one command (pause, revoke, disable) and shows the server's refusal in place. */
export function ActionDialog({ id, title, label, busyLabel, danger, action, onDone, onClose, children }: ActionDialogProps) {
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
      onDone();
    } catch (e) {
      setFailure(describe(e));
      setBusy(false);
    }
  };
  return (
    <Modal id={id} title={title} onClose={onClose}>
      <form onSubmit={submit}>
        {failure && <div class="banner banner-danger" role="alert">{failure}</div>}
        {children}
        <FormFooter onCancel={onClose} label={label} busyLabel={busyLabel} busy={busy} danger={danger} />
      </form>
    </Modal>
  );
}

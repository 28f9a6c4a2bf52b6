import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  footer?: ComponentChildren;
  /** Test and style hook. */
  id?: string;
  wide?: boolean;
  /** A modal the admin must answer (no Esc, no backdrop close), e.g. the API key shown once. */
  mustAnswer?: boolean;
}

/** A native modal dialog: focus moves in and is trapped, Esc closes, focus returns on close. */
export function Modal({ title, onClose, children, footer, id, wide, mustAnswer }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `${id ?? 'dialog'}-title`;
  useEffect(() => {
    const element = dialog.current!;
    const opener = document.activeElement as HTMLElement | null;
    element.showModal();
    return () => {
      if (element.open) {
        element.close();
      }
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      id={id}
      class={wide ? 'modal modal-wide' : 'modal'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!mustAnswer) {
          onClose();
        }
      }}
    >
      <header class="modal-header">
        <h2 id={titleId}>{title}</h2>
        {!mustAnswer && (
          <button type="button" class="icon-button" aria-label="Close" onClick={onClose}>×</button>
        )}
      </header>
      <div class="modal-body">{children}</div>
      {footer && <footer class="modal-footer">{footer}</footer>}
    </dialog>
  );
}

interface FormFooterProps {
  onCancel: () => void;
  /** The submit button's label, and its label while the form is being sent. */
  label: string;
  busyLabel?: string;
  busy?: boolean;
  /** A destructive action (pause) gets the danger style. */
  danger?: boolean;
  /** Test hook on the submit button. */
  submitId?: string;
}

/** A form dialog's footer: Cancel, and the submit button, disabled and relabelled while the form is sent. */
export function FormFooter({ onCancel, label, busyLabel, busy = false, danger = false, submitId }: FormFooterProps) {
  return (
    <div class="modal-footer">
      <button type="button" class="button" onClick={onCancel}>Cancel</button>
      <button type="submit" class={danger ? 'button button-danger' : 'button button-primary'} id={submitId} disabled={busy}>
        {busy && busyLabel ? busyLabel : label}
      </button>
    </div>
  );
}

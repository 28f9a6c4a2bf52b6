import { Modal } from './Modal';

/**
 * The stale-edit answer (412 on If-Match): someone else changed the tenant since this screen read
 * it. Nothing was saved; the admin reloads (losing the local edits) or goes back to copy them.
 */
export function ConflictDialog({ onReload, onKeep, what = 'dashboard' }: { onReload: () => void; onKeep: () => void; what?: string }) {
  return (
    <Modal
      id="conflict-dialog"
      title={`This ${what} was changed by someone else`}
      onClose={onKeep}
      footer={
        <>
          <button type="button" class="button" onClick={onKeep}>Keep my edits</button>
          <button type="button" class="button button-primary" onClick={onReload} autoFocus>Reload latest</button>
        </>
      }
    >
      <p>
        Someone else saved a change to this tenant after you opened it, so your change was <strong>not saved</strong>
        {' '}— it would have overwritten theirs.
      </p>
      <p class="muted">Reload to see the latest version and apply your edit again. Keeping your edits lets you copy them first (from the JSON view).</p>
    </Modal>
  );
}

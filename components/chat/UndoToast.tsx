/** "Deleted …" with Undo, until the undo window closes. */
export function UndoToast({ title, onUndo, onDismiss }: { title: string; onUndo(): void; onDismiss(): void }) {
  return (
    <div className="toast" role="status">
      <span className="toast-text">Deleted “{title || 'New conversation'}”</span>
      <button className="btn btn-small" type="button" onClick={onUndo}>
        Undo
      </button>
      <button className="btn btn-link btn-small" type="button" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}

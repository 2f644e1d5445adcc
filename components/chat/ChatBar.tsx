/** The chat's top bar: the conversation list toggle, the current title, and New conversation. */
export function ChatBar({
  title,
  drawerId,
  drawerOpen,
  onToggleDrawer,
  onNew,
}: {
  title: string;
  drawerId: string;
  drawerOpen: boolean;
  onToggleDrawer(): void;
  onNew(): void;
}) {
  return (
    <div className="chat-bar">
      <button className="btn btn-small" type="button" aria-expanded={drawerOpen} aria-controls={drawerId} onClick={onToggleDrawer}>
        <span aria-hidden="true">☰ </span>Conversations
      </button>
      <span className="chat-bar-gap" />
      <button className="btn btn-small" type="button" onClick={onNew}>
        <span aria-hidden="true">+ </span>New conversation
      </button>
      <h2 className="chat-title" title={title}>
        {title}
      </h2>
    </div>
  );
}

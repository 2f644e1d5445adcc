import { useState } from 'react';
import type { ConversationListItem } from '@/lib/db/conversation-list';
import { ConversationItem, type ConversationItemActions } from './ConversationItem';
import { ImportButton } from './ImportButton';
import { OpenTraceButton } from './OpenTraceButton';
import { useConversationList } from './useConversationList';

/** The conversation list: search by title and text, a page at a time, with import. */
export function ConversationDrawer({
  id,
  selectedId,
  actionsFor,
  onImported,
  onFailed,
  onOpenTrace,
  onClose,
}: {
  id: string;
  selectedId: string | null;
  actionsFor(row: ConversationListItem): ConversationItemActions;
  onImported(conversationId: string): void;
  onFailed(text: string): void;
  /** A trace file was picked: the chat shows it read-only in place of the conversation. */
  onOpenTrace(fileName: string, text: string): void;
  onClose(): void;
}) {
  const [query, setQuery] = useState('');
  const list = useConversationList(query);

  return (
    <nav id={id} className="drawer" aria-label="Conversations" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div className="row drawer-head">
        <input
          className="input grow"
          type="search"
          autoFocus
          aria-label="Search conversations"
          placeholder="Search titles and messages"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <ImportButton onImported={onImported} onFailed={onFailed} />
        <OpenTraceButton onOpen={onOpenTrace} onFailed={onFailed} />
      </div>
      {list.rows === undefined ? (
        <div aria-busy="true" />
      ) : list.rows.length === 0 ? (
        <p className="muted small drawer-empty">{query.trim() ? 'No conversation matches.' : 'No conversations yet.'}</p>
      ) : (
        <ul className="conversation-list">
          {list.rows.map((row) => (
            <ConversationItem key={row.id} row={row} selected={row.id === selectedId} actions={actionsFor(row)} />
          ))}
        </ul>
      )}
      {list.hasMore && (
        <button className="btn btn-small" type="button" onClick={list.showMore}>
          Show more
        </button>
      )}
    </nav>
  );
}

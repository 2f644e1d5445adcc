import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { usePanelServices } from '../app/panel-services';
import { CONVERSATION_PAGE, searchConversations } from './conversation-search';
import { newestConversations } from './newest-conversations';

/** The drawer's list: a page of conversations (more on demand), filtered by a debounced search. */
export function useConversationList(query: string) {
  const { db } = usePanelServices();
  const [limit, setLimit] = useState(CONVERSATION_PAGE);
  const [debounced, setDebounced] = useState(query);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 200);
    return () => clearTimeout(timer);
  }, [query]);
  useEffect(() => setLimit(CONVERSATION_PAGE), [debounced]);

  // The unfiltered first page starts from the copy kept live since the database opened.
  const kept = debounced.trim() === '' && limit === CONVERSATION_PAGE ? newestConversations(db) : undefined;
  const rows = useLiveQuery(() => searchConversations(db, debounced, limit), [db, debounced, limit], kept);
  return {
    rows,
    hasMore: rows !== undefined && rows.length >= limit,
    showMore: () => setLimit((current) => current + CONVERSATION_PAGE),
  };
}

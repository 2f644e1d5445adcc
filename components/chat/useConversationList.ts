import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { usePanelServices } from '../app/panel-services';
import { CONVERSATION_PAGE, searchConversations } from './conversation-search';

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

  const rows = useLiveQuery(() => searchConversations(db, debounced, limit), [db, debounced, limit]);
  return {
    rows,
    hasMore: rows !== undefined && rows.length >= limit,
    showMore: () => setLimit((current) => current + CONVERSATION_PAGE),
  };
}

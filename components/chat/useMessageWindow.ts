import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MessageRow } from '@/lib/db/rows';
import { usePanelServices } from '../app/panel-services';
import { MESSAGE_PAGE, nextFirstItemIndex, pageBefore, readLastPage, readWindow, type OpeningWindow } from './message-window';
import { reuseUnchanged } from './reuse-unchanged';

/** Far from zero, so pages can be put before the first item without a negative index. */
const FIRST_INDEX = 1_000_000_000;

/**
 * The conversation's last page of messages, live, growing a page at a time towards the start
 * when the user scrolls up. Mount it per conversation (keyed), so the window starts fresh.
 */
export function useMessageWindow(conversationId: string) {
  const { db } = usePanelServices();
  const [fromSeq, setFromSeq] = useState<number | null>(null);
  const [complete, setComplete] = useState(false);

  // The first read finds where the last page starts; from then on the window starts there (and
  // grows towards the start), so new messages add to it rather than sliding it.
  const live = useLiveQuery(
    (): Promise<OpeningWindow> =>
      fromSeq === null ? readLastPage(db, conversationId) : readWindow(db, conversationId, fromSeq).then((rows) => ({ fromSeq, rows })),
    [db, conversationId, fromSeq],
  );
  useEffect(() => {
    if (fromSeq !== null || live === undefined) return;
    setFromSeq(live.fromSeq);
    setComplete(live.fromSeq === 0);
  }, [fromSeq, live]);

  // While a grown window is being read, the list keeps showing the previous one. Each write
  // re-reads the window: unchanged messages keep their objects, so only the changed one renders.
  const last = useRef<MessageRow[] | undefined>(undefined);
  const messages = useMemo(() => {
    if (live !== undefined) last.current = reuseUnchanged(last.current, live.rows);
    return last.current;
  }, [live]);

  const position = useRef({ index: FIRST_INDEX, firstId: undefined as string | undefined });
  const firstItemIndex = useMemo(() => {
    if (!messages) return position.current.index;
    const index = nextFirstItemIndex(position.current.index, position.current.firstId, messages.map((m) => m.id));
    position.current = { index, firstId: messages[0]?.id };
    return index;
  }, [messages]);

  const loadOlder = useCallback(() => {
    if (complete || fromSeq === null) return;
    const from = pageBefore(fromSeq, MESSAGE_PAGE);
    setFromSeq(from);
    setComplete(from === 0);
  }, [complete, fromSeq]);

  return { messages, firstItemIndex, complete, loadOlder };
}

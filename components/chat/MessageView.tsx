import { useEffect, useMemo, useRef } from 'react';
import { Virtuoso } from 'react-virtuoso';
import { MessageItem } from './MessageItem';
import { lastTurnActions } from './turns/last-turn';
import { TurnActions } from './turns/TurnActions';
import { cutReason } from './message-state';
import { sameValue } from './reuse-unchanged';
import { usageByTurnEnd, type TurnUsage } from './turn-usage';
import { useMessageWindow } from './useMessageWindow';
import { useConnectorMap } from './useConnectorMap';
import { useHoldBottom } from './useHoldBottom';
import type { DecideCall } from '../approvals/decision';
import { requestsByCall } from '@/lib/db/server-request-queries';
import { CallRequestsContext } from '../requests/CallRequests';
import { useConversationRequests } from '../requests/useServerRequests';

/** Says more is coming while older pages remain to be read. */
function ListHeader({ context }: { context?: { complete: boolean } }) {
  return context?.complete ? <div className="list-edge" /> : <p className="small muted list-edge">Loading earlier messages…</p>;
}

export interface MessageViewProps {
  conversationId: string;
  running: boolean;
  onDecide: DecideCall;
  onRetry(): void;
  onContinue(): void;
}

/**
 * The conversation, virtualised: only what is on screen is in the DOM, older pages load when the
 * top is reached, and the list follows new output while the user is at the bottom. It renders the
 * stored messages, which the background writes in batches while a run streams.
 */
export default function MessageView({ conversationId, running, onDecide, onRetry, onContinue }: MessageViewProps) {
  const view = useMessageWindow(conversationId);
  const connectors = useConnectorMap();
  const requests = useConversationRequests(conversationId);
  const byCall = useMemo(() => requestsByCall(requests).byCall, [requests]);
  const messages = view.messages;
  // The same sums keep their objects, so the memoized messages that show them do not render again.
  const lastUsage = useRef(new Map<string, TurnUsage>());
  const usage = useMemo(() => {
    const next = usageByTurnEnd(messages ?? []);
    for (const [id, sum] of next) {
      const before = lastUsage.current.get(id);
      if (before && sameValue(before, sum)) next.set(id, before);
    }
    return (lastUsage.current = next);
  }, [messages]);
  // Opens at the end (initialScrollTop) and stays there while heights settle: useHoldBottom.
  const bottom = useHoldBottom();
  // A message the user just sent brings the list back to its end, wherever they had scrolled or
  // expanded a card: the answer to it appears there. Not at opening (the hold already does that).
  // The newest user message, not only a last one: a quick answer can arrive in the same read.
  const lastUserId = messages?.findLast((message) => message.role === 'user')?.id ?? null;
  const seenLast = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (messages === undefined) return;
    const opening = seenLast.current === undefined;
    seenLast.current = lastUserId;
    if (!opening && lastUserId !== null) bottom.resume();
  }, [lastUserId, messages === undefined, bottom]);

  if (!messages || !connectors) return <div className="message-list" aria-busy="true" />;
  if (messages.length === 0) return <p className="message-list muted chat-empty">No messages yet. Say what you need below.</p>;
  const last = messages[messages.length - 1]!;
  const cut = running ? null : cutReason(last);
  const turn = running ? null : lastTurnActions(messages);

  return (
    <CallRequestsContext.Provider value={byCall}>
    <Virtuoso
      className="message-list"
      role="region"
      aria-label="Messages"
      data={messages}
      firstItemIndex={view.firstItemIndex}
      initialScrollTop={messages.length * 10_000}
      ref={bottom.list}
      totalListHeightChanged={bottom.heightChanged}
      scrollerRef={bottom.scrollerRef}
      {...bottom.userHandlers}
      computeItemKey={(_, message) => message.id}
      startReached={view.loadOlder}
      followOutput={(atBottom) => (atBottom ? 'auto' : false)}
      atBottomThreshold={48}
      defaultItemHeight={72}
      skipAnimationFrameInResizeObserver
      increaseViewportBy={{ top: 600, bottom: 300 }}
      context={{ complete: view.complete }}
      components={{ Header: ListHeader }}
      itemContent={(_, message) => (
        <MessageItem
          message={message}
          connectors={connectors}
          usage={usage.get(message.id)}
          cut={message === last ? cut : null}
          onDecide={onDecide}
          onRetry={onRetry}
          onContinue={onContinue}
          turnActions={turn?.[message.id] && <TurnActions conversationId={conversationId} {...turn[message.id]!} />}
        />
      )}
    />
    </CallRequestsContext.Provider>
  );
}

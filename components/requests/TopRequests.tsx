import { useMemo } from 'react';
import { requestsByCall } from '@/lib/db/server-request-queries';
import { ServerRequestList } from './ServerRequestCard';
import { useConversationRequests, useOpenRequestsOutsideConversations } from './useServerRequests';

/**
 * The top of the Chat tab: requests that came outside any call (or when several calls could have
 * caused them), this conversation's and the open ones that belong to none.
 */
export function TopRequests({ conversationId }: { conversationId: string | null }) {
  const ofConversation = useConversationRequests(conversationId);
  const outside = useOpenRequestsOutsideConversations();
  const rows = useMemo(() => [...requestsByCall(ofConversation).outside, ...outside].sort((a, b) => a.receivedAt - b.receivedAt), [ofConversation, outside]);
  if (rows.length === 0) return null;
  return (
    <div className="requests-top">
      <ServerRequestList rows={rows} label="Requests from servers" />
    </div>
  );
}

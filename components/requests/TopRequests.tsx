import { useMemo } from 'react';
import { requestsByCall } from '@/lib/db/server-request-queries';
import { ServerRequestList } from './ServerRequestCard';
import { useConversationRequests, useOpenRequestsWithoutConversation } from './useServerRequests';

/**
 * The top of the Chat tab: requests that came outside any call (or when several calls could have
 * caused them), this conversation's and the open ones that belong to none, hand runs' included
 * (their Run dialog is gone once the panel was reopened; while it is open, it covers this).
 */
export function TopRequests({ conversationId }: { conversationId: string | null }) {
  const ofConversation = useConversationRequests(conversationId);
  const outside = useOpenRequestsWithoutConversation();
  const rows = useMemo(() => [...requestsByCall(ofConversation).outside, ...outside].sort((a, b) => a.receivedAt - b.receivedAt), [ofConversation, outside]);
  if (rows.length === 0) return null;
  return (
    <div className="requests-top">
      <ServerRequestList rows={rows} label="Requests from servers" />
    </div>
  );
}

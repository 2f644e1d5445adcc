import { useMemo, type ComponentProps } from 'react';
import { requestsByCall } from '@/lib/db/server-request-queries';
import { loadable } from '../app/loadable';
import type { ServerRequestList } from './ServerRequestCard';
import { useConversationRequests, useOpenRequestsWithoutConversation } from './useServerRequests';

/**
 * The cards (elicitation forms, sampling review and the schemas behind them) are their own chunk:
 * most opens of the panel have no pending request, and the first screen should not pay for them.
 */
const requestList = loadable<ComponentProps<typeof ServerRequestList>>(() => import('./ServerRequestCard').then((module) => ({ default: module.ServerRequestList })));

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
      <requestList.Component rows={rows} label="Requests from servers" fallback={null} />
    </div>
  );
}

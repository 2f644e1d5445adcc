import { useLiveQuery } from 'dexie-react-hooks';
import type { ServerRequestRow } from '@/lib/contract/server-request';
import { openRequestsWithoutConversation, requestsOfConversation, requestsOfHandRun } from '@/lib/db/server-request-queries';
import { usePanelServices } from '../app/panel-services';

const NONE: ServerRequestRow[] = [];

/** A conversation's server requests, live (those of its calls and those shown at its top). */
export function useConversationRequests(conversationId: string | null): ServerRequestRow[] {
  const { db } = usePanelServices();
  return useLiveQuery(() => (conversationId ? requestsOfConversation(db, conversationId) : NONE), [db, conversationId]) ?? NONE;
}

/** Open requests of no conversation (outside any call, or of a hand run), live: every chat shows them at its top. */
export function useOpenRequestsWithoutConversation(): ServerRequestRow[] {
  const { db } = usePanelServices();
  return useLiveQuery(() => openRequestsWithoutConversation(db), [db]) ?? NONE;
}

/** The requests of one hand run, live, for its Run dialog. */
export function useHandRunRequests(connectorId: string, callId: string | null): ServerRequestRow[] {
  const { db } = usePanelServices();
  return useLiveQuery(() => (callId ? requestsOfHandRun(db, connectorId, callId) : NONE), [db, connectorId, callId]) ?? NONE;
}

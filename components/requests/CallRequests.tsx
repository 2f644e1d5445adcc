import { createContext, useContext } from 'react';
import type { ServerRequestRow } from '@/lib/contract/server-request';
import { ServerRequestList } from './ServerRequestCard';

/** The open conversation's requests by the chat call that caused them (see `requestsByCall`). */
export const CallRequestsContext = createContext<ReadonlyMap<string, ServerRequestRow[]>>(new Map());

/** The requests a chat call caused, under its card. */
export function CallRequests({ callId, toolName }: { callId: string; toolName: string }) {
  const rows = useContext(CallRequestsContext).get(callId);
  return rows ? <ServerRequestList rows={rows} label={`Requests during ${toolName}`} /> : null;
}

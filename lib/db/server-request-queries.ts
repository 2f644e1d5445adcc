import type { PatchbayDatabase } from './database';
import type { ServerRequestRow } from '../contract/server-request';

/**
 * The panel's reads of server requests, for `useLiveQuery`: each by an index, never a full table
 * read. A row that fails its schema is left out (the background wrote it; a damaged one must not
 * take the chat down), and the card shows only what parsed. The schema (and zod) is loaded only
 * when there are rows to check, after every read of the query (so the live query has seen them
 * all): the chat's first screen asks at start, and almost always finds none.
 */
async function parsed(rows: unknown[]): Promise<ServerRequestRow[]> {
  if (rows.length === 0) return [];
  const { ServerRequestRowSchema } = await import('../contract/server-request');
  return rows.flatMap((row) => {
    const result = ServerRequestRowSchema.safeParse(row);
    return result.success ? [result.data] : [];
  });
}

/** A conversation's requests, oldest first: those of its calls and those shown at its top. */
export async function requestsOfConversation(db: PatchbayDatabase, conversationId: string): Promise<ServerRequestRow[]> {
  return parsed(await db.serverRequests.where('[conversationId+receivedAt]').between([conversationId, 0], [conversationId, Infinity]).toArray());
}

/** The requests that came during one hand run (the Run dialog's call id), oldest first. */
export async function requestsOfHandRun(db: PatchbayDatabase, connectorId: string, callId: string): Promise<ServerRequestRow[]> {
  const rows = await parsed(await db.serverRequests.where('connectorId').equals(connectorId).toArray());
  return rows.filter((row) => row.origin.type === 'hand-run' && row.origin.callId === callId).sort((a, b) => a.receivedAt - b.receivedAt);
}

/** Open requests that belong to no conversation (they came outside any call): shown at the top of every chat. */
export async function openRequestsOutsideConversations(db: PatchbayDatabase): Promise<ServerRequestRow[]> {
  const statuses = ['pending', 'sampling', 'review'] as const;
  const rows = await Promise.all(statuses.map((status) => db.serverRequests.where('[status+receivedAt]').between([status, 0], [status, Infinity]).toArray()));
  return (await parsed(rows.flat()))
    .filter((row) => row.conversationId === null && row.origin.type === 'none')
    .sort((a, b) => a.receivedAt - b.receivedAt);
}

/**
 * Open requests that belong to no conversation at all: those that came outside any call, and
 * those of hand runs, whose Run dialog a reopened panel no longer has. The top of the Chat tab
 * shows them, so a request is answerable wherever it came from.
 */
export async function openRequestsWithoutConversation(db: PatchbayDatabase): Promise<ServerRequestRow[]> {
  const statuses = ['pending', 'sampling', 'review'] as const;
  const rows = await Promise.all(statuses.map((status) => db.serverRequests.where('[status+receivedAt]').between([status, 0], [status, Infinity]).toArray()));
  return (await parsed(rows.flat()))
    .filter((row) => row.conversationId === null)
    .sort((a, b) => a.receivedAt - b.receivedAt);
}

/** A conversation's requests by the chat call that caused them; `outside` holds those shown at its top. */
export function requestsByCall(rows: readonly ServerRequestRow[]): { byCall: Map<string, ServerRequestRow[]>; outside: ServerRequestRow[] } {
  const byCall = new Map<string, ServerRequestRow[]>();
  const outside: ServerRequestRow[] = [];
  for (const row of rows) {
    if (row.origin.type === 'chat-call') byCall.set(row.origin.callId, [...(byCall.get(row.origin.callId) ?? []), row]);
    else outside.push(row);
  }
  return { byCall, outside };
}

import type { Transaction } from 'dexie';

/**
 * Version 5's one-time clean-up: settled server requests whose conversation or connector was
 * deleted while nothing deleted their requests. An open one is kept (it waits for the person); one
 * whose conversation is gone moves to the top of the Chat tab, as a deletion does now.
 */
export async function dropOrphanedRequests(tx: Transaction): Promise<void> {
  const conversations = new Set(await tx.table('conversations').toCollection().primaryKeys());
  const connectors = new Set(await tx.table('connectors').toCollection().primaryKeys());
  await tx
    .table('serverRequests')
    .toCollection()
    .modify((row: Record<string, unknown>, ref: { value?: unknown }) => {
      const open = row.status !== 'done';
      const lostConversation = typeof row.conversationId === 'string' && !conversations.has(row.conversationId);
      const lostConnector = !connectors.has(row.connectorId as string);
      if (!open && (lostConversation || lostConnector)) {
        delete ref.value;
      } else if (open && lostConversation) {
        row.conversationId = null;
        row.origin = { type: 'none', conversationId: null };
      }
    });
}

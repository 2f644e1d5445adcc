import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { AuditRow } from '@/lib/db/rows';
import { usePanelServices } from '../app/panel-services';

export const AUDIT_PAGE = 100;

/** Names the entries point at, looked up in one go: connectors' labels and conversations' titles. */
export interface AuditNames {
  connectors: ReadonlyMap<string, string>;
  conversations: ReadonlyMap<string, string>;
}

/**
 * The newest audit entries, a page at a time (by the `at` index, never a full read), with the
 * labels they refer to. Live: a decision taken in the chat appears here at once.
 */
export function useAuditPage() {
  const { db } = usePanelServices();
  const [limit, setLimit] = useState(AUDIT_PAGE);
  const page = useLiveQuery(async () => {
    const rows: AuditRow[] = await db.audit.orderBy('at').reverse().limit(limit + 1).toArray();
    const shown = rows.slice(0, limit);
    const connectorIds = [...new Set(shown.map((row) => row.connectorId))];
    const conversationIds = [...new Set(shown.map((row) => row.conversationId))];
    const [connectors, conversations] = await Promise.all([db.connectors.bulkGet(connectorIds), db.conversations.bulkGet(conversationIds)]);
    const names: AuditNames = {
      connectors: new Map(connectors.flatMap((row) => (row ? [[row.id, row.label] as const] : []))),
      conversations: new Map(conversations.flatMap((row) => (row ? [[row.id, row.title] as const] : []))),
    };
    return { rows: shown, more: rows.length > limit, names };
  }, [db, limit]);
  return { page, showMore: () => setLimit((current) => current + AUDIT_PAGE) };
}

import type { ServerRequestRow } from '../contract/server-request';
import type { ServerRequestsRepository } from '../db/repositories/server-requests-repository';
import { auditOfServerRequest } from './audit-server-request';

/** What answering a lost request needs of the hub (see `ConnectorHub.answerStaleRequest`). */
export interface StaleRequestAnswerer {
  answerStaleRequest(connectorId: string, requestId: string | number, result: Record<string, unknown>): Promise<boolean>;
}

/** The answer a lost request of each kind gets, when one can be sent; sampling's is its owner's to add. */
const LOST_ANSWER: Partial<Record<ServerRequestRow['kind'], Record<string, unknown>>> = {
  'elicitation-form': { action: 'cancel' },
  'elicitation-url': { action: 'cancel' },
};

/**
 * After a restart: requests a dead worker left waiting (already settled `lost` at wake) are
 * answered `cancel` where the connector resumed the very session they came on, so the server stops
 * waiting; the row and the audit say so. Where it cannot be sent, the row keeps its reason.
 */
export async function answerLostRequests(rows: readonly ServerRequestRow[], hub: StaleRequestAnswerer, requests: Pick<ServerRequestsRepository, 'noteSentAfterWake'>): Promise<number> {
  let sent = 0;
  for (const row of rows) {
    const answer = LOST_ANSWER[row.kind];
    if (!answer || row.rpcRequestId === undefined) continue;
    try {
      if (!(await hub.answerStaleRequest(row.connectorId, row.rpcRequestId, answer))) continue;
    } catch {
      continue;
    }
    const reason = `${row.reason ?? ''} After the restart, Patchbay found the same session and sent cancel, so the server stopped waiting.`.trim();
    await requests.noteSentAfterWake(row.id, answer, reason, auditOfServerRequest);
    sent += 1;
  }
  return sent;
}

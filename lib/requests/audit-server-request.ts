import type { AuditRow } from '../db/rows';
import type { ServerRequestRow } from '../contract/server-request';
import { boundedParams } from './bounded-params';

/** The JSON-RPC method each kind of request arrives as, named in the audit when no call caused it. */
export const METHOD_OF_KIND: Record<ServerRequestRow['kind'], string> = {
  'elicitation-form': 'elicitation/create',
  'elicitation-url': 'elicitation/create',
  sampling: 'sampling/createMessage',
};

/**
 * The audit entry of a settled request: how it ended, why, and exactly what was sent back (the
 * content a person typed into a form, the answer a model gave), beside the server's own words,
 * which are cut at `AUDIT_PARAMS_MAX_BYTES` (see {@link boundedParams}).
 */
export function auditOfServerRequest(row: ServerRequestRow): Omit<AuditRow, 'id'> {
  return {
    at: row.answeredAt ?? Date.now(),
    kind: 'server-request',
    conversationId: row.conversationId ?? '',
    connectorId: row.connectorId,
    toolName: row.toolName ?? METHOD_OF_KIND[row.kind],
    detail: {
      requestId: row.id,
      requestKind: row.kind,
      outcome: row.outcome,
      ...(row.reason === undefined ? {} : { reason: row.reason }),
      origin: row.origin,
      unfamiliar: row.unfamiliar,
      ...boundedParams(row.params),
      response: row.response ?? null,
    },
  };
}

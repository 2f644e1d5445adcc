import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AppCallRequest } from '../contract/app-call';
import type { DecisionsRepository } from '../db/repositories/decisions-repository';
import type { ToolRisk } from '../policy/tool-policy';

/** A decision on an app call the worker no longer holds (it restarted): nothing was sent. */
export class AppCallLostError extends Error {
  readonly code = 'approval-not-found' as const;
  constructor() {
    super('This app request was lost when the background restarted, so it was not sent. Use the app again to ask anew.');
    this.name = 'AppCallLostError';
  }
}

/** A tool error result the app (like the model) reads as the reason nothing ran. */
export function errorResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/** One audit entry of an app's call: a decision (remembered or not) or a write call's outcome. */
export type AppCallAuditEntry =
  | { kind: 'approved' | 'denied'; remembered: boolean; fingerprint?: string; panelSessionId?: string | undefined; editedArgs?: Record<string, unknown> | undefined }
  | { kind: 'write-call'; input: Record<string, unknown>; risk: ToolRisk; outcome: 'ok' | 'error'; durationMs: number };

/**
 * Appends the entry with `origin: 'app'` and the app that asked, so the Audit log tells an app's
 * calls from the model's and from hand runs. A decision the user chose to remember is stored as a
 * decision bound to the app call's fingerprint (see `appCallFingerprint`), in the same transaction.
 */
export async function auditAppCall(audit: Pick<DecisionsRepository, 'appendAudit' | 'remember'>, request: AppCallRequest, entry: AppCallAuditEntry): Promise<void> {
  const { host, toolName, args } = request;
  const conversationId = host.type === 'chat-call' ? host.conversationId : '';
  const origin = { origin: 'app', app: host.toolName, ...(host.type === 'chat-call' ? { appCallOf: host.callId } : {}) };
  const at = Date.now();
  if (entry.kind === 'write-call') {
    const { input, risk, outcome, durationMs } = entry;
    await audit.appendAudit({ at, kind: 'write-call', conversationId, connectorId: host.connectorId, toolName, detail: { ...origin, input, risk, outcome, isError: outcome === 'error', durationMs } });
    return;
  }
  const detail = { ...origin, input: args, ...(entry.editedArgs ? { editedArgs: entry.editedArgs } : {}) };
  if (entry.remembered && entry.fingerprint && host.type === 'chat-call') {
    await audit.remember(
      {
        id: crypto.randomUUID(), conversationId, connectorId: host.connectorId, toolName, toolFingerprint: entry.fingerprint,
        decision: entry.kind === 'approved' ? 'allow' : 'deny', scope: 'conversation', decidedAt: at,
        ...(entry.panelSessionId ? { panelSessionId: entry.panelSessionId } : {}),
      },
      detail,
    );
    return;
  }
  await audit.appendAudit({ at, kind: entry.kind, conversationId, connectorId: host.connectorId, toolName, detail: { ...detail, remembered: entry.remembered } });
}

import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { AppCalls } from '@/lib/apps/app-calls';
import type { AppCallRequest } from '@/lib/contract/app-call';
import type { AuditRow, ConnectorRow, DecisionRow } from '@/lib/db/rows';
import type { WireEvent } from '@/lib/mcp/protocol-log/wire-event';
import { connectorRow } from '../chat/engine-harness';

/** The app's connector: a page tool, a write, a model-only tool, and a tool switched off. */
export function appConnector(): ConnectorRow {
  const row = connectorRow('conn-app');
  return {
    ...row,
    label: 'Apps',
    enabledTools: [...row.enabledTools, 'show_app', 'model_only'],
    tools: [
      ...row.tools,
      { name: 'show_app', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true }, _meta: { ui: { resourceUri: 'ui://app/page.html' } } },
      { name: 'model_only', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true }, _meta: { ui: { visibility: ['model'] } } },
      { name: 'switched_off', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true } },
    ],
    toolFingerprints: { ...row.toolFingerprints, show_app: 'fp-show', model_only: 'fp-model', switched_off: 'fp-off' },
  };
}

/** A call from the app of `show_app`, shown in a chat call card. */
export function appCall(toolName: string, args: Record<string, unknown> = {}): AppCallRequest {
  return { host: { type: 'chat-call', conversationId: 'conv-1', callId: 'call-1', connectorId: 'conn-app', toolName: 'show_app' }, toolName, args, panelSessionId: 'panel-1' };
}

/** AppCalls over in-memory fakes: what reached the "server", the audit, the decisions and the log. */
export function appCallsHarness() {
  const rows = new Map<string, ConnectorRow>([['conn-app', appConnector()], ['conn-1', connectorRow('conn-1')]]);
  const sent: { connectorId: string; toolName: string; args: Record<string, unknown> }[] = [];
  const audit: Omit<AuditRow, 'id'>[] = [];
  const decisions: DecisionRow[] = [];
  const log: WireEvent[] = [];
  let page = { ok: true as const, resource: { uri: 'ui://app/page.html', html: '<p>app</p>', csp: {}, permissions: [], fingerprint: 'page-1' } };
  const calls = new AppCalls({
    resources: { forTool: async () => page },
    admission: {
      connector: async (id) => rows.get(id),
      decisionsFor: async (conversationId, connectorId, toolName) => decisions.filter((d) => d.conversationId === conversationId && d.connectorId === connectorId && d.toolName === toolName),
    },
    keepAcrossReloads: async () => false,
    callTool: async (connectorId, toolName, args): Promise<CallToolResult> => {
      sent.push({ connectorId, toolName, args });
      return { content: [{ type: 'text', text: `${toolName} ran` }] };
    },
    audit: {
      appendAudit: async (entry) => void audit.push(entry),
      remember: async (row, detail) => {
        decisions.push(row);
        audit.push({ at: row.decidedAt, kind: row.decision === 'allow' ? 'approved' : 'denied', conversationId: row.conversationId, connectorId: row.connectorId, toolName: row.toolName, detail: { ...detail, remembered: true } });
      },
    },
    record: (_id, event) => void log.push(event),
  });
  return { calls, rows, sent, audit, decisions, log, setPageFingerprint: (fingerprint: string) => (page = { ...page, resource: { ...page.resource, fingerprint } }) };
}

import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { AppCallRequest } from '../contract/app-call';
import { toolVisibleTo } from '../contract/app-resource';
import type { ConnectorRow, DecisionRow } from '../db/rows';
import { validateToolArguments } from '../mcp/catalog/validate-tool-arguments';
import { pickRememberedDecision } from '../policy/remembered-decisions';
import { decideToolCall, type ToolPolicyOutcome } from '../policy/tool-policy';

/** What admission reads: the app's connector as stored, and the decisions remembered for the tool. */
export interface AppAdmissionDeps {
  connector(id: string): Promise<ConnectorRow | undefined>;
  decisionsFor(conversationId: string, connectorId: string, toolName: string): Promise<DecisionRow[]>;
  keepAcrossReloads: boolean;
}

/** Refused before the policy (nothing is sent, the app gets the reason), or the policy's verdict. */
export type AppAdmission =
  | { type: 'refused'; reason: string }
  | { type: 'judged'; outcome: ToolPolicyOutcome; tool: Tool; fingerprint: string };

/**
 * The gates an app's `tools/call` passes before anything is sent, in order: the tool is one of the
 * connector whose call rendered the app (an app never reaches another connector), switched on,
 * visible to apps by its `_meta.ui.visibility`, and its arguments fit its input schema. Then the
 * same policy as the model's calls decides, with one difference: a remembered decision counts only
 * if it was made for this tool *and this version of the app* (`fingerprint` joins both), so trust
 * given to the model's call, or to an older page, does not carry over to an app's call.
 */
export async function admitAppCall(request: AppCallRequest, appFingerprint: string, deps: AppAdmissionDeps): Promise<AppAdmission> {
  const { host, toolName, args } = request;
  const row = await deps.connector(host.connectorId);
  const tool = row?.tools.find((t) => t.name === toolName);
  if (!row || !tool) return refused(`${toolName} is not a tool of ${row?.label ?? 'this app\'s connector'}: an app may call only its own connector's tools.`);
  if (!row.enabledTools.includes(toolName)) return refused(`${toolName} is switched off on ${row.label}.`);
  if (!toolVisibleTo(tool._meta, 'app')) return refused(`${toolName} is not offered to apps (its _meta.ui.visibility leaves them out).`);
  const check = validateToolArguments(tool, args);
  if (!check.ok) return refused(`The arguments do not match ${toolName}'s input schema:\n${check.problems.join('\n')}`);
  const fingerprint = appCallFingerprint(row.toolFingerprints[toolName] ?? '', appFingerprint);
  const stored = host.type === 'chat-call' ? await deps.decisionsFor(host.conversationId, row.id, toolName) : [];
  const remembered = pickRememberedDecision(
    stored.filter((decision) => decision.toolFingerprint === fingerprint),
    { conversationId: host.type === 'chat-call' ? host.conversationId : '', connectorId: row.id, toolName, panelSessionId: request.panelSessionId, keepAcrossReloads: deps.keepAcrossReloads },
  );
  const outcome = decideToolCall({ annotations: tool.annotations, askAlways: row.askAlways ?? false, remembered, currentFingerprint: fingerprint });
  return { type: 'judged', outcome, tool, fingerprint };
}

/** The fingerprint an app call's remembered decision is bound to: the tool's definition and the app's page. */
export function appCallFingerprint(toolFingerprint: string, appFingerprint: string): string {
  return `${toolFingerprint}+app:${appFingerprint}`;
}

function refused(reason: string): AppAdmission {
  return { type: 'refused', reason };
}

import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import type { ProtocolLogRepository } from '../db/repositories/protocol-log-repository';
import { capToolResult, DISPLAY_RESULT_BUDGET_BYTES } from '../mcp/cap-result';
import { FullResultKeeper } from '../mcp/full-result-keeper';
import type { ConnectorHub } from '../mcp/connector-hub';
import type { ConnectorSecretsStore } from '../mcp/connector-secrets';
import { saveConnector } from '../mcp/save-connector';
import { switchTool } from '../mcp/tool-switches';
import { validateToolArguments } from '../mcp/validate-tool-arguments';
import type { CommandHandlers } from '../messaging/command-router';
import type { BackgroundToPanel } from '../messaging/panel-port-protocol';

export type ConnectorCommandHandlers = Pick<
  CommandHandlers,
  | 'connectors.statuses'
  | 'connectors.save'
  | 'connectors.remove'
  | 'connectors.reconnect'
  | 'connectors.refreshTools'
  | 'connectors.setToolEnabled'
  | 'connectors.callTool'
  | 'connectors.cancelCall'
  | 'connectors.fullResult'
  | 'connectors.signIn'
  | 'connectors.signOut'
  | 'connectors.authSteps'
>;

export interface ConnectorCommandDeps {
  hub: ConnectorHub;
  connectors: ConnectorsRepository;
  protocolLog: ProtocolLogRepository;
  secrets: ConnectorSecretsStore;
  broadcast(event: BackgroundToPanel): void;
}

/** The Connectors tab's commands, all carried out by the hub in the background. */
export function createConnectorCommandHandlers(deps: ConnectorCommandDeps): ConnectorCommandHandlers {
  const calls = new Map<string, AbortController>();
  // The panel is sent a capped copy; the whole of a cut result waits here for a download.
  const fullResults = new FullResultKeeper();
  return {
    'connectors.statuses': async () => deps.hub.statuses(),
    'connectors.save': async (draft) => {
      const saved = await saveConnector(draft, deps.connectors, deps.secrets);
      if (saved.ok) await deps.hub.connectorSaved(saved.id);
      return saved;
    },
    'connectors.remove': async ({ id }) => {
      await deps.hub.remove(id);
      await deps.connectors.remove(id);
      await deps.secrets.remove(id);
      await deps.protocolLog.clear(id);
      return {};
    },
    'connectors.reconnect': async ({ id }) => {
      await deps.hub.reconnect(id);
      return {};
    },
    'connectors.refreshTools': async ({ id }) => (await deps.hub.refreshTools(id)).diff,
    'connectors.setToolEnabled': async ({ id, toolName, enabled }) => {
      // Read and written in one transaction: a tool list stored meanwhile cannot undo the switch.
      const row = await deps.connectors.updateWith(id, (current) => switchTool(current, toolName, enabled));
      if (!row) throw new Error(`No connector with id ${id}.`);
      return {};
    },
    'connectors.callTool': async ({ id, callId, toolName, args }) => {
      const tool = (await deps.connectors.get(id))?.tools.find((t) => t.name === toolName) as Tool | undefined;
      if (!tool) throw new Error(`The server does not offer a tool named ${toolName} (refresh its tools?).`);
      const check = validateToolArguments(tool, args);
      if (!check.ok) throw new Error(`The arguments do not match ${toolName}'s input schema:\n${check.problems.join('\n')}`);
      const controller = new AbortController();
      calls.set(callId, controller);
      const started = Date.now();
      try {
        const result: CallToolResult = await deps.hub.callTool(id, toolName, args, {
          signal: controller.signal,
          onProgress: (progress) => deps.broadcast({ type: 'tool-progress', callId, ...progress }),
        });
        const capped = capToolResult(result, DISPLAY_RESULT_BUDGET_BYTES);
        if (capped.truncated) fullResults.keep(callId, result, capped.totalBytes);
        return { result: capped.result, totalBytes: capped.totalBytes, truncated: capped.truncated, durationMs: Date.now() - started };
      } finally {
        calls.delete(callId);
      }
    },
    'connectors.cancelCall': async ({ callId }) => {
      const controller = calls.get(callId);
      controller?.abort(new Error('Cancelled by the user.'));
      return { cancelled: controller !== undefined };
    },
    'connectors.fullResult': async ({ callId }) => {
      const json = fullResults.json(callId);
      if (json === null) throw new Error('The full result is no longer kept (the background restarted, or newer results took its place). Run the tool again.');
      return { json };
    },
    'connectors.signIn': async ({ id }) => ({ outcome: await deps.hub.signIn(id) }),
    'connectors.signOut': async ({ id }) => {
      await deps.hub.signOut(id);
      return {};
    },
    'connectors.authSteps': async ({ id }) => deps.hub.authSteps(id),
  };
}

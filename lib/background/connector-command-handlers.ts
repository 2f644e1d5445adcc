import { refreshAllTools } from './refresh-all-tools';
import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import type { DecisionsRepository } from '../db/repositories/decisions-repository';
import type { ProtocolLogRepository } from '../db/repositories/protocol-log-repository';
import type { ConnectorHub } from '../mcp/connector-hub';
import type { ProtocolLogWriter } from '../mcp/protocol-log/protocol-log-writer';
import type { ConnectorSecretsStore } from '../mcp/connectors/connector-secrets';
import { saveConnector } from '../mcp/connectors/save-connector';
import { switchTool } from '../mcp/catalog/tool-switches';
import type { CommandHandlers } from '../messaging/command-router';
import type { BackgroundToPanel } from '../messaging/panel-port-protocol';
import { createHandRunHandlers } from './hand-run-handlers';
import type { HandRunJournal } from './hand-run-journal';

export type ConnectorCommandHandlers = Pick<
  CommandHandlers,
  | 'connectors.statuses'
  | 'connectors.save'
  | 'connectors.remove'
  | 'connectors.reconnect'
  | 'connectors.refreshTools'
  | 'connectors.refreshAll'
  | 'connectors.setToolEnabled'
  | 'connectors.setLogLevel'
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
  /** Frames recorded but not yet written: a removal drops them, so none come back after it. */
  logWriter: Pick<ProtocolLogWriter, 'forget' | 'flush'>;
  secrets: ConnectorSecretsStore;
  /** The append-only audit: hand runs of write tools go there, as the chat's write calls do. */
  audit: Pick<DecisionsRepository, 'appendAudit'>;
  /** Audited hand runs under way (see `HandRunJournal`). */
  journal: Pick<HandRunJournal, 'begin' | 'end'>;
  broadcast(event: BackgroundToPanel): void;
}

/** The Connectors tab's commands, all carried out by the hub in the background. */
export function createConnectorCommandHandlers(deps: ConnectorCommandDeps): ConnectorCommandHandlers {
  return {
    ...createHandRunHandlers(deps),
    'connectors.statuses': async () => deps.hub.statuses(),
    'connectors.save': async (draft) => {
      const saved = await saveConnector(draft, deps.connectors, deps.secrets);
      if (saved.ok) await deps.hub.connectorSaved(saved.id);
      return saved;
    },
    'connectors.remove': async ({ id }) => {
      // Revoke first (it needs the tokens and the client's secret), then forget everything.
      const revocation = await deps.hub.remove(id);
      if (revocation.type === 'failed') console.warn('Patchbay: the removed connector\'s token revocation failed; its tokens are forgotten anyway.', revocation.reason);
      await deps.connectors.remove(id);
      await deps.secrets.remove(id);
      await forgetFrames(deps, id);
      return {};
    },
    'connectors.reconnect': async ({ id }) => {
      await deps.hub.reconnect(id);
      return {};
    },
    'connectors.refreshTools': async ({ id }) => (await deps.hub.refreshTools(id)).diff,
    'connectors.refreshAll': () => refreshAllTools(deps.hub),
    'connectors.setToolEnabled': async ({ id, toolName, enabled }) => {
      // Read and written in one transaction: a tool list stored meanwhile cannot undo the switch.
      const row = await deps.connectors.updateWith(id, (current) => switchTool(current, toolName, enabled));
      if (!row) throw new Error(`No connector with id ${id}.`);
      return {};
    },
    'connectors.setLogLevel': async ({ id, level }) => {
      await deps.hub.setLogLevel(id, level);
      return {};
    },
    'connectors.signIn': async ({ id }) => ({ outcome: await deps.hub.signIn(id) }),
    'connectors.signOut': async ({ id }) => {
      await deps.hub.signOut(id);
      return {};
    },
    'connectors.authSteps': async ({ id }) => deps.hub.authSteps(id),
  };
}

/**
 * Drops what the writer still buffers for the connector, waits for a write already under way
 * (it may hold the connector's frames), then clears the stored frames and counts.
 */
async function forgetFrames(deps: Pick<ConnectorCommandDeps, 'logWriter' | 'protocolLog'>, id: string): Promise<void> {
  deps.logWriter.forget(id);
  await deps.logWriter.flush();
  await deps.protocolLog.clear(id);
}

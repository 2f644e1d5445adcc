import { AppCalls } from '../apps/app-calls';
import { AppResources } from '../apps/app-resources';
import type { Repositories } from '../db/repositories';
import type { ConnectorHub } from '../mcp/connector-hub';
import type { WireEvent } from '../mcp/protocol-log/wire-event';
import type { ApprovalSettingsStore } from '../settings/approval-settings-store';
import { createAppCommandHandlers, type AppCommandDeps, type AppCommandHandlers } from './app-command-handlers';

export interface AppServiceDeps {
  hub: Pick<ConnectorHub, 'callTool' | 'readResource'>;
  repositories: Pick<Repositories, 'connectors' | 'decisions'>;
  approvals: Pick<ApprovalSettingsStore, 'read'>;
  record(connectorId: string, event: WireEvent): void;
  send: AppCommandDeps['send'];
  keepContext: AppCommandDeps['keepContext'];
}

/** Builds the app page cache and the app call gate over the background's hub, audit and log. */
export function createAppServices(deps: AppServiceDeps): { handlers: AppCommandHandlers; resources: AppResources } {
  const { hub, repositories } = deps;
  const connector = (id: string) => repositories.connectors.get(id);
  const resources = new AppResources({ connector, readResource: (id, uri) => hub.readResource(id, uri) });
  const calls = new AppCalls({
    resources,
    admission: { connector, decisionsFor: (conversationId, connectorId, toolName) => repositories.decisions.forTool(conversationId, connectorId, toolName) },
    keepAcrossReloads: async () => (await deps.approvals.read()).keepDecisionsAcrossReloads,
    callTool: (connectorId, toolName, args) => hub.callTool(connectorId, toolName, args, {}),
    audit: repositories.decisions,
    record: deps.record,
  });
  return { handlers: createAppCommandHandlers({ resources, calls, send: deps.send, keepContext: deps.keepContext }), resources };
}

import type { OAuthStore } from '../auth/oauth-store';
import type { PatchbayDatabase } from '../db/database';
import type { Repositories } from '../db/repositories';
import type { ConnectorSecretsStore } from '../mcp/connectors/connector-secrets';
import type { ProtocolLogWriter } from '../mcp/protocol-log/protocol-log-writer';
import type { CommandHandlers } from '../messaging/command-router';
import type { ProviderSettingsStore } from '../settings/provider-settings-store';
import { createReplayCommandHandlers } from './replay-command-handlers';
import { createSavedCallCommandHandlers } from './saved-call-command-handlers';
import { createTraceCommandHandlers } from './trace-command-handlers';
import type { WorkbenchCallHandlers } from './workbench-call-handlers';

/** What saved calls, replays and traces need from the running background. */
export interface WorkbenchCallDeps {
  db: PatchbayDatabase;
  repositories: Pick<Repositories, 'connectors' | 'decisions' | 'protocolLog'>;
  /** The hand run's command: a replay is sent exactly like one, once its approval is in. */
  callTool: CommandHandlers['connectors.callTool'];
  secrets: Pick<ConnectorSecretsStore, 'read'>;
  oauth: Pick<OAuthStore, 'read'>;
  settings: Pick<ProviderSettingsStore, 'read'>;
  /** The protocol log's writer, stored before a trace reads the frames. */
  logWriter?: Pick<ProtocolLogWriter, 'flush'>;
}

/** Saved calls, replays and the trace export, over the background's stores. */
export function createWorkbenchCallHandlers({ db, repositories, callTool, secrets, oauth, settings, logWriter }: WorkbenchCallDeps): WorkbenchCallHandlers {
  return {
    ...createSavedCallCommandHandlers({ db, connectors: repositories.connectors }),
    ...createReplayCommandHandlers({ connectors: repositories.connectors, audit: repositories.decisions, callTool }),
    ...createTraceCommandHandlers({
      db,
      connectors: repositories.connectors,
      protocolLog: repositories.protocolLog,
      logWriter,
      secrets: { apiKey: async () => (await settings.read()).apiKey, connectorSecrets: (id) => secrets.read(id), oauth: (id) => oauth.read(id) },
    }),
  };
}

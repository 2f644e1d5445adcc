import { ConversationStore } from '../chat/conversation-store';
import { RunEngine } from '../chat/run-engine';
import type { PatchbayDatabase } from '../db/database';
import type { ConnectorHub } from '../mcp/connector-hub';
import type { BackgroundToPanel } from '../messaging/panel-port-protocol';
import type { ApprovalSettingsStore } from '../settings/approval-settings-store';
import type { ProviderSettingsStore } from '../settings/provider-settings-store';
import { modelFromSettings } from './model-from-settings';
import { panelEventOf } from './run-event-broadcast';
import { toolLimitFor } from '../contract/tool-budget';
import type { AppPageOf } from '../chat/app-page-binding';
import { ToolOverridesRepository } from '../db/repositories/tool-overrides-repository';

/** The engine's outside world; narrow so a test can give a fake hub and fixed settings. */
export interface ChatEngineDeps {
  db: PatchbayDatabase;
  hub: Pick<ConnectorHub, 'callTool' | 'followTask'>;
  settings: Pick<ProviderSettingsStore, 'read'>;
  /** Read at the start of each run, so "keep decisions across reloads" applies from the next run. */
  approvals: Pick<ApprovalSettingsStore, 'read'>;
  broadcast(event: BackgroundToPanel): void;
  /** The app page cache's read (`AppResources.forTool`): approvals of a tool with an app are bound to its page. */
  appPage?: AppPageOf;
}

/**
 * The background's one run engine: tools through the hub (the run's signal, progress and tasks),
 * the model from the current settings, and every run event passed on to open panels.
 */
export function createChatEngine(deps: ChatEngineDeps): { engine: RunEngine; store: ConversationStore } {
  const store = new ConversationStore(deps.db);
  const engine = new RunEngine({
    store,
    callTool: (connectorId, toolName, args, options) => deps.hub.callTool(connectorId, toolName, args, options),
    followTask: (connectorId, taskId, options) => deps.hub.followTask(connectorId, taskId, options),
    model: modelFromSettings(() => deps.settings.read()),
    toolLimit: async () => {
      const settings = await deps.settings.read();
      return toolLimitFor(settings.toolLimits, settings.model);
    },
    approvalSettings: () => deps.approvals.read(),
    ...(deps.appPage ? { appPage: deps.appPage } : {}),
    whatIfOverrides: (ids) => new ToolOverridesRepository(deps.db).ofConnectors(ids),
    onEvent: (event) => {
      const panelEvent = panelEventOf(event);
      if (panelEvent) deps.broadcast(panelEvent);
    },
  });
  return { engine, store };
}

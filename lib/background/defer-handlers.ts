import type { CommandHandlers } from '../messaging/command-router';
import type { ChatCommandHandlers } from './chat-command-handlers';
import type { ConnectorCommandHandlers } from './connector-command-handlers';
import type { FileCommandHandlers } from './file-command-handlers';
import type { ServerRequestCommandHandlers } from './server-request-handlers';
import type { ContextCommandHandlers } from './context-command-handlers';
import type { AppCommandHandlers } from './app-command-handlers';
import type { WorkbenchCallHandlers } from './workbench-call-handlers';

/** Commands that need the hub and the database (see `deferHandlers`). */
export const CONNECTOR_COMMANDS = [
  'connectors.statuses',
  'connectors.save',
  'connectors.remove',
  'connectors.reconnect',
  'connectors.refreshTools',
  'connectors.refreshAll',
  'connectors.setToolEnabled',
  'connectors.setLogLevel',
  'connectors.callTool',
  'connectors.cancelCall',
  'connectors.fullResult',
  'connectors.signIn',
  'connectors.signOut',
  'connectors.authSteps',
] as const satisfies readonly (keyof ConnectorCommandHandlers)[];

/** Commands that need the run engine and the database (see `deferHandlers`). */
export const CHAT_COMMANDS = [
  'chat.create',
  'chat.rename',
  'chat.setConnectors',
  'chat.delete',
  'chat.import',
  'chat.send',
  'chat.stop',
  'chat.retry',
  'chat.continue',
  'chat.decide',
  'chat.running',
  'chat.toolNames',
  'chat.cancelCall',
] as const satisfies readonly (keyof ChatCommandHandlers)[];

/** Prompts, resources and completion: they need the hub (see `deferHandlers`). */
export const CONTEXT_COMMANDS = [
  'prompts.list',
  'prompts.get',
  'resources.list',
  'resources.templates',
  'resources.read',
  'resources.attach',
  'resources.subscribe',
  'resources.unsubscribe',
  'completion.complete',
] as const satisfies readonly (keyof ContextCommandHandlers)[];

/** MCP Apps' commands: they need the hub, the database and the chat (see `deferHandlers`). */
export const APP_COMMANDS = ['apps.resource', 'apps.callTool', 'apps.decide', 'apps.message'] as const satisfies readonly (keyof AppCommandHandlers)[];

/** Commands that read stored rows to build a file or a display copy (see `deferHandlers`). */
export const FILE_COMMANDS = ['chat.export', 'chat.shownResult', 'protocolLog.export', 'audit.export'] as const satisfies readonly (keyof FileCommandHandlers)[];

/** Saved calls, replays and traces (the workbench's call tools): they need the database and the hub (see `deferHandlers`). */
export const WORKBENCH_CALL_COMMANDS = ['savedCalls.save', 'savedCalls.rename', 'savedCalls.delete', 'replay.policy', 'replay.decide', 'replay.run', 'trace.export'] as const satisfies readonly (keyof WorkbenchCallHandlers)[];

/** Commands that answer server requests through the broker (see `deferHandlers`). */
export const SERVER_REQUEST_COMMANDS = ['serverRequests.answer'] as const satisfies readonly (keyof ServerRequestCommandHandlers)[];

/**
 * Handlers that exist only once the database is open, available at once: each call waits for
 * them. The router must be registered in the worker's first turn, before the database opens.
 */
export function deferHandlers<K extends keyof CommandHandlers>(names: readonly K[], ready: Promise<Pick<CommandHandlers, K>>): Pick<CommandHandlers, K> {
  const deferred: Partial<Record<K, unknown>> = {};
  for (const name of names) {
    deferred[name] = async (request: never) => ((await ready)[name] as (request: never) => unknown)(request);
  }
  return deferred as Pick<CommandHandlers, K>;
}

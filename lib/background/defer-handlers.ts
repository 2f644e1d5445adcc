import type { CommandHandlers } from '../messaging/command-router';
import type { ConnectorCommandHandlers } from './connector-command-handlers';

const CONNECTOR_COMMANDS = [
  'connectors.statuses',
  'connectors.save',
  'connectors.remove',
  'connectors.reconnect',
  'connectors.refreshTools',
  'connectors.setToolEnabled',
  'connectors.callTool',
  'connectors.cancelCall',
  'connectors.signIn',
  'connectors.signOut',
  'connectors.authSteps',
] as const satisfies readonly (keyof ConnectorCommandHandlers)[];

/**
 * Handlers that exist only once the database is open, available at once: each call waits for
 * them. The router must be registered in the worker's first turn, before the database opens.
 */
export function deferHandlers(ready: Promise<ConnectorCommandHandlers>): ConnectorCommandHandlers {
  const deferred: Partial<Record<keyof ConnectorCommandHandlers, unknown>> = {};
  for (const name of CONNECTOR_COMMANDS) {
    deferred[name] = async (request: never) => ((await ready)[name] as (request: never) => unknown)(request);
  }
  return deferred as ConnectorCommandHandlers;
}

import type { ConnectorStatus } from '@/lib/contract/connector-status';

/** The words a connector's list item shows for its status (UI contract: Connected, Error: …). */
export function connectorStatusText(status: ConnectorStatus | undefined): string {
  if (!status) return 'Connecting';
  switch (status.state) {
    case 'connecting':
      return status.attempt > 0 ? `Connecting (attempt ${status.attempt + 1})` : 'Connecting';
    case 'connected':
      return 'Connected';
    case 'needs-auth':
      return 'Needs sign-in';
    case 'permission-needed':
      return 'Permission needed';
    case 'error':
      return status.retryAt === null
        ? `Error: ${status.reason}`
        : `Error: ${status.reason} Next try at ${new Date(status.retryAt).toLocaleTimeString()}.`;
  }
}

/** The dot colour next to the status. */
export function connectorStatusTone(status: ConnectorStatus | undefined): 'ok' | 'warn' | 'error' {
  switch (status?.state) {
    case 'connected':
      return 'ok';
    case 'error':
      return 'error';
    case undefined:
    case 'connecting':
    case 'needs-auth':
    case 'permission-needed':
      return 'warn';
  }
}

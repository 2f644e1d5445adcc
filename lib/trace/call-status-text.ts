import type { PartStatus } from '../db/message-parts';

/** A call's status in the words its card uses, so a trace reads like the chat it came from. */
export function callStatusText(status: PartStatus, isError: boolean | undefined): string {
  switch (status.type) {
    case 'running':
      return 'running';
    case 'requires-action':
      return 'waiting for approval';
    case 'complete':
      return isError ? 'failed' : 'complete';
    case 'incomplete':
      return status.reason.code === 'denied' ? 'denied' : `${status.reason.code}: ${status.reason.message}`;
  }
}

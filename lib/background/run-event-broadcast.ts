import type { RunEvent } from '../chat/run-context';
import type { BackgroundToPanel } from '../messaging/panel-port-protocol';

/**
 * The port event an open panel gets for a run event. Every run event has one: the panel needs
 * start and end for Send/Stop, deltas for live text, and the 429 wait for its countdown.
 */
export function panelEventOf(event: RunEvent): BackgroundToPanel {
  switch (event.type) {
    case 'run-started':
      return { type: 'run-state', conversationId: event.conversationId, running: true };
    case 'run-ended':
      return { type: 'run-state', conversationId: event.conversationId, running: false };
    case 'model-event':
      return { type: 'model-delta', conversationId: event.conversationId, messageId: event.messageId, event: event.event };
    case 'rate-limited':
      return { type: 'rate-limited', conversationId: event.conversationId, retryAt: event.retryAt };
  }
}

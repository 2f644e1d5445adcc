import type { RunEvent } from '../chat/run-context';
import type { BackgroundToPanel } from '../messaging/panel-port-protocol';

/**
 * The port event an open panel gets for a run event: start and end for Send/Stop, and the 429 wait
 * for its countdown. Streamed tokens are not sent: the panel renders the stored message, which the
 * engine writes in batches (every ~100 ms), so a fast model costs the panel no per-token work.
 */
export function panelEventOf(event: RunEvent): BackgroundToPanel | null {
  switch (event.type) {
    case 'run-started':
      return { type: 'run-state', conversationId: event.conversationId, running: true };
    case 'run-ended':
      return { type: 'run-state', conversationId: event.conversationId, running: false };
    case 'model-event':
      return null;
    case 'rate-limited':
      return { type: 'rate-limited', conversationId: event.conversationId, retryAt: event.retryAt };
    case 'tool-progress':
      return { type: 'tool-progress', callId: event.callId, ...event.progress };
  }
}

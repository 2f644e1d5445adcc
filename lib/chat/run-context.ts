import type { ModelEvent } from '../llm/model-events';
import type { ConversationStore } from './conversation-store';
import type { RunState } from './run-state';
import type { CallTool } from './run-tool-call';

/**
 * Short-lived news for an open panel. The database already holds everything; these only let the
 * panel show deltas and the rate-limit countdown without waiting for the next batch write.
 */
export type RunEvent =
  | { type: 'model-event'; conversationId: string; messageId: string; event: ModelEvent }
  | { type: 'run-ended'; conversationId: string; runId: string; state: RunState; error: unknown };

/** What every step of one run shares. */
export interface RunContext {
  runId: string;
  conversationId: string;
  store: ConversationStore;
  callTool: CallTool;
  signal: AbortSignal;
  resultBudgetBytes: number;
  flushIntervalMs: number;
  emit(event: RunEvent): void;
}

import type { ModelEvent } from '../llm/model-events';
import type { ConversationStore } from './conversation-store';
import type { RunState } from './run-state';
import type { CallTool, FollowTask } from './run-tool-call';
import type { CallCancels } from './call-cancels';
import type { CallProgress } from './tool-call-hooks';
import type { AppPageOf } from './app-page-binding';

/**
 * Short-lived news for an open panel. The database already holds everything; these only let the
 * panel show deltas and the rate-limit countdown without waiting for the next batch write.
 */
export type RunEvent =
  /** The run's command was accepted (its message or decision is stored) and the run is under way. */
  | { type: 'run-started'; conversationId: string; runId: string }
  | { type: 'model-event'; conversationId: string; messageId: string; event: ModelEvent }
  /** The model answered 429: the run waits until `retryAt` (epoch ms), then asks again. */
  | { type: 'rate-limited'; conversationId: string; retryAt: number }
  /** A running tool call's latest progress (throttled); never stored, a reopened panel waits for the next. */
  | { type: 'tool-progress'; conversationId: string; callId: string; progress: CallProgress }
  | { type: 'run-ended'; conversationId: string; runId: string; state: RunState; error: unknown };

/** What every step of one run shares. */
export interface RunContext {
  runId: string;
  conversationId: string;
  store: ConversationStore;
  callTool: CallTool;
  /** Follows a task an earlier worker's call started (see `followTaskCall`); absent, such calls end `interrupted`. */
  followTask: FollowTask | undefined;
  /** Each call's own Cancel, beside the run's Stop. */
  cancels: CallCancels;
  signal: AbortSignal;
  resultBudgetBytes: number;
  flushIntervalMs: number;
  /** The panel load the run's command came from; a run resumed at worker wake has none. */
  panelSessionId: string | undefined;
  /** The approval setting as read when the run started. */
  keepDecisionsAcrossReloads: boolean;
  /** Settings › Approvals: a remembered allow still asks when the input carries another connector's output. */
  askWhenInputCrossesConnectors: boolean;
  /** Reads a tool's app page at admission and before sending (a decision is bound to the page too); absent: fail closed. */
  appPage: AppPageOf | undefined;
  emit(event: RunEvent): void;
}

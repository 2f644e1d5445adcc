import { replaceLastTurn, type TurnReplacement } from './replace-turn';
import type { AttachedContext } from '../contract/attached-context';
import type { ModelClient } from '../llm/model-events';
import { buildModelTools, type ModelToolSet } from '../llm/model-tools';
import { modelToolsWithOverrides } from '../evals/model-tools-with-overrides';
import type { ToolOverrideRow } from '../contract/tool-override';
import type { ConversationStore } from './conversation-store';
import { MAX_TOOLS_PER_REQUEST } from '../contract/tool-budget';
import { DEFAULT_APPROVAL_SETTINGS, asksWhenInputCrossesConnectors, type ApprovalSettings } from '../contract/approval-settings';
import { auditUnknownOutcomes } from './audit-write-call';
import { decideApproval, dismissPendingApprovals, type Decision } from './decide-approval';
import { driveRun } from './drive-run';
import { DEFAULT_FLUSH_INTERVAL_MS, MessageWriter } from './message-writer';
import { DEFAULT_RESULT_BUDGET_BYTES } from './model-input';
import { runCalls } from './model-step';
import { COMPLETE, newPartId } from './parts';
import { keepForContinue, rewindForRetry } from './cut-answer';
import { recoverInterrupted } from './recover-interrupted';
import type { RunContext, RunEvent } from './run-context';
import { RunningRuns, type Prepare, type RunHandle, type RunOutcome } from './running-runs';
import { runStateOf, type RunState } from './run-state';
import type { CallTool, FollowTask } from './run-tool-call';
import type { AppPageOf } from './app-page-binding';
import { CallCancels } from './call-cancels';
import { followTaskCalls } from './follow-task-call';

export const DEFAULT_STEP_LIMIT = 25;

export interface RunEngineOptions {
  store: ConversationStore;
  /** The model for a conversation's next run (settings are read per run, so a change applies). */
  model: (conversationId: string) => Promise<ModelClient>;
  callTool: CallTool;
  /** Follows a stored task after a worker restart (the hub's `followTask`). */
  followTask?: FollowTask;
  /** The most tools one request of the conversation's model may carry; absent means 128. */
  toolLimit?: (conversationId: string) => Promise<number>;
  /** Read when a run starts; absent means the defaults (a panel reload asks again). */
  approvalSettings?: () => Promise<ApprovalSettings>;
  stepLimit?: number;
  resultBudgetBytes?: number;
  flushIntervalMs?: number;
  onEvent?: (event: RunEvent) => void;
  /** The background's app page cache; absent, a tool with an app never runs on a remembered decision. */
  appPage?: AppPageOf;
  /** The connectors' what-if overrides, shown to the model in a conversation that turned them on. */
  whatIfOverrides?: (connectorIds: readonly string[]) => Promise<ToolOverrideRow[]>;
}

/** What a user can ask of a conversation; each starts (or replaces) its one run. */
export type RunCommand = (
  | { type: 'send'; text: string; attachments?: readonly AttachedContext[] | undefined }
  | { type: 'decide'; callId: string; decision: Decision; remembered: boolean; editedArgs?: Record<string, unknown> | undefined }
  /** Asks the model again for a cut answer (see `rewindForRetry`). */
  | { type: 'retry' }
  /** Lets the model go on from a cut answer's text (see `keepForContinue`). */
  | { type: 'continue' }
  /** Asks the model again from the last user message, or from that message edited (see `replaceLastTurn`). */
  | { type: 'replace'; replacement: TurnReplacement }
) & {
  /** The panel load the command came from: remembered decisions made in it apply to this run. */
  panelSessionId?: string | undefined;
};

/**
 * Runs conversations: each run has an id and an AbortController; a new run or `stop` aborts the
 * old one (a decision waits for it instead, see `RunningRuns.join`), and the signal reaches the model request
 * and every tool call. All state is in the
 * database; the engine only remembers which runs are in progress.
 */
export class RunEngine {
  private readonly cancels = new CallCancels();
  private readonly runs = new RunningRuns({
    contextFor: (conversationId, runId, signal, panelSessionId) => this.contextFor(conversationId, runId, signal, panelSessionId),
    drive: (ctx) => this.drive(ctx),
  });

  constructor(private readonly options: RunEngineOptions) {
    if ((options.stepLimit ?? DEFAULT_STEP_LIMIT) < 1) throw new RangeError('stepLimit must be at least 1.');
  }

  /**
   * Starts a run for the command. A decision joins the run in progress (see `RunningRuns.join`);
   * any other command aborts it first. A send runs until a final answer, an approval, a stop or a
   * limit; a retry is refused (`NothingToRetryError`) when the last answer is not cut, a continue
   * (`NothingToContinueError`) when there is no cut answer to go on from.
   */
  begin(conversationId: string, command: RunCommand): RunHandle {
    const prepare = this.prepareFor(conversationId, command);
    return command.type === 'decide' ? this.runs.join(conversationId, prepare, command.panelSessionId) : this.runs.start(conversationId, prepare, command.panelSessionId);
  }

  /**
   * After a worker restart: closes what was cut (see `recoverInterrupted`), re-sends an in-flight
   * read-only call once, and continues when the conversation says so.
   */
  resume(conversationId: string): Promise<RunOutcome> {
    const current = this.runs.current(conversationId);
    if (current) return current.done;
    return this.runs.start(conversationId, async (ctx: RunContext) => {
      const last = await ctx.store.last(conversationId);
      if (!last || runStateOf(last).type !== 'interrupted') return;
      const { message, retryCallIds, followCallIds } = recoverInterrupted(last);
      const writer = new MessageWriter(ctx.store, last, ctx.flushIntervalMs);
      await writer.edit((parts) => recoverInterrupted({ ...last, parts }).message.parts);
      await auditUnknownOutcomes(ctx, last.parts, message.parts);
      await runCalls(writer, retryCallIds, ctx);
      await followTaskCalls(writer, followCallIds, ctx);
    }).done;
  }

  /** Resumes the most recent conversations; what the background calls once when it wakes. */
  async resumeRecent(limit = 20): Promise<void> {
    for (const id of await this.options.store.recentConversationIds(limit)) await this.resume(id);
  }

  /** Aborts the conversation's run, if any, and waits until its parts are written. */
  async stop(conversationId: string): Promise<void> {
    const run = this.runs.current(conversationId);
    if (!run) return;
    run.controller.abort();
    await run.done.catch(() => undefined);
  }

  /**
   * Cancels one running call (its card's Cancel or Cancel task); the run goes on and the model
   * learns the call was cancelled. False when that call is not running (any more).
   */
  cancelCall(conversationId: string, callId: string): boolean {
    return this.cancels.cancel(conversationId, callId);
  }

  /** Conversations with a run in progress (or about to start), for a panel that just opened. */
  runningConversationIds(): string[] {
    return this.runs.conversationIds();
  }

  private prepareFor(conversationId: string, command: RunCommand): Prepare {
    switch (command.type) {
      case 'send':
        return async ({ store }) => {
          await store.conversation(conversationId);
          await dismissPendingApprovals(store, conversationId);
          const attachments = command.attachments?.length ? { attachments: [...command.attachments] } : {};
          await store.append({ conversationId, role: 'user', parts: [{ id: newPartId(), type: 'text', text: command.text, status: COMPLETE }], ...attachments });
        };
      case 'decide':
        return ({ store }) => decideApproval(store, conversationId, command);
      case 'retry':
        return ({ store }) => rewindForRetry(store, conversationId);
      case 'continue':
        return ({ store }) => keepForContinue(store, conversationId);
      case 'replace':
        return async ({ store }) => {
          await dismissPendingApprovals(store, conversationId);
          await replaceLastTurn(store, conversationId, command.replacement);
        };
    }
  }

  private async contextFor(conversationId: string, runId: string, signal: AbortSignal, panelSessionId: string | undefined): Promise<RunContext> {
    const { store, callTool, onEvent } = this.options;
    const settings = (await this.options.approvalSettings?.()) ?? DEFAULT_APPROVAL_SETTINGS;
    return {
      runId, conversationId, store, callTool, signal, panelSessionId,
      followTask: this.options.followTask,
      appPage: this.options.appPage,
      cancels: this.cancels,
      keepDecisionsAcrossReloads: settings.keepDecisionsAcrossReloads,
      askWhenInputCrossesConnectors: asksWhenInputCrossesConnectors(settings),
      resultBudgetBytes: this.options.resultBudgetBytes ?? DEFAULT_RESULT_BUDGET_BYTES,
      flushIntervalMs: this.options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS,
      emit: (event) => onEvent?.(event),
    };
  }

  private async drive(ctx: RunContext): Promise<RunOutcome> {
    const { conversationId, runId } = ctx;
    ctx.emit({ type: 'run-started', conversationId, runId });
    let ended: { state: RunState; error: unknown } = { state: { type: 'idle', why: 'ended' }, error: null };
    try {
      ended = await driveRun(ctx, {
        tools: () => this.toolsOf(conversationId),
        stepLimit: this.options.stepLimit ?? DEFAULT_STEP_LIMIT,
        toolLimit: async () => (await this.options.toolLimit?.(conversationId)) ?? MAX_TOOLS_PER_REQUEST,
        getModel: () => this.options.model(conversationId),
      });
    } catch (error) {
      ended = { ...ended, error };
      throw error;
    } finally {
      // Always said, so a panel never keeps showing Stop for a run that died on a database error.
      ctx.emit({ type: 'run-ended', conversationId, runId, ...ended });
    }
    return { runId, ...ended };
  }

  private async toolsOf(conversationId: string): Promise<ModelToolSet> {
    const conversation = await this.options.store.conversation(conversationId);
    const connectors = await this.options.store.connectorsOf(conversation);
    if (!conversation.whatIf || !this.options.whatIfOverrides) return buildModelTools(connectors);
    return modelToolsWithOverrides(connectors, await this.options.whatIfOverrides(conversation.connectorIds));
  }
}

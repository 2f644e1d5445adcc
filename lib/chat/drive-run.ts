import type { MessagePart, PartEndReason } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import type { ModelClient } from '../llm/model-events';
import type { ModelToolSet } from '../llm/model-tools';
import { MessageWriter } from './message-writer';
import { modelStep, runCalls } from './model-step';
import { incomplete, newPartId } from './parts';
import { rateLimitWait, waitUnlessAborted } from './rate-limit';
import type { RunContext } from './run-context';
import { RunTools } from './run-tools';
import { runStateOf, stepsThisTurn, type RunState } from './run-state';

export interface DriveOptions {
  /** The conversation's tools as the stored rows say now; asked again at every model step. */
  tools: () => Promise<ModelToolSet>;
  stepLimit: number;
  /** The most tools one model request may carry (Settings, per model); more are searched. */
  toolLimit?: () => Promise<number>;
  /** Asked only when the model is needed, so resuming a finished conversation needs no settings. */
  getModel: () => Promise<ModelClient>;
}

/**
 * The run loop: read the last message, do the one step its state calls for, repeat. Stops at a
 * state that needs the user (or nothing), on abort, or after a model error. A 429 is waited out
 * (see `rate-limit.ts`) and the same step asked again.
 */
export async function driveRun(ctx: RunContext, options: DriveOptions): Promise<{ state: RunState; error: unknown }> {
  let error: unknown = null;
  let model: ModelClient | undefined;
  let rateLimited = 0;
  const tools = new RunTools(options.tools, options.toolLimit);
  for (;;) {
    const history = await ctx.store.history(ctx.conversationId);
    const last = history.at(-1);
    const state = runStateOf(last);
    if (ctx.signal.aborted || error !== null) return { state, error };
    switch (state.type) {
      case 'idle':
      case 'awaiting-approval':
      case 'interrupted':
        return { state, error };
      case 'run-tools':
        await runCalls(new MessageWriter(ctx.store, last!, ctx.flushIntervalMs), state.callIds, ctx);
        break;
      case 'call-model': {
        if (stepsThisTurn(history) >= options.stepLimit) {
          const text = `Stopped after ${options.stepLimit} model steps in this turn. Send a message to let it go on.`;
          await endWithError(ctx, last, 'step-limit', text, 'step-limit');
          break;
        }
        try {
          model ??= await options.getModel();
        } catch (cause) {
          error = cause;
          const code = typeof (cause as { code?: unknown }).code === 'string' ? (cause as { code: string }).code : 'model-not-configured';
          await endWithError(ctx, last, code, cause instanceof Error ? cause.message : String(cause), 'error');
          break;
        }
        const step = await modelStep(ctx, model, history, await tools.forStep(history));
        if (step.type === 'ended') {
          error = step.error;
          rateLimited = 0;
          break;
        }
        const wait = rateLimitWait(step.error, rateLimited++);
        if (wait === null) {
          error = step.error;
          await endWithError(ctx, last, step.error.code, step.error.message, 'error');
          break;
        }
        ctx.emit({ type: 'rate-limited', conversationId: ctx.conversationId, retryAt: Date.now() + wait });
        await waitUnlessAborted(wait, ctx.signal);
        if (ctx.signal.aborted) await endWithError(ctx, last, 'cancelled', 'Stopped by the user while waiting out the rate limit.', 'cancelled');
        break;
      }
    }
  }
}

/** Ends the turn with an error part: on the assistant's last message, or a new one after the user's. */
async function endWithError(ctx: RunContext, last: MessageRow | undefined, code: string, message: string, reason: PartEndReason['code']): Promise<void> {
  const part: MessagePart = { id: newPartId(), type: 'error', status: incomplete(reason, message), code, message };
  if (last?.role === 'assistant') {
    await new MessageWriter(ctx.store, last, ctx.flushIntervalMs).edit((parts) => [...parts, part]);
    return;
  }
  await ctx.store.append({ conversationId: ctx.conversationId, role: 'assistant', parts: [part] });
}

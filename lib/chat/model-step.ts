import type { MessagePart } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import { ModelError, ModelRateLimitedError } from '../llm/model-errors';
import type { ModelClient, ModelMessage } from '../llm/model-events';
import type { ModelToolSet } from '../llm/model-tools';
import { parseModelEvents } from '../llm/parse-model-events';
import type { ModelToolCall } from './admit-tool-call';
import { admitStepCalls } from './admit-step-calls';
import { MessageWriter } from './message-writer';
import { toModelMessages } from './model-input';
import { COMPLETE, RUNNING, incomplete, newPartId, partsOf } from './parts';
import type { RunContext } from './run-context';
import { cancelUnsent, runToolCall } from './run-tool-call';

/**
 * How a model step ended. `ended` is persisted (its `error`, if any, already written as an error
 * part); `rate-limited` means the endpoint said 429 before anything streamed and the empty answer
 * was removed again, so the caller may wait and ask once more without leaving junk behind.
 */
export type StepOutcome = { type: 'ended'; error: unknown } | { type: 'rate-limited'; error: ModelRateLimitedError };

/**
 * One model request: an assistant message streamed into its parts, then its tool calls admitted
 * and the read-only ones run. Returns when the step is persisted.
 */
export async function modelStep(ctx: RunContext, model: ModelClient, history: readonly MessageRow[], tools: ModelToolSet): Promise<StepOutcome> {
  const textId = newPartId();
  const row = await ctx.store.append({
    conversationId: ctx.conversationId,
    role: 'assistant',
    parts: [{ id: textId, type: 'text', text: '', status: RUNNING }],
  });
  const writer = new MessageWriter(ctx.store, row, ctx.flushIntervalMs);
  const calls: ModelToolCall[] = [];
  let reasoningId: string | null = null;
  try {
    const system = await systemMessageOf(ctx);
    const request = { messages: [...system, ...toModelMessages(history, tools, ctx.resultBudgetBytes)], tools: tools.tools.map((t) => t.definition) };
    // Whatever the client: every event is parsed before the engine acts on it.
    for await (const event of parseModelEvents(model.stream(request, ctx.signal))) {
      switch (event.type) {
        case 'text-delta':
          writer.appendText(textId, event.text);
          break;
        case 'reasoning-delta':
          if (reasoningId === null) {
            const id = (reasoningId = newPartId());
            await writer.edit((parts) => [{ id, type: 'reasoning', text: '', status: RUNNING }, ...parts]);
          }
          writer.appendText(reasoningId, event.text);
          break;
        case 'tool-call':
          calls.push(event);
          break;
        case 'usage':
          writer.setUsage({ inputTokens: tokens(event.inputTokens), outputTokens: tokens(event.outputTokens) });
          break;
        case 'finish':
          break;
      }
      ctx.emit({ type: 'model-event', conversationId: ctx.conversationId, messageId: row.id, event });
    }
  } catch (error) {
    if (error instanceof ModelRateLimitedError && !ctx.signal.aborted && nothingStreamed(writer.row.parts, calls.length)) {
      // Nothing streamed, so no batched write is pending that could bring the row back.
      await ctx.store.remove(row.id);
      return { type: 'rate-limited', error };
    }
    await writer.edit((parts) => endStreaming(parts, ctx.signal.aborted ? 'cancelled' : 'error', error));
    return { type: 'ended', error: ctx.signal.aborted ? null : error };
  }
  const admission = { store: ctx.store, conversationId: ctx.conversationId, panelSessionId: ctx.panelSessionId, keepAcrossReloads: ctx.keepDecisionsAcrossReloads, askWhenInputCrossesConnectors: ctx.askWhenInputCrossesConnectors, appPage: ctx.appPage, history };
  const admitted = await admitStepCalls(calls, tools, admission);
  await writer.edit((parts) => [
    ...endStreaming(parts, 'complete', null).filter((part) => !(part.type === 'text' && part.text === '' && calls.length > 0)),
    ...admitted,
  ]);
  const readCalls = partsOf(writer.row.parts, 'tool-call').filter((part) => part.status.type === 'running').map((part) => part.callId);
  await runCalls(writer, readCalls, ctx);
  return { type: 'ended', error: null };
}

function nothingStreamed(parts: readonly MessagePart[], calls: number): boolean {
  return calls === 0 && parts.every((part) => (part.type === 'text' || part.type === 'reasoning') && part.text === '');
}

/** Token counts as stored: whole and never negative, whatever the endpoint sent. */
function tokens(count: number): number {
  return Math.max(0, Math.round(count));
}

/** Runs admitted calls one after another; after a Stop the rest are marked cancelled, not sent. */
export async function runCalls(writer: MessageWriter, callIds: readonly string[], ctx: RunContext): Promise<void> {
  for (const [index, callId] of callIds.entries()) {
    if (ctx.signal.aborted) return cancelUnsent(writer, callIds.slice(index));
    await runToolCall(writer, callId, ctx);
  }
}

/** Closes the streamed parts: text is always kept, cut or not; an error also gets its own part. */
function endStreaming(parts: MessagePart[], how: 'complete' | 'cancelled' | 'error', error: unknown): MessagePart[] {
  const message = how === 'cancelled' ? 'Stopped by the user.' : errorText(error);
  const status = how === 'complete' ? COMPLETE : incomplete(how, message);
  const closed = parts.map((part) => ((part.type === 'text' || part.type === 'reasoning') && part.status.type === 'running' ? { ...part, status } : part));
  if (how !== 'error') return closed;
  const code = error instanceof ModelError ? error.code : 'model-failed';
  return [...closed, { id: newPartId(), type: 'error', status: incomplete('error', message), code, message }];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The conversation's system prompt, read per step so an edit applies to the next request. */
async function systemMessageOf(ctx: RunContext): Promise<ModelMessage[]> {
  const prompt = (await ctx.store.conversation(ctx.conversationId)).systemPrompt?.trim();
  return prompt ? [{ role: 'system', text: prompt }] : [];
}

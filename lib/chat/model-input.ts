import type { MessagePart } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import { mapToolNames } from '../llm/tool-names';
import type { ModelMessage } from '../llm/model-events';
import type { ModelToolSet } from '../llm/model-tools';
import { cachedModelResultText } from './model-result-copy';
import { providerIdOf } from './call-ids';
import { redactUrlsInText } from '../mcp/redaction/url-credentials';
import { callSiblings, partsOf, type PartOf } from './parts';
import { isSearchCall } from './search-tools-call';
import { attachmentsForModel } from './attachment-input';
import { MAX_ATTACHMENTS_TOTAL_BYTES, storedBytesOf } from '../contract/attachment-limits';

/** Bytes of one tool result the model gets to read; the full result stays in the tool-result part. */
export const DEFAULT_RESULT_BUDGET_BYTES = 16_000;
/** The newest results get their whole budget until this many results' worth is spent... */
const FULL_RESULTS_IN_CONTEXT = 8;
/** ...and older ones this much each, so a long run's request stays bounded by its length, not its results. */
const OLD_RESULT_BUDGET_BYTES = 1_000;
/** Attachments the newest messages carry whole, in all; older messages' attachments are shortened... */
const ATTACHMENTS_IN_CONTEXT_BYTES = 2 * MAX_ATTACHMENTS_TOTAL_BYTES;
/** ...to this many characters each. */
const OLD_ATTACHMENT_CHARS = 2_000;

/**
 * The stored conversation as model messages. Every tool call gets an answer (APIs refuse a call
 * without one): its capped result, or a note saying why there is none; either with credentials
 * in URLs redacted (an error quoting a connector's `?api_key=` URL is not the model's to read).
 */
export function toModelMessages(history: readonly MessageRow[], tools: ModelToolSet, budgetBytes: number): ModelMessage[] {
  const copies = resultCopies(history, budgetBytes);
  const shortened = shortenedAttachments(history);
  return history.flatMap((message): ModelMessage[] => {
    const text = partsOf(message.parts, 'text').map((part) => part.text).join('');
    switch (message.role) {
      case 'user': {
        const context = attachmentsForModel(message.attachments ?? [], shortened.has(message.id) ? OLD_ATTACHMENT_CHARS : undefined);
        return [context.length > 0 ? { role: 'user', text, context } : { role: 'user', text }];
      }
      case 'tool':
        return [];
      case 'assistant': {
        const calls = partsOf(message.parts, 'tool-call');
        if (!text && calls.length === 0) return [];
        // The model reads each call under its own id; results are found by Patchbay's.
        const toolCalls = calls.map((call) => ({ callId: providerIdOf(call), name: modelNameOf(call, tools), argsText: call.argsText }));
        const answers = calls.map((call): ModelMessage => ({ role: 'tool', callId: providerIdOf(call), text: redactUrlsInText(answerFor(message.parts, call.callId, call.status, copies)) }));
        return [{ role: 'assistant', text, toolCalls }, ...answers];
      }
    }
  });
}

function modelNameOf(call: Extract<MessagePart, { type: 'tool-call' }>, tools: ModelToolSet): string {
  if (isSearchCall(call)) return call.toolName;
  const current = tools.names.toModel(call.connectorId, call.toolName);
  if (current) return current;
  // The connector is no longer selected; the call is history, named the same stable way.
  const alone = mapToolNames([{ connectorId: call.connectorId, connectorLabel: call.connectorId, toolName: call.toolName }]);
  return alone.toModel(call.connectorId, call.toolName)!;
}

function answerFor(parts: readonly MessagePart[], callId: string, status: MessagePart['status'], copies: ReadonlyMap<string, string>): string {
  const { result } = callSiblings(parts, callId);
  if (result) return copies.get(result.id) ?? JSON.stringify({ isError: true, error: 'No result was recorded for this call.' });
  switch (status.type) {
    case 'incomplete':
      return JSON.stringify({ isError: true, error: `No result: ${status.reason.message}` });
    case 'running':
    case 'requires-action':
    case 'complete':
      return JSON.stringify({ isError: true, error: 'No result was recorded for this call.' });
  }
}

/**
 * Messages whose attachments the model gets shortened: the newest messages' attachments go whole
 * while their total fits {@link ATTACHMENTS_IN_CONTEXT_BYTES}, older ones in short, so a long
 * conversation with many attachments does not grow every request by all of them.
 */
function shortenedAttachments(history: readonly MessageRow[]): Set<string> {
  const shortened = new Set<string>();
  let room = ATTACHMENTS_IN_CONTEXT_BYTES;
  for (const message of [...history].reverse()) {
    if (!message.attachments?.length) continue;
    const bytes = message.attachments.reduce((sum, attachment) => sum + storedBytesOf(attachment), 0);
    if (bytes <= room) room -= bytes;
    else shortened.add(message.id);
  }
  return shortened;
}

/**
 * The model's copy of every stored result, by part id: newest first, each gets `budgetBytes`
 * while the total allows, older ones a short copy. Copies are cached (see `model-result-copy`),
 * so a step re-reading the history does not serialise its full results again.
 */
function resultCopies(history: readonly MessageRow[], budgetBytes: number): Map<string, string> {
  const results = history.flatMap((message) => partsOf(message.parts, 'tool-result').map((part) => ({ message, part })));
  const copies = new Map<string, string>();
  let room = budgetBytes * FULL_RESULTS_IN_CONTEXT;
  for (const { message, part } of results.reverse()) {
    const full = copyOf(message, part, budgetBytes);
    const text = full.length <= room ? full : copyOf(message, part, Math.min(budgetBytes, OLD_RESULT_BUDGET_BYTES));
    room -= Math.min(room, text.length);
    copies.set(part.id, text);
  }
  return copies;
}

function copyOf(message: MessageRow, part: PartOf<'tool-result'>, budgetBytes: number): string {
  return cachedModelResultText(`${message.conversationId}|${message.id}|${part.id}`, part.result, budgetBytes);
}

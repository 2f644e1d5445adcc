import type { FinishReason, ModelToolDefinition } from '../model-events';

/** One piece of what the server put in a user message, as far as the model's API can take it. */
export type SamplingInputPart =
  | { type: 'text'; text: string }
  | { type: 'image'; data: string; mimeType: string }
  /** Chat Completions takes audio only as wav or mp3; anything else is refused before the request. */
  | { type: 'audio'; data: string; format: 'wav' | 'mp3' };

/** A call the model made (or made earlier, in the server's history): raw arguments, as text. */
export interface SamplingToolCall {
  callId: string;
  name: string;
  argsText: string;
}

/**
 * The server's conversation as the model's API needs it. Separate from the chat's own messages:
 * a server's user message may hold images and audio, and its tool results come from the server.
 */
export type SamplingModelMessage =
  | { role: 'user'; parts: SamplingInputPart[] }
  | { role: 'assistant'; text: string; toolCalls: SamplingToolCall[] }
  /** A tool result the server sent: data for the model, never instructions from the person. */
  | { role: 'tool'; callId: string; text: string };

/** How the model may use the server's tools (the spec's `toolChoice.mode`, `auto` by default). */
export type SamplingToolChoice = 'auto' | 'required' | 'none';

/** One completion request, built from a `sampling/createMessage` the person approved. */
export interface SamplingModelRequest {
  systemPrompt?: string;
  messages: SamplingModelMessage[];
  tools: ModelToolDefinition[];
  toolChoice: SamplingToolChoice;
  maxTokens: number;
  temperature?: number;
  stopSequences: string[];
}

/** What the model answered, before it becomes a `CreateMessageResult` for the person to review. */
export interface SamplingModelAnswer {
  /** The model the endpoint says answered (it may name a dated version of the configured one). */
  model: string;
  text: string;
  toolCalls: SamplingToolCall[];
  finish: SamplingFinish;
}

/** Why the answer ended: the model's own reasons, and `stop-sequence` when Patchbay cut it at one. */
export type SamplingFinish = FinishReason | 'stop-sequence';

/**
 * The user's model as sampling uses it: one whole answer, not a stream — the person reviews it
 * before anything goes back to the server, so there is nothing to show while it arrives.
 */
export interface SamplingModel {
  /** The model Settings name, which the card shows before the person approves. */
  readonly modelName: string;
  complete(request: SamplingModelRequest, signal: AbortSignal): Promise<SamplingModelAnswer>;
}

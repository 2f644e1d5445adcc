import OpenAI from 'openai';
import { streamChatCompletions } from './chat-completions-stream';
import { toModelError } from './model-errors';
import { parseModelEvents } from './parse-model-events';
import type { ModelClient, ModelEvent, ModelRequest } from './model-events';
import type { ModelApi } from '../contract/model-api';
import { streamResponses } from './responses-stream';

export interface ModelClientOptions {
  apiKey: string;
  baseUrl: string;
  model: string;
  api?: ModelApi;
  fetch?: typeof fetch;
}

/**
 * A streaming client over the openai SDK. No automatic retries: a 429 reaches the caller at once
 * with its `retryAfterMs`, so the user sees the countdown instead of a silent wait. An abort
 * throws `ModelCancelledError`; every other failure is a named `ModelError`.
 */
export function createModelClient(options: ModelClientOptions): ModelClient {
  const client = new OpenAI({
    apiKey: options.apiKey || 'no-key',
    baseURL: options.baseUrl,
    maxRetries: 0,
    // The key is the user's own and stays in the extension's background, never in a web page.
    dangerouslyAllowBrowser: true,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const api = options.api ?? 'chat-completions';
  return {
    async *stream(request: ModelRequest, signal: AbortSignal): AsyncGenerator<ModelEvent> {
      try {
        switch (api) {
          case 'chat-completions':
            yield* parseModelEvents(streamChatCompletions(client, options.model, request, signal));
            break;
          case 'responses':
            yield* parseModelEvents(streamResponses(client, options.model, request, signal));
            break;
        }
        // The SDK ends a stream quietly when its signal aborts; a cut answer must not look finished.
        signal.throwIfAborted();
      } catch (error) {
        throw toModelError(error, signal);
      }
    },
  };
}

import OpenAI from 'openai';
import { toModelError } from '../model-errors';
import type { ModelClientOptions } from '../model-client';
import { completeWithChat } from './sampling-chat-completions';
import { completeWithResponses } from './sampling-responses';
import type { SamplingModel, SamplingModelAnswer, SamplingModelRequest } from './sampling-model';

/**
 * The user's configured model for sampling, over the same API Settings chose for the chat. No
 * automatic retries (a failure reaches the card at once); every failure is a named `ModelError`.
 */
export function createSamplingModel(options: ModelClientOptions): SamplingModel {
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
    modelName: options.model,
    async complete(request: SamplingModelRequest, signal: AbortSignal): Promise<SamplingModelAnswer> {
      try {
        let answer: SamplingModelAnswer;
        switch (api) {
          case 'chat-completions':
            answer = await completeWithChat(client, options.model, request, signal);
            break;
          case 'responses':
            answer = await completeWithResponses(client, options.model, request, signal);
            break;
        }
        signal.throwIfAborted();
        return cutAtStopSequence(answer, request.stopSequences);
      } catch (error) {
        throw toModelError(error, signal);
      }
    },
  };
}

/**
 * Ends the text at the first stop sequence it contains (the Responses API has none of its own,
 * and Chat Completions takes only four), so every API honours the server's `stopSequences`.
 */
export function cutAtStopSequence(answer: SamplingModelAnswer, stopSequences: readonly string[]): SamplingModelAnswer {
  const cuts = stopSequences.filter((sequence) => sequence !== '').map((sequence) => answer.text.indexOf(sequence)).filter((at) => at >= 0);
  if (cuts.length === 0) return answer;
  return { ...answer, text: answer.text.slice(0, Math.min(...cuts)), finish: 'stop-sequence' };
}

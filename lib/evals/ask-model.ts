import type { ModelClient } from '../llm/model-events';
import type { ModelToolSet } from '../llm/model-tools';
import { parseModelEvents } from '../llm/parse-model-events';
import type { ModelChoice } from './score-attempt';

/** What one eval request gave: the model's choice and the tokens it reported. */
export interface ModelAnswer {
  choice: ModelChoice;
  inputTokens: number;
  outputTokens: number;
}

/**
 * Sends one prompt with the case's tools, as the first step of a conversation would (the user's
 * message alone, tool choice left to the model), and reads the first tool call or its absence.
 * Nothing is executed. Every event is parsed first: the endpoint is untrusted. A failure throws
 * the client's `ModelError` (a Stop: `ModelCancelledError`).
 */
export async function askModel(model: ModelClient, prompt: string, tools: ModelToolSet, signal: AbortSignal): Promise<ModelAnswer> {
  const request = { messages: [{ role: 'user' as const, text: prompt }], tools: tools.tools.map((tool) => tool.definition) };
  let choice: ModelChoice = { type: 'none' };
  let inputTokens = 0;
  let outputTokens = 0;
  for await (const event of parseModelEvents(model.stream(request, signal))) {
    switch (event.type) {
      case 'tool-call':
        if (choice.type === 'none') {
          const found = tools.find(event.name);
          choice = { type: 'call', modelName: event.name, argsText: event.argsText, tool: found ? { connectorId: found.connectorId, toolName: found.tool.name } : null };
        }
        break;
      case 'usage':
        inputTokens += Math.max(0, Math.round(event.inputTokens));
        outputTokens += Math.max(0, Math.round(event.outputTokens));
        break;
      case 'text-delta':
      case 'reasoning-delta':
      case 'finish':
        break;
    }
  }
  return { choice, inputTokens, outputTokens };
}

import type { MessageRow } from '@/lib/db/rows';

/** Tokens spent by one turn: every model answer between a user message and the next one. */
export interface TurnUsage {
  inputTokens: number;
  outputTokens: number;
}

/**
 * Sums each turn's usage and files it under the turn's last assistant message, where the panel
 * shows it. Turns without any reported usage are absent.
 */
export function usageByTurnEnd(messages: readonly Pick<MessageRow, 'id' | 'role' | 'usage'>[]): Map<string, TurnUsage> {
  const result = new Map<string, TurnUsage>();
  let lastAssistant: string | null = null;
  let sum: TurnUsage | null = null;
  for (const message of [...messages, null]) {
    if (message === null || message.role === 'user') {
      if (sum && lastAssistant) result.set(lastAssistant, sum);
      sum = null;
      lastAssistant = null;
      continue;
    }
    if (message.role !== 'assistant') continue;
    lastAssistant = message.id;
    if (message.usage) {
      sum ??= { inputTokens: 0, outputTokens: 0 };
      sum.inputTokens += message.usage.inputTokens;
      sum.outputTokens += message.usage.outputTokens;
    }
  }
  return result;
}

const COUNT = new Intl.NumberFormat('en-US');

/** "1,234 in · 56 out" */
export function formatUsage(usage: TurnUsage): string {
  return `${COUNT.format(usage.inputTokens)} in · ${COUNT.format(usage.outputTokens)} out`;
}

import { afterEach, describe, expect, it } from 'vitest';
import { createTurnCommandHandlers } from '@/lib/background/turn-command-handlers';
import { ConversationNotFoundError } from '@/lib/chat/run-errors';
import { MAX_SYSTEM_PROMPT_CHARS } from '@/lib/contract/system-prompt';
import { commandProtocol } from '@/lib/messaging/command-protocol';
import { startHarness, type Harness } from '../chat/engine-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the turn commands at their boundary', () => {
  it('the protocol refuses a system prompt over the limit and an empty edit before any handler runs', () => {
    const setPrompt = commandProtocol['chat.setSystemPrompt'].request;
    expect(setPrompt.safeParse({ conversationId: 'c', systemPrompt: 'x'.repeat(MAX_SYSTEM_PROMPT_CHARS) }).success).toBe(true);
    expect(setPrompt.safeParse({ conversationId: 'c', systemPrompt: 'x'.repeat(MAX_SYSTEM_PROMPT_CHARS + 1) }).success).toBe(false);
    expect(setPrompt.safeParse({ conversationId: 'c', systemPrompt: 42 }).success).toBe(false);
    expect(commandProtocol['chat.editLast'].request.safeParse({ conversationId: 'c', text: '   ' }).success).toBe(false);
  });

  it('a system prompt for a conversation that does not exist is refused by name and creates nothing', async () => {
    h = await startHarness();
    const turns = createTurnCommandHandlers({ store: h.store, engine: h.engine });
    await expect(turns['chat.setSystemPrompt']({ conversationId: 'no-such-conversation', systemPrompt: 'x' })).rejects.toBeInstanceOf(ConversationNotFoundError);
    expect(await h.db.conversations.get('no-such-conversation')).toBeUndefined();
  });
});

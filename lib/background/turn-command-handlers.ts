import type { ConversationStore } from '../chat/conversation-store';
import type { RunCommand, RunEngine } from '../chat/run-engine';
import { ConversationNotFoundError } from '../chat/run-errors';
import type { CommandHandlers } from '../messaging/command-router';

/** The turn commands (see `turnCommandProtocol`), deferred like the chat's until the database opens. */
export const TURN_COMMANDS = ['chat.setSystemPrompt', 'chat.regenerate', 'chat.editLast'] as const;
export type TurnCommandHandlers = Pick<CommandHandlers, (typeof TURN_COMMANDS)[number]>;

/** System prompt, Regenerate and Edit & Resend: each answers once the engine has written the change. */
export function createTurnCommandHandlers(deps: { store: ConversationStore; engine: RunEngine; onRunError?(error: unknown): void }): TurnCommandHandlers {
  async function begin(conversationId: string, command: RunCommand): Promise<Record<string, never>> {
    const run = deps.engine.begin(conversationId, command);
    run.done.catch((error: unknown) => {
      run.accepted.then(() => deps.onRunError?.(error), () => undefined);
    });
    await run.accepted;
    return {};
  }

  return {
    'chat.setSystemPrompt': async ({ conversationId, systemPrompt }) => {
      const prompt = systemPrompt.trim();
      if (!(await deps.store.conversations.update(conversationId, { systemPrompt: prompt === '' ? undefined : prompt }))) throw new ConversationNotFoundError(conversationId);
      return {};
    },
    'chat.regenerate': ({ conversationId, panelSessionId }) => begin(conversationId, { type: 'replace', replacement: { why: 'regenerated' }, panelSessionId }),
    'chat.editLast': ({ conversationId, text, panelSessionId }) => begin(conversationId, { type: 'replace', replacement: { why: 'edited', text }, panelSessionId }),
  };
}

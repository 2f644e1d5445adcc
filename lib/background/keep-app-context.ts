import type { ConversationStore } from '../chat/conversation-store';
import { COMPLETE, newPartId } from '../chat/parts';
import type { RunEngine } from '../chat/run-engine';

/** Refused while a run writes the conversation: the next step is read from its last message. */
export class ConversationBusyError extends Error {
  constructor() {
    super('The conversation is running; add the app\'s context once the answer is done.');
    this.name = 'ConversationBusyError';
  }
}

/**
 * An app's `ui/update-model-context`, once the user added it: stored as a user message that opens
 * with whose words they are (see app-message-text.ts), so the model reads it as data with its
 * next turn, and it is in the history, the export and the screen like everything else. No run starts.
 */
export function keepAppContext(store: Pick<ConversationStore, 'conversation' | 'append'>, engine: Pick<RunEngine, 'runningConversationIds'>) {
  return async (conversationId: string, text: string): Promise<void> => {
    await store.conversation(conversationId);
    if (engine.runningConversationIds().includes(conversationId)) throw new ConversationBusyError();
    await store.append({ conversationId, role: 'user', parts: [{ id: newPartId(), type: 'text', text, status: COMPLETE }] });
  };
}

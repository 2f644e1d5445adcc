import type { PatchbayDatabase } from '../db/database';
import type { ConversationStore } from '../chat/conversation-store';
import { ConversationImportError, exportConversation, parseConversationExport, serializeExport } from '../chat/conversation-export';
import { importConversation } from '../chat/conversation-import';
import { NEW_CONVERSATION_TITLE, titleFromMessage } from '../chat/conversation-title';
import type { RunCommand, RunEngine } from '../chat/run-engine';
import { AttachmentsRefusedError, ConversationNotFoundError } from '../chat/run-errors';
import { attachmentsProblem } from '../contract/attachment-limits';
import { toolNamesView } from '../chat/tool-names-view';
import { buildModelTools } from '../llm/model-tools';
import type { CommandHandlers } from '../messaging/command-router';

/** The chat's share of the command map, so the background can defer exactly these until the database opens. */
export type ChatCommandHandlers = Pick<
  CommandHandlers,
  | 'chat.create'
  | 'chat.rename'
  | 'chat.setConnectors'
  | 'chat.delete'
  | 'chat.import'
  | 'chat.send'
  | 'chat.stop'
  | 'chat.retry'
  | 'chat.continue'
  | 'chat.decide'
  | 'chat.running'
  | 'chat.toolNames'
>;

/** What the chat commands need; passed in so tests can run them on fake-indexeddb with a fake model. */
export interface ChatCommandDeps {
  db: PatchbayDatabase;
  store: ConversationStore;
  engine: RunEngine;
  /** A run that failed after its command was accepted (a database error, not a model error: those are parts). */
  onRunError?(error: unknown): void;
}

/**
 * The chat's commands. Each run command answers once the engine has written it (message stored,
 * decision recorded) or refused it; the run goes on in the background and the panel follows it
 * through the database and the port's `run-state` events.
 */
export function createChatCommandHandlers(deps: ChatCommandDeps): ChatCommandHandlers {
  const { db, store, engine } = deps;

  async function begin(conversationId: string, command: RunCommand): Promise<Record<string, never>> {
    const run = engine.begin(conversationId, command);
    run.done.catch((error: unknown) => {
      // A refusal is answered through `accepted`; anything later is the background's to report.
      run.accepted.then(() => deps.onRunError?.(error), () => undefined);
    });
    await run.accepted;
    return {};
  }

  async function update(conversationId: string, patch: Parameters<ConversationStore['conversations']['update']>[1]) {
    if (!(await store.conversations.update(conversationId, patch))) throw new ConversationNotFoundError(conversationId);
    return {};
  }

  return {
    'chat.create': async ({ connectorIds }) => {
      const row = await store.conversations.create({ title: NEW_CONVERSATION_TITLE, connectorIds, model: null });
      return { conversationId: row.id };
    },
    'chat.rename': ({ conversationId, title }) => update(conversationId, { title }),
    'chat.setConnectors': ({ conversationId, connectorIds }) => update(conversationId, { connectorIds }),
    'chat.delete': async ({ conversationId }) => {
      await engine.stop(conversationId);
      const backup = serializeExport(await exportConversation(db, conversationId));
      await store.conversations.delete(conversationId);
      return { backup };
    },
    'chat.import': async ({ text, keepId }) => {
      try {
        return { ok: true, conversationId: await importConversation(db, parseConversationExport(text), { keepId }) };
      } catch (error) {
        if (error instanceof ConversationImportError) return { ok: false, error: error.message };
        throw error;
      }
    },
    'chat.send': async ({ conversationId, text, attachments, panelSessionId }) => {
      const problem = attachmentsProblem(attachments ?? []);
      if (problem) throw new AttachmentsRefusedError(problem);
      const conversation = await store.conversation(conversationId);
      if (conversation.title === NEW_CONVERSATION_TITLE && !(await store.last(conversationId))) {
        await store.conversations.update(conversationId, { title: titleFromMessage(text) });
      }
      return begin(conversationId, { type: 'send', text, attachments, panelSessionId });
    },
    'chat.stop': async ({ conversationId }) => {
      await engine.stop(conversationId);
      return {};
    },
    'chat.retry': ({ conversationId, panelSessionId }) => begin(conversationId, { type: 'retry', panelSessionId }),
    'chat.continue': ({ conversationId, panelSessionId }) => begin(conversationId, { type: 'continue', panelSessionId }),
    'chat.decide': ({ conversationId, callId, decision, remembered, editedArgs, panelSessionId }) =>
      begin(conversationId, { type: 'decide', callId, decision, remembered, editedArgs, panelSessionId }),
    'chat.running': async () => ({ conversationIds: engine.runningConversationIds() }),
    'chat.toolNames': async ({ connectorIds }) => toolNamesView(buildModelTools(await store.connectorsOf({ connectorIds }))),
  };
}

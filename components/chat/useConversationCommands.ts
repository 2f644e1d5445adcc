import { useCallback, useMemo } from 'react';
import type { AttachedContext } from '@/lib/contract/attached-context';
import { sendCommand } from '@/lib/messaging/command-client';
import { panelSessionId } from '../app/panel-session';
import { errorText } from '../ui/error-text';
import { useChatAction } from './useChatAction';

/**
 * The chat's writes, all through background commands. With no conversation selected, the first
 * Send creates one with the chosen connectors, then sends into it.
 */
export function useConversationCommands(conversationId: string | null, select: (id: string) => void) {
  const action = useChatAction();
  const { run } = action;

  const send = useCallback(
    async (text: string, connectorIds: string[], attachments: AttachedContext[] = []): Promise<boolean> => {
      const sent = await run(async () => {
        let id = conversationId;
        if (!id) {
          id = (await sendCommand('chat.create', { connectorIds })).conversationId;
          select(id);
        }
        await sendCommand('chat.send', { conversationId: id, text, panelSessionId, ...(attachments.length > 0 ? { attachments } : {}) });
        return true;
      });
      return sent === true;
    },
    [conversationId, run, select],
  );

  const simple = useCallback(
    (command: 'chat.stop' | 'chat.retry' | 'chat.continue') => {
      if (!conversationId) return;
      void run(() => (command === 'chat.stop' ? sendCommand(command, { conversationId }) : sendCommand(command, { conversationId, panelSessionId })));
    },
    [conversationId, run],
  );

  // The card shows a refused decision itself (an edit that breaks the schema), so it gets the words back.
  const decide = useCallback(
    async (callId: string, decision: 'allow' | 'deny', remembered: boolean, editedArgs?: Record<string, unknown>): Promise<string | null> => {
      if (!conversationId) return null;
      try {
        await sendCommand('chat.decide', { conversationId, callId, decision, remembered, panelSessionId, ...(editedArgs ? { editedArgs } : {}) });
        return null;
      } catch (error) {
        return errorText(error);
      }
    },
    [conversationId],
  );

  /** Resolves to whether the background stored the new list. */
  const setConnectors = useCallback(
    async (connectorIds: string[]): Promise<boolean> => {
      if (!conversationId) return false;
      return (await run(() => sendCommand('chat.setConnectors', { conversationId, connectorIds }))) !== undefined;
    },
    [conversationId, run],
  );

  return useMemo(
    () => ({
      failure: action.failure,
      clearFailure: action.clearFailure,
      run,
      send,
      decide,
      setConnectors,
      stop: () => simple('chat.stop'),
      retry: () => simple('chat.retry'),
      continue: () => simple('chat.continue'),
    }),
    [action.failure, action.clearFailure, run, send, decide, setConnectors, simple],
  );
}

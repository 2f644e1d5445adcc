import { useCallback, useMemo } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import { useChatAction } from './useChatAction';

/**
 * The chat's writes, all through background commands. With no conversation selected, the first
 * Send creates one with the chosen connectors, then sends into it.
 */
export function useConversationCommands(conversationId: string | null, select: (id: string) => void) {
  const action = useChatAction();
  const { run } = action;

  const send = useCallback(
    async (text: string, connectorIds: string[]): Promise<boolean> => {
      const sent = await run(async () => {
        let id = conversationId;
        if (!id) {
          id = (await sendCommand('chat.create', { connectorIds })).conversationId;
          select(id);
        }
        await sendCommand('chat.send', { conversationId: id, text });
        return true;
      });
      return sent === true;
    },
    [conversationId, run, select],
  );

  const simple = useCallback(
    (command: 'chat.stop' | 'chat.retry' | 'chat.continue') => {
      if (conversationId) void run(() => sendCommand(command, { conversationId }));
    },
    [conversationId, run],
  );

  const decide = useCallback(
    async (callId: string, decision: 'allow' | 'deny', remembered: boolean) => {
      if (conversationId) await run(() => sendCommand('chat.decide', { conversationId, callId, decision, remembered }));
    },
    [conversationId, run],
  );

  const setConnectors = useCallback(
    (connectorIds: string[]) => {
      if (conversationId) void run(() => sendCommand('chat.setConnectors', { conversationId, connectorIds }));
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

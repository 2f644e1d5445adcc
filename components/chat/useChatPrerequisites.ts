import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { listChatConnectors, type ChatConnector } from '@/lib/db/chat-connectors';
import { usePanelServices } from '../app/panel-services';
import { useCommandQuery } from '../app/useCommandQuery';
import { rememberedText } from '../browser/remembered-text';
import { earlyChatConnectors } from './early-chat-connectors';

const rememberedModel = rememberedText('patchbay.chat.model');
/** The last list read in this page: a return to the Chat tab shows it at once, then the live read replaces it. */
let lastConnectors: ChatConnector[] | undefined;

/**
 * Whether the first screen can be drawn without the background's answer: a model was named at
 * an earlier open. Until one was, the screen waits for `settings.get`, so its reply must not be
 * held back for the screen to be drawn first (reply-check-gate.ts).
 */
export function knowsModelWithoutAsking(): boolean {
  return rememberedModel.read() !== null;
}

/**
 * What the Chat screen needs before it can show the message box: the model's name and the
 * connectors. Neither waits on a busy background or database when an earlier answer exists: the
 * model named at the last open (the background's answer replaces it when it comes) and the
 * connectors listed the last time this page showed the chat. `undefined` until both are known.
 */
export function useChatPrerequisites(): { model: string; connectors: ChatConnector[] } | undefined {
  const { db } = usePanelServices();
  const settings = useCommandQuery('settings.get', {}, ['settings-changed']);
  const connectors = useLiveQuery(() => listChatConnectors(db), [db], lastConnectors ?? earlyChatConnectors(db));
  useEffect(() => void (lastConnectors = connectors), [connectors]);
  const answered = settings.status === 'ready' ? settings.data.model : settings.status === 'failed' ? '' : undefined;
  useEffect(() => void (answered !== undefined && rememberedModel.write(answered)), [answered]);
  const model = answered ?? rememberedModel.read() ?? undefined;
  if (connectors === undefined || model === undefined) return undefined;
  return { model, connectors };
}
